package com.linli.leader.internal.training.web;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import com.linli.identity.Actor;
import com.linli.leader.QuizAnswer;
import com.linli.leader.TrainingManagement;
import com.linli.shared.BusinessRuleException;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The leader's training on the phone: the courses (basic path first), a course with its quiz, the result. */
@Controller
class TrainingPageController {

	private final TrainingManagement training;

	TrainingPageController(TrainingManagement training) {
		this.training = training;
	}

	@GetMapping("/leader/training")
	String courses(Actor actor, Model model) {
		var steps = training.path(actor);
		model.addAttribute("path", steps.stream().filter(s -> s.course().inPath()).toList());
		model.addAttribute("electives", steps.stream().filter(s -> !s.course().inPath()).toList());
		model.addAttribute("held", training.held(actor));
		return "leader/training-courses";
	}

	@GetMapping("/leader/training/{id}")
	String course(Actor actor, @PathVariable long id, Model model) {
		model.addAttribute("step", training.open(actor, id));
		return "leader/training-course";
	}

	@PostMapping("/leader/training/{id}")
	String answer(Actor actor, @PathVariable long id, @RequestParam MultiValueMap<String, String> form, Model model) {
		var step = training.open(actor, id);
		List<QuizAnswer> answers = new ArrayList<>();
		for (var q : step.course().questions()) {
			List<String> picked = form.getOrDefault("q" + q.id(), List.of());
			answers.add(new QuizAnswer(q.id(), picked.stream().map(TrainingPageController::index).toList()));
		}
		model.addAttribute("step", step);
		try {
			model.addAttribute("result", training.attempt(actor, id, answers));
		}
		catch (BusinessRuleException e) {
			model.addAttribute("error", e.getMessage());
		}
		return "leader/training-course";
	}

	private static Integer index(String value) {
		try {
			return Integer.valueOf(value.strip());
		}
		catch (NumberFormatException e) {
			return -1;
		}
	}

	static List<String> lines(String text) {
		return text == null ? List.of() : Arrays.stream(text.split("\\R")).map(String::strip).filter(s -> !s.isEmpty()).toList();
	}
}
