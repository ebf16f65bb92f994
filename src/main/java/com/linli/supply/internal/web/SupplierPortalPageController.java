package com.linli.supply.internal.web;

import com.linli.identity.CurrentUser;
import com.linli.supply.SupplierManagement;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The supplier portal's landing page: which company the signed-in SUPPLIER account works for, its
 * contact data on record, and its purchase orders (which arrive after each cutoff).
 */
@Controller
class SupplierPortalPageController {

	private final SupplierManagement suppliers;

	SupplierPortalPageController(SupplierManagement suppliers) {
		this.suppliers = suppliers;
	}

	@GetMapping("/supplier")
	String home(Model model) {
		var me = CurrentUser.require();
		model.addAttribute("supplier", suppliers.supplierOf(me.id()).orElse(null));
		return "supply/portal";
	}
}
