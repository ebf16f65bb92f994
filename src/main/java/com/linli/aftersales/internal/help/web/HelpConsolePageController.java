package com.linli.aftersales.internal.help.web;

import com.linli.aftersales.FaqId;
import com.linli.aftersales.HelpCentreManagement;
import com.linli.identity.Actor;
import com.linli.shared.BusinessRuleException;
import com.linli.shared.InvalidInputException;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The help centre on the console: categories and questions; operators add, edit, deactivate and reactivate them. */
@Controller
class HelpConsolePageController {

	private final HelpCentreManagement help;

	HelpConsolePageController(HelpCentreManagement help) {
		this.help = help;
	}

	@GetMapping("/console/help")
	String list(Actor actor, @RequestParam(required = false) Long edit, Model model) {
		model.addAttribute("categories", help.categories());
		model.addAttribute("questions", help.allQuestions(actor));
		model.addAttribute("editing", edit == null ? null : help.get(new FaqId(edit)));
		return "aftersales/help-console";
	}

	@PostMapping("/console/help/questions")
	String add(Actor actor, @RequestParam(required = false) String category, @RequestParam(required = false) String question,
			@RequestParam(required = false) String answer, RedirectAttributes redirect) {
		try {
			help.addQuestion(actor, category, question, answer);
			redirect.addFlashAttribute("notice", "saved");
		}
		catch (InvalidInputException e) {
			redirect.addFlashAttribute("failure", e.getMessage());
		}
		return "redirect:/console/help";
	}

	@PostMapping("/console/help/questions/{id}")
	String edit(Actor actor, @PathVariable long id, @RequestParam(required = false) String category,
			@RequestParam(required = false) String question, @RequestParam(required = false) String answer,
			@RequestParam(required = false) Integer sort, RedirectAttributes redirect) {
		try {
			help.editQuestion(actor, new FaqId(id), category, question, answer, sort);
			redirect.addFlashAttribute("notice", "saved");
		}
		catch (InvalidInputException e) {
			redirect.addFlashAttribute("failure", e.getMessage());
			return "redirect:/console/help?edit=" + id;
		}
		return "redirect:/console/help";
	}

	@PostMapping("/console/help/questions/{id}/active")
	String active(Actor actor, @PathVariable long id, @RequestParam boolean active, RedirectAttributes redirect) {
		help.setActive(actor, new FaqId(id), active);
		redirect.addFlashAttribute("notice", active ? "activated" : "deactivated");
		return "redirect:/console/help";
	}

	@PostMapping("/console/help/categories/{id}")
	String category(Actor actor, @PathVariable long id, @RequestParam(required = false) String name,
			@RequestParam(defaultValue = "0") int sort, RedirectAttributes redirect) {
		try {
			help.editCategory(actor, id, name, sort);
			redirect.addFlashAttribute("notice", "saved");
		}
		catch (BusinessRuleException e) {
			redirect.addFlashAttribute("failure", e.getMessage());
		}
		return "redirect:/console/help";
	}
}
