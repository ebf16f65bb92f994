package com.linli.supply.internal.web;

import java.io.IOException;
import java.util.Locale;

import com.linli.identity.Actor;
import com.linli.shared.BusinessRuleException;
import com.linli.shared.NotFoundException;
import com.linli.shared.SupplierId;
import com.linli.shared.Text;
import com.linli.supply.NewSupplier;
import com.linli.supply.Supplier;
import com.linli.supply.SupplierManagement;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.springframework.beans.BeansException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriComponentsBuilder;

/** The console's suppliers: a filtered, paged list, the create and edit form, and the supplier's logins. */
@Controller
@RequestMapping("/console/suppliers")
class SupplierPageController {

	static final int PAGE_SIZE = 20;

	private final SupplierManagement suppliers;

	SupplierPageController(SupplierManagement suppliers) {
		this.suppliers = suppliers;
	}

	@GetMapping
	String list(@RequestParam(required = false) String q, @RequestParam(required = false) Boolean active,
			@RequestParam(defaultValue = "0") int page, Model model) {
		var result = suppliers.search(q, active, page, PAGE_SIZE);
		model.addAttribute("result", result);
		model.addAttribute("q", q);
		model.addAttribute("active", active);
		model.addAttribute("previousUrl", pageUrl(q, active, result.page() - 1));
		model.addAttribute("nextUrl", pageUrl(q, active, result.page() + 1));
		return "supply/suppliers";
	}

	@GetMapping("/new")
	String newSupplier(Model model) {
		return form(model, new SupplierForm(), null);
	}

	@PostMapping
	String create(@Valid @ModelAttribute("form") SupplierForm form, BindingResult result, Model model,
			RedirectAttributes redirect, Locale locale, Actor actor) {
		if (!result.hasErrors()) {
			try {
				var supplier = suppliers.create(form.toNew(), actor);
				redirect.addFlashAttribute("saved", supplier.name());
				return "redirect:/console/suppliers/" + supplier.id().value();
			}
			catch (BusinessRuleException e) {
				reject(result, e, locale);
			}
		}
		return form(model, form, null);
	}

	@GetMapping("/{id}")
	String edit(@PathVariable long id, Model model) {
		var supplier = suppliers.get(new SupplierId(id));
		return form(model, SupplierForm.of(supplier), supplier);
	}

	@PostMapping("/{id}")
	String update(@PathVariable long id, @Valid @ModelAttribute("form") SupplierForm form, BindingResult result,
			Model model, RedirectAttributes redirect, Locale locale, Actor actor) {
		var supplier = suppliers.get(new SupplierId(id));
		if (!result.hasErrors()) {
			try {
				suppliers.update(supplier.id(), form.toNew(), form.isActive(), actor);
				redirect.addFlashAttribute("saved", form.getName());
				return "redirect:/console/suppliers/" + id;
			}
			catch (BusinessRuleException e) {
				reject(result, e, locale);
			}
		}
		return form(model, form, supplier);
	}

	@PostMapping("/{id}/accounts")
	String openAccount(@PathVariable long id, @Valid @ModelAttribute("login") LoginForm login, BindingResult result,
			Model model, RedirectAttributes redirect, Locale locale, Actor actor) {
		var supplier = suppliers.get(new SupplierId(id));
		if (!result.hasErrors()) {
			try {
				var account = suppliers.openAccount(supplier.id(), login.getPhone(), login.getDisplayName(),
						login.getPassword(), actor);
				redirect.addFlashAttribute("accountOpened", account.phone());
				return "redirect:/console/suppliers/" + id;
			}
			catch (BusinessRuleException e) {
				reject(result, e, locale);
			}
		}
		model.addAttribute("form", SupplierForm.of(supplier));
		model.addAttribute("supplier", supplier);
		model.addAttribute("accounts", suppliers.accountsOf(supplier.id()));
		return "supply/supplier-form";
	}

	private String form(Model model, SupplierForm form, Supplier supplier) {
		model.addAttribute("form", form);
		model.addAttribute("supplier", supplier);
		if (supplier != null) {
			model.addAttribute("accounts", suppliers.accountsOf(supplier.id()));
			if (!model.containsAttribute("login")) {
				model.addAttribute("login", new LoginForm());
			}
		}
		return "supply/supplier-form";
	}

	/** Puts a rule's message beside its field, in the reader's language. */
	private static void reject(BindingResult result, BusinessRuleException e, Locale locale) {
		String message = Text.half(e.getMessage(), locale);
		if (e.field() != null) {
			try {
				result.rejectValue(e.field(), e.code(), message);
				return;
			}
			catch (BeansException | IllegalArgumentException ignored) {
				// not a field of this form: shown for the whole form
			}
		}
		result.reject(e.code(), message);
	}

	private static String pageUrl(String q, Boolean active, int page) {
		var builder = UriComponentsBuilder.fromPath("/console/suppliers");
		if (q != null && !q.isBlank()) {
			builder.queryParam("q", q.strip());
		}
		if (active != null) {
			builder.queryParam("active", active);
		}
		return builder.queryParam("page", page).encode().build().toUriString();
	}

	@ExceptionHandler(NotFoundException.class)
	void notFound(HttpServletResponse response) throws IOException {
		response.sendError(HttpServletResponse.SC_NOT_FOUND);
	}

	/** The create / edit form of a supplier. */
	public static class SupplierForm {

		@NotBlank
		@Size(max = 60)
		private String name;

		@NotBlank
		@Size(max = 30)
		private String contactName;

		@NotBlank
		@Pattern(regexp = "^(1[3-9][0-9]{9}|0[0-9]{2,3}-?[0-9]{7,8})$", message = "{supply.validation.contactPhone}")
		private String contactPhone;

		@NotBlank
		@Size(max = 200)
		private String address;

		private boolean active = true;

		static SupplierForm of(Supplier s) {
			var form = new SupplierForm();
			form.name = s.name();
			form.contactName = s.contactName();
			form.contactPhone = s.contactPhone();
			form.address = s.address();
			form.active = s.active();
			return form;
		}

		NewSupplier toNew() {
			return new NewSupplier(name, contactName, contactPhone == null ? null : contactPhone.strip(), address);
		}

		public String getName() {
			return name;
		}

		public void setName(String name) {
			this.name = name;
		}

		public String getContactName() {
			return contactName;
		}

		public void setContactName(String contactName) {
			this.contactName = contactName;
		}

		public String getContactPhone() {
			return contactPhone;
		}

		public void setContactPhone(String contactPhone) {
			this.contactPhone = contactPhone;
		}

		public String getAddress() {
			return address;
		}

		public void setAddress(String address) {
			this.address = address;
		}

		public boolean isActive() {
			return active;
		}

		public void setActive(boolean active) {
			this.active = active;
		}
	}

	/** A new SUPPLIER login for the supplier: phone, name and a first password. */
	public static class LoginForm {

		@NotBlank
		@Pattern(regexp = "^1[3-9][0-9]{9}$", message = "{validation.phone}")
		private String phone;

		@NotBlank
		@Size(max = 30)
		private String displayName;

		@NotBlank
		@Size(min = 6, max = 72)
		private String password;

		public String getPhone() {
			return phone;
		}

		public void setPhone(String phone) {
			this.phone = phone;
		}

		public String getDisplayName() {
			return displayName;
		}

		public void setDisplayName(String displayName) {
			this.displayName = displayName;
		}

		public String getPassword() {
			return password;
		}

		public void setPassword(String password) {
			this.password = password;
		}
	}
}
