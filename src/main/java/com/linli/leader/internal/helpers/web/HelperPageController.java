package com.linli.leader.internal.helpers.web;

import com.linli.identity.Actor;
import com.linli.leader.HelperManagement;
import com.linli.shared.BusinessRuleException;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The leader's helpers on the phone (/leader/helpers): the list, the add form, remove. */
@Controller
class HelperPageController {

	private final HelperManagement helpers;

	HelperPageController(HelperManagement helpers) {
		this.helpers = helpers;
	}

	@GetMapping("/leader/helpers")
	String list(Actor actor, Model model) {
		model.addAttribute("helpers", helpers.mine(actor));
		model.addAttribute("max", HelperManagement.MAX_HELPERS);
		return "leader/helpers-list";
	}

	@PostMapping("/leader/helpers")
	String add(Actor actor, @RequestParam(required = false) String phone, @RequestParam(required = false) String name,
			Model model, RedirectAttributes redirect) {
		try {
			var added = helpers.add(actor, phone, name);
			redirect.addFlashAttribute("added", added.name());
			return "redirect:/leader/helpers";
		}
		catch (BusinessRuleException e) {
			model.addAttribute("error", e.getMessage());
			model.addAttribute("errorField", e.field());
			model.addAttribute("phone", phone);
			model.addAttribute("name", name);
			return list(actor, model);
		}
	}

	@PostMapping("/leader/helpers/{id}/removal")
	String remove(Actor actor, @PathVariable long id, RedirectAttributes redirect) {
		helpers.remove(actor, id);
		redirect.addFlashAttribute("removed", true);
		return "redirect:/leader/helpers";
	}
}
