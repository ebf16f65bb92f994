package com.linli.leader.internal.recruitment.web;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import com.linli.identity.Actor;
import com.linli.leader.ApplicationStatus;
import com.linli.leader.LeaderApplication;
import com.linli.leader.LeaderApplicationId;
import com.linli.leader.RecruitmentManagement;
import com.linli.leader.ReviewCheck;
import com.linli.shared.Page;
import com.linli.shared.web.UploadedImages;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Operators review leader applications of their regions: the queue, one application, and the decisions. */
@RestController
@RequestMapping("/api/admin/leaders/applications")
@PreAuthorize("hasAnyRole('PLATFORM_ADMIN', 'OPERATOR')")
@Tag(name = "leader recruitment review", description = "Operators review leader applications of their regions")
class ApplicationReviewRestController {

	private final RecruitmentManagement recruitment;

	ApplicationReviewRestController(RecruitmentManagement recruitment) {
		this.recruitment = recruitment;
	}

	record Approval(Set<ReviewCheck> checklist) {
	}

	record Rejection(String reason) {
	}

	record Question(String question) {
	}

	@GetMapping
	@Operation(summary = "The review queue of the caller's regions: by region and status (default: waiting for review), oldest first")
	Page<ApplicationView> queue(Actor actor, @RequestParam(required = false) Long regionId,
			@RequestParam(required = false) Set<ApplicationStatus> status, @RequestParam(defaultValue = "0") int page,
			@RequestParam(defaultValue = "20") int size) {
		var found = recruitment.queue(actor, regionId,
				status == null || status.isEmpty() ? EnumSet.of(ApplicationStatus.SUBMITTED) : status, page, size);
		return new Page<>(found.items().stream().map(a -> ApplicationView.of(a, List.of())).toList(), found.total(),
				found.page(), found.size());
	}

	@GetMapping("/{id}")
	@Operation(summary = "One application with its score's parts, checklist and photos (positions)")
	ApplicationView get(Actor actor, @PathVariable long id) {
		var key = new LeaderApplicationId(id);
		return view(actor, key, recruitment.get(actor, key));
	}

	@GetMapping("/{id}/photos/{position}")
	@Operation(summary = "A photo of the application")
	ResponseEntity<byte[]> photo(Actor actor, @PathVariable long id, @PathVariable int position) {
		return recruitment.photo(actor, new LeaderApplicationId(id), position)
			.map(f -> UploadedImages.served(f, CacheControl.noStore()))
			.orElseGet(() -> ResponseEntity.notFound().build());
	}

	@PostMapping("/{id}/approve")
	@Operation(summary = "Approves with every check ticked: opens the pickup point, appoints the leader, tells the applicant")
	ApplicationView approve(Actor actor, @PathVariable long id, @RequestBody Approval approval) {
		var key = new LeaderApplicationId(id);
		return view(actor, key, recruitment.approve(actor, key, approval == null ? null : approval.checklist()));
	}

	@PostMapping("/{id}/reject")
	@Operation(summary = "Rejects with the reason the applicant reads")
	ApplicationView reject(Actor actor, @PathVariable long id, @RequestBody Rejection rejection) {
		var key = new LeaderApplicationId(id);
		return view(actor, key, recruitment.reject(actor, key, rejection == null ? null : rejection.reason()));
	}

	@PostMapping("/{id}/request-info")
	@Operation(summary = "Asks the applicant for more; they answer on the status page")
	ApplicationView requestInfo(Actor actor, @PathVariable long id, @RequestBody Question question) {
		var key = new LeaderApplicationId(id);
		return view(actor, key, recruitment.requestMoreInfo(actor, key, question == null ? null : question.question()));
	}

	/** The application as the API shows it, with the positions of its photos. */
	private ApplicationView view(Actor actor, LeaderApplicationId key, LeaderApplication application) {
		return ApplicationView.of(application, recruitment.photoPositions(actor, key));
	}
}
