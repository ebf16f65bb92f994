package com.linli.identity.internal.web;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import com.linli.identity.Account;
import com.linli.identity.AccountId;
import com.linli.identity.AccountManagement;
import com.linli.identity.Actor;
import com.linli.identity.NewAccount;
import com.linli.identity.Role;
import com.linli.identity.internal.AuditLog;
import com.linli.identity.internal.PasswordRules;
import com.linli.shared.BusinessRuleException;
import com.linli.shared.RegionDirectory;
import com.linli.shared.Text;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** Platform admins open staff accounts, assign roles and regions, and read the audit log. */
@Controller
@PreAuthorize("hasRole('PLATFORM_ADMIN')")
class AccountPageController {

	private final AccountManagement accounts;

	private final AuditLog audit;

	private final ObjectProvider<RegionDirectory> regions;

	AccountPageController(AccountManagement accounts, AuditLog audit, ObjectProvider<RegionDirectory> regions) {
		this.accounts = accounts;
		this.audit = audit;
		this.regions = regions;
	}

	@GetMapping("/console/accounts")
	String list(@RequestParam(required = false) String q, @RequestParam(required = false) Role role,
			@RequestParam(defaultValue = "0") int page, Model model) {
		model.addAttribute("result", accounts.search(q, role, page, 20));
		model.addAttribute("q", q);
		model.addAttribute("role", role);
		model.addAttribute("roles", Role.values());
		model.addAttribute("regionNames", regionNames());
		return "identity/accounts";
	}

	@GetMapping("/console/accounts/new")
	String createForm(Model model) {
		model.addAttribute("form", new AccountForm("", "", "", EnumSet.noneOf(Role.class), Set.of(), true));
		return form(model, null);
	}

	@PostMapping("/console/accounts/new")
	String create(@Valid @ModelAttribute("form") AccountForm form, BindingResult result, Model model) {
		if (form.password() == null || form.password().length() < 6) {
			result.rejectValue("password", "password", Text.of("identity.problem.passwordTooShort").inReadersLanguage());
		}
		if (result.hasErrors()) {
			return form(model, null);
		}
		try {
			accounts.create(new NewAccount(form.phone().trim(), form.displayName(), form.password(), form.roles(),
					form.regionIds()));
		}
		catch (BusinessRuleException e) {
			result.rejectValue(e.field() == null ? "phone" : e.field(), e.code(), e.getMessage());
			return form(model, null);
		}
		return "redirect:/console/accounts?q=" + form.phone().trim();
	}

	@GetMapping("/console/accounts/{id}")
	String editForm(@PathVariable long id, Model model) {
		Account a = accounts.get(new AccountId(id));
		model.addAttribute("form", new AccountForm(a.phone(), a.displayName(), "", a.roles(), a.regionIds(), a.enabled()));
		return form(model, id);
	}

	@PostMapping("/console/accounts/{id}")
	String update(@PathVariable long id, @Valid @ModelAttribute("form") AccountForm form, BindingResult result,
			Model model, Actor actor) {
		if (result.hasErrors()) {
			return form(model, id);
		}
		var accountId = new AccountId(id);
		boolean reset = form.password() != null && !form.password().isBlank();
		if (reset) {
			try {
				PasswordRules.check("password", form.password(), accounts.get(accountId).phone());
			}
			catch (BusinessRuleException e) {
				result.rejectValue("password", e.code(), e.getMessage());
				return form(model, id);
			}
		}
		accounts.update(accountId, form.displayName(), form.roles(), form.regionIds(), form.enabled(), actor);
		if (reset) {
			accounts.resetPassword(accountId, form.password(), actor);
		}
		return "redirect:/console/accounts?q=" + accounts.get(accountId).phone();
	}

	@GetMapping("/console/audit")
	String audit(@RequestParam(required = false) String action, @RequestParam(defaultValue = "0") int page,
			Model model) {
		model.addAttribute("result", audit.page(action == null || action.isBlank() ? null : action.trim(), page, 50));
		model.addAttribute("action", action);
		return "identity/audit";
	}

	private String form(Model model, Long id) {
		model.addAttribute("id", id);
		model.addAttribute("roles", Role.values());
		model.addAttribute("regionOptions", regions.getIfAvailable(() -> List::of).all());
		return "identity/account-form";
	}

	private java.util.Map<Long, String> regionNames() {
		var map = new java.util.HashMap<Long, String>();
		regions.getIfAvailable(() -> List::of).all().forEach(r -> map.put(r.id(), r.name()));
		return map;
	}

	record AccountForm(@NotBlank @Pattern(regexp = "^1[3-9][0-9]{9}$", message = "{validation.phone}") String phone,
			@NotBlank @Size(max = 30) String displayName, @Size(max = 72) String password,
			@NotEmpty Set<Role> roles, Set<Long> regionIds, boolean enabled) {

		AccountForm {
			roles = roles == null ? EnumSet.noneOf(Role.class) : roles;
			regionIds = regionIds == null ? Set.of() : regionIds;
		}
	}
}
