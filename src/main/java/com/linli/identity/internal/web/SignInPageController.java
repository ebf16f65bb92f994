package com.linli.identity.internal.web;

import com.linli.identity.AccountManagement;
import com.linli.identity.Actor;
import com.linli.identity.CurrentUser;
import com.linli.identity.Role;
import com.linli.shared.BusinessRuleException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;

/** Login, resident self-registration, and the front door that sends each role to its own screen. */
@Controller
class SignInPageController {

	private final AccountManagement accounts;

	SignInPageController(AccountManagement accounts) {
		this.accounts = accounts;
	}

	@GetMapping("/login")
	String login() {
		return "identity/login";
	}

	@GetMapping("/")
	String home() {
		var user = CurrentUser.require();
		if (user.hasRole(Role.PLATFORM_ADMIN) || user.hasRole(Role.OPERATOR)) {
			return "redirect:/console";
		}
		if (user.hasRole(Role.WAREHOUSE_STAFF)) {
			return "redirect:/warehouse/receiving";
		}
		if (user.hasRole(Role.LEADER)) {
			return "redirect:/leader";
		}
		if (user.hasRole(Role.VERIFIER)) {
			return "redirect:/leader/pickup";
		}
		if (user.hasRole(Role.SUPPLIER)) {
			return "redirect:/supplier";
		}
		if (user.hasRole(Role.DRIVER)) {
			return "redirect:/driver";
		}
		return "redirect:/shop";
	}

	/** The account page for roles whose own screens (drivers: routes) are not built yet. */
	@GetMapping("/workbench")
	String workbench(Model model) {
		model.addAttribute("account", accounts.get(CurrentUser.require().id()));
		return "identity/workbench";
	}

	@GetMapping("/account/password")
	String passwordForm(Model model) {
		model.addAttribute("form", new PasswordForm("", ""));
		return passwordPage(model);
	}

	/** A new password ends every session of the account, this one too: sign in again with it. */
	@PostMapping("/account/password")
	String changePassword(@Valid @ModelAttribute("form") PasswordForm form, BindingResult result, Model model,
			HttpServletRequest request, Actor actor) {
		if (result.hasErrors()) {
			return passwordPage(model);
		}
		try {
			accounts.changePassword(CurrentUser.require().id(), form.currentPassword(), form.newPassword(), actor);
		}
		catch (BusinessRuleException e) {
			result.rejectValue(e.field() == null ? "newPassword" : e.field(), e.code(), e.getMessage());
			return passwordPage(model);
		}
		var session = request.getSession(false);
		if (session != null) {
			session.invalidate();
		}
		SecurityContextHolder.clearContext();
		return "redirect:/login?changed";
	}

	private String passwordPage(Model model) {
		model.addAttribute("account", accounts.get(CurrentUser.require().id()));
		return "identity/password";
	}

	@GetMapping("/register")
	String registerForm(Model model) {
		model.addAttribute("form", new RegisterForm("", "", ""));
		return "identity/register";
	}

	@PostMapping("/register")
	String register(@Valid @ModelAttribute("form") RegisterForm form, BindingResult result) {
		if (result.hasErrors()) {
			return "identity/register";
		}
		try {
			accounts.registerResident(form.phone().trim(), form.displayName(), form.password());
		}
		catch (BusinessRuleException e) {
			result.rejectValue(e.field() == null ? "phone" : e.field(), e.code(), e.getMessage());
			return "identity/register";
		}
		return "redirect:/login?registered";
	}

	record PasswordForm(@NotBlank String currentPassword, @NotBlank String newPassword) {
	}

	record RegisterForm(@NotBlank @Pattern(regexp = "^1[3-9][0-9]{9}$", message = "{validation.phone}") String phone,
			@NotBlank @Size(max = 30) String displayName, @NotBlank @Size(min = 6, max = 72) String password) {
	}
}
