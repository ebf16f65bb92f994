package com.linli.leader.internal.training.web;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import com.linli.identity.Actor;
import com.linli.leader.NewTrainingCourse;
import com.linli.leader.TrainingCourse;
import com.linli.leader.TrainingManagement;
import com.linli.network.Region;
import com.linli.network.RegionId;
import com.linli.network.RegionManagement;
import com.linli.shared.BusinessRuleException;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Training in the console: a region's courses (basic path first), a course's form (the quiz one question a
 * line: {@code question|option|option|…|1,2}), the gate switch, and who is done.
 */
@Controller
class TrainingConsoleController {

	private final TrainingManagement training;

	private final RegionManagement regions;

	TrainingConsoleController(TrainingManagement training, RegionManagement regions) {
		this.training = training;
		this.regions = regions;
	}

	/** The form's fields, as typed. */
	record CourseForm(Long id, Integer version, Long regionId, String title, String category, String body,
			String imageUrls, String videoUrls, String pathPosition, String passMark, String questions) {

		static CourseForm empty(long regionId) {
			return new CourseForm(null, null, regionId, "", "PLATFORM", "", "", "", "", "80", "");
		}

		static CourseForm of(TrainingCourse c) {
			StringBuilder quiz = new StringBuilder();
			for (var q : c.questions()) {
				quiz.append(q.text());
				q.options().forEach(o -> quiz.append('|').append(o));
				quiz.append('|').append(String.join(",", q.correct().stream().map(i -> String.valueOf(i + 1)).toList()))
					.append('\n');
			}
			return new CourseForm(c.id(), c.version(), c.regionId().value(), c.title(), c.category().name(), c.body(),
					String.join("\n", c.imageUrls()), String.join("\n", c.videoUrls()),
					c.pathPosition() == null ? "" : c.pathPosition().toString(), String.valueOf(c.passMark()),
					quiz.toString().strip());
		}

		NewTrainingCourse course() {
			List<NewTrainingCourse.NewQuestion> list = new ArrayList<>();
			for (String line : TrainingPageController.lines(questions)) {
				List<String> parts = Arrays.stream(line.split("\\|")).map(String::strip).toList();
				if (parts.size() < 2) {
					list.add(new NewTrainingCourse.NewQuestion(parts.get(0), List.of(), List.of()));
					continue;
				}
				List<Integer> correct = Arrays.stream(parts.get(parts.size() - 1).split("[,，\\s]+"))
					.filter(s -> !s.isBlank())
					.map(s -> number(s) == null ? -1 : number(s) - 1)
					.toList();
				list.add(new NewTrainingCourse.NewQuestion(parts.get(0), parts.subList(1, parts.size() - 1), correct));
			}
			TrainingCourse.Category cat;
			try {
				cat = category == null ? null : TrainingCourse.Category.valueOf(category);
			}
			catch (IllegalArgumentException e) {
				cat = null;
			}
			return new NewTrainingCourse(regionId == null ? null : new RegionId(regionId), title, cat, body,
					TrainingPageController.lines(imageUrls), TrainingPageController.lines(videoUrls), number(pathPosition),
					passMark == null || passMark.isBlank() ? null : (number(passMark) == null ? -1 : number(passMark)), list);
		}

		private static Integer number(String s) {
			try {
				return s == null || s.isBlank() ? null : Integer.valueOf(s.strip());
			}
			catch (NumberFormatException e) {
				return -1;
			}
		}
	}

	@GetMapping("/console/leaders/training")
	String page(Actor actor, @RequestParam(required = false) Long regionId, @RequestParam(required = false) Long edit,
			Model model) {
		List<Region> mine = regions.regions().stream().filter(r -> actor.worksIn(r.id().value())).toList();
		model.addAttribute("regions", mine);
		Long chosen = regionId != null ? regionId : mine.isEmpty() ? null : mine.get(0).id().value();
		model.addAttribute("regionId", chosen);
		if (chosen == null) {
			return "leader/training-console";
		}
		RegionId region = new RegionId(chosen);
		var courses = training.courses(actor, region);
		model.addAttribute("courses", courses);
		model.addAttribute("pathCourses", courses.stream().filter(TrainingCourse::inPath).toList());
		model.addAttribute("gate", training.gate(actor, region));
		model.addAttribute("progress", training.progress(actor, region));
		model.addAttribute("categories", TrainingCourse.Category.values());
		if (!model.containsAttribute("form")) {
			model.addAttribute("form", edit == null ? CourseForm.empty(chosen) : CourseForm.of(training.course(actor, edit)));
		}
		return "leader/training-console";
	}

	@PostMapping("/console/leaders/training/courses")
	String save(Actor actor, CourseForm form, RedirectAttributes redirect, Model model) {
		try {
			if (form.id() == null) {
				training.create(actor, form.course());
			}
			else {
				training.update(actor, form.id(), form.version() == null ? -1 : form.version(), form.course());
			}
			redirect.addFlashAttribute("saved", true);
			return "redirect:/console/leaders/training?regionId=" + form.regionId();
		}
		catch (BusinessRuleException e) {
			model.addAttribute("form", form);
			model.addAttribute("error", e.getMessage());
			model.addAttribute("errorField", e.field());
			return page(actor, form.regionId(), null, model);
		}
	}

	@PostMapping("/console/leaders/training/gate")
	String gate(Actor actor, @RequestParam long regionId, @RequestParam boolean enabled) {
		training.setGate(actor, new RegionId(regionId), enabled);
		return "redirect:/console/leaders/training?regionId=" + regionId;
	}

	@GetMapping("/console/leaders/training/{id}")
	String edit(@PathVariable long id, Actor actor, Model model) {
		var course = training.course(actor, id);
		return page(actor, course.regionId().value(), id, model);
	}
}
