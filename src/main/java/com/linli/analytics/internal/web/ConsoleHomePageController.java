package com.linli.analytics.internal.web;

import java.util.Comparator;
import java.util.List;

import com.linli.identity.Actor;
import com.linli.shared.ConsoleFigures;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The operator console's home: each module's headline figures for the regions the viewer manages. */
@Controller
class ConsoleHomePageController {

	private final List<ConsoleFigures> contributors;

	ConsoleHomePageController(List<ConsoleFigures> contributors) {
		this.contributors = contributors;
	}

	@GetMapping("/console")
	String home(Actor actor, Model model) {
		var scope = actor.regions().asFilter();
		model.addAttribute("figures", contributors.stream().flatMap(c -> c.figures(scope).stream())
			.sorted(Comparator.comparingInt(ConsoleFigures.Figure::order)).toList());
		return "analytics/home";
	}
}
