package com.linli.aftersales.internal.help.web;

import java.time.Instant;
import java.util.List;

import com.linli.aftersales.FaqCategory;
import com.linli.aftersales.FaqEntry;
import com.linli.aftersales.FaqId;
import com.linli.aftersales.HelpCentreManagement;
import com.linli.identity.Actor;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;

import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** The help centre's questions: kept by operators, searched by anyone. */
@RestController
@Tag(name = "help centre", description = "帮助中心: FAQ categories, questions and answers; a search in Chinese")
class FaqRestController {

	private final HelpCentreManagement help;

	FaqRestController(HelpCentreManagement help) {
		this.help = help;
	}

	@GetMapping("/api/storefront/help")
	@Operation(summary = "Search the help centre", description = "Public. With q: the active questions matching it "
			+ "(Chinese without spaces is matched by its character pairs), best first; without: every active question by "
			+ "category. 400 naming q above 100 characters.")
	List<FaqView> search(@RequestParam(required = false) String q, @RequestParam(defaultValue = "10") int limit) {
		var found = q == null || q.isBlank() ? help.published() : help.search(q, limit);
		return found.stream().map(FaqView::of).toList();
	}

	@GetMapping("/api/admin/aftersales/faq")
	@PreAuthorize("hasAnyRole('PLATFORM_ADMIN', 'OPERATOR')")
	@Operation(summary = "Every question, active or not")
	List<FaqView> all(Actor actor) {
		return help.allQuestions(actor).stream().map(FaqView::of).toList();
	}

	@GetMapping("/api/admin/aftersales/faq/categories")
	@PreAuthorize("hasAnyRole('PLATFORM_ADMIN', 'OPERATOR')")
	@Operation(summary = "The categories in order, with their active questions")
	List<FaqCategory> categories() {
		return help.categories();
	}

	@PutMapping("/api/admin/aftersales/faq/categories/{id}")
	@PreAuthorize("hasAnyRole('PLATFORM_ADMIN', 'OPERATOR')")
	@Operation(summary = "Rename or reorder a category", description = "409 naming name when another has it.")
	FaqCategory category(Actor actor, @PathVariable long id, @Valid @RequestBody CategoryEdit edit) {
		return help.editCategory(actor, id, edit.name(), edit.sort() == null ? 0 : edit.sort());
	}

	@PostMapping("/api/admin/aftersales/faq")
	@PreAuthorize("hasAnyRole('PLATFORM_ADMIN', 'OPERATOR')")
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Add a question", description = "category (created when new, ≤ 40), question (≤ 200), "
			+ "answer (≤ 2000); 400 naming the field.")
	FaqView add(Actor actor, @Valid @RequestBody FaqEdit edit) {
		return FaqView.of(help.get(help.addQuestion(actor, edit.category(), edit.question(), edit.answer())));
	}

	@PutMapping("/api/admin/aftersales/faq/{id}")
	@PreAuthorize("hasAnyRole('PLATFORM_ADMIN', 'OPERATOR')")
	@Operation(summary = "Change a question")
	FaqView edit(Actor actor, @PathVariable long id, @Valid @RequestBody FaqEdit edit) {
		return FaqView.of(help.editQuestion(actor, new FaqId(id), edit.category(), edit.question(), edit.answer(),
				edit.sort()));
	}

	@PostMapping("/api/admin/aftersales/faq/{id}/active")
	@PreAuthorize("hasAnyRole('PLATFORM_ADMIN', 'OPERATOR')")
	@Operation(summary = "Show a question to residents or take it away")
	FaqView active(Actor actor, @PathVariable long id, @Valid @RequestBody Active active) {
		return FaqView.of(help.setActive(actor, new FaqId(id), active.active()));
	}

	record FaqEdit(String category, String question, String answer, Integer sort) {
	}

	record CategoryEdit(String name, Integer sort) {
	}

	record Active(@NotNull Boolean active) {
	}

	record FaqView(long id, long categoryId, String category, String question, String answer, int sort, boolean active,
			Instant updatedAt) {

		static FaqView of(FaqEntry e) {
			return new FaqView(e.id().value(), e.categoryId(), e.category(), e.question(), e.answer(), e.sort(),
					e.active(), e.updatedAt());
		}
	}
}
