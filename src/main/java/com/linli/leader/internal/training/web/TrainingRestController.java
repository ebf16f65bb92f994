package com.linli.leader.internal.training.web;

import java.time.Instant;
import java.util.List;

import com.linli.identity.Actor;
import com.linli.leader.NewTrainingCourse;
import com.linli.leader.QuizAnswer;
import com.linli.leader.QuizResult;
import com.linli.leader.TrainingCourse;
import com.linli.leader.TrainingGate;
import com.linli.leader.TrainingManagement;
import com.linli.leader.TrainingProgress;
import com.linli.network.RegionId;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.NotNull;

import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Training through the API: operators write courses with quizzes for their regions, arrange the basic path,
 * switch the region's gate and see who is done; leaders read their region's courses (without the answers)
 * and take the quizzes, checked on the server.
 */
@RestController
@Validated
@Tag(name = "leader training", description = "Training courses, quizzes, the basic path and its gate (培训)")
class TrainingRestController {

	private final TrainingManagement training;

	TrainingRestController(TrainingManagement training) {
		this.training = training;
	}

	/** A course as an operator sends it; {@code version} when editing (compare-and-set). */
	record CourseRequest(Long regionId, String title, TrainingCourse.Category category, String body,
			List<String> imageUrls, List<String> videoUrls, Integer pathPosition, Integer passMark,
			List<NewTrainingCourse.NewQuestion> questions, Integer version) {

		NewTrainingCourse course() {
			return new NewTrainingCourse(regionId == null ? null : new RegionId(regionId), title, category, body,
					imageUrls, videoUrls, pathPosition, passMark, questions);
		}
	}

	record GateRequest(@NotNull Boolean enabled) {
	}

	record GateView(long regionId, boolean enabled, Instant since) {
		static GateView of(TrainingGate g) {
			return new GateView(g.regionId().value(), g.enabled(), g.since());
		}
	}

	/** A quiz question as a leader sees it: no answers. */
	record QuestionView(long id, String text, List<String> options, boolean multiple) {
	}

	record CourseView(long id, String title, TrainingCourse.Category category, String body, List<String> imageUrls,
			List<String> videoUrls, Integer pathPosition, int passMark, List<QuestionView> questions) {
		static CourseView of(TrainingCourse c) {
			return new CourseView(c.id(), c.title(), c.category(), c.body(), c.imageUrls(), c.videoUrls(),
					c.pathPosition(), c.passMark(), c.questions().stream()
						.map(q -> new QuestionView(q.id(), q.text(), q.options(), q.correct().size() > 1))
						.toList());
		}
	}

	record ProgressView(Instant startedAt, int attempts, Integer lastScore, Integer bestScore, Instant passedAt,
			boolean passed) {
		static ProgressView of(TrainingProgress p) {
			return new ProgressView(p.startedAt(), p.attempts(), p.lastScore(), p.bestScore(), p.passedAt(), p.passed());
		}
	}

	record StepView(CourseView course, ProgressView progress) {
	}

	record MyTraining(boolean pickupPointWaitsForTraining, List<StepView> courses) {
	}

	record AttemptRequest(List<QuizAnswer> answers) {
	}

	record LeaderProgressView(long leaderId, String name, String phone, long pickupPointId, int passed, int pathLength,
			boolean done, boolean held, List<CourseProgressView> path) {
	}

	record CourseProgressView(long courseId, ProgressView progress) {
	}

	// --- operators

	@GetMapping("/api/admin/leaders/training/courses")
	@PreAuthorize("hasAnyRole('PLATFORM_ADMIN', 'OPERATOR')")
	@Operation(summary = "The region's courses with their quizzes and answers, the basic path first")
	List<TrainingCourse> courses(Actor actor, @RequestParam long regionId) {
		return training.courses(actor, new RegionId(regionId));
	}

	@GetMapping("/api/admin/leaders/training/courses/{id}")
	@PreAuthorize("hasAnyRole('PLATFORM_ADMIN', 'OPERATOR')")
	@Operation(summary = "A course with its quiz and answers")
	TrainingCourse course(Actor actor, @PathVariable long id) {
		return training.course(actor, id);
	}

	@PostMapping("/api/admin/leaders/training/courses")
	@PreAuthorize("hasAnyRole('PLATFORM_ADMIN', 'OPERATOR')")
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "A new course for a region the operator manages",
			description = "400 naming the field: a quiz without questions, a question without a correct option, a pass mark outside 0..100, a link that is not http(s); 403 for another region")
	TrainingCourse create(Actor actor, @RequestBody CourseRequest request) {
		return training.create(actor, request.course());
	}

	@PutMapping("/api/admin/leaders/training/courses/{id}")
	@PreAuthorize("hasAnyRole('PLATFORM_ADMIN', 'OPERATOR')")
	@Operation(summary = "Edits a course and replaces its quiz (compare-and-set on version: 409 changed-concurrently)")
	TrainingCourse update(Actor actor, @PathVariable long id, @RequestBody CourseRequest request) {
		return training.update(actor, id, request.version(), request.course());
	}

	@GetMapping("/api/admin/leaders/training/progress")
	@PreAuthorize("hasAnyRole('PLATFORM_ADMIN', 'OPERATOR')")
	@Operation(summary = "The region's leaders and their progress along its basic path")
	List<LeaderProgressView> progress(Actor actor, @RequestParam long regionId) {
		return training.progress(actor, new RegionId(regionId)).stream()
			.map(l -> new LeaderProgressView(l.leaderId().value(), l.name(), l.phone(), l.pickupPointId().value(),
					l.passed(), l.path().size(), l.done(), l.held(),
					l.path().stream().map(p -> new CourseProgressView(p.courseId(), ProgressView.of(p))).toList()))
			.toList();
	}

	@GetMapping("/api/admin/leaders/training/gate")
	@PreAuthorize("hasAnyRole('PLATFORM_ADMIN', 'OPERATOR')")
	@Operation(summary = "The region's training gate (off by default)")
	GateView gate(Actor actor, @RequestParam long regionId) {
		return GateView.of(training.gate(actor, new RegionId(regionId)));
	}

	@PutMapping("/api/admin/leaders/training/gate")
	@PreAuthorize("hasAnyRole('PLATFORM_ADMIN', 'OPERATOR')")
	@Operation(summary = "Switches the region's gate: on, leaders appointed from now wait for the basic path before their point takes orders; off opens the points held")
	GateView setGate(Actor actor, @RequestParam long regionId, @RequestBody @jakarta.validation.Valid GateRequest request) {
		return GateView.of(training.setGate(actor, new RegionId(regionId), request.enabled()));
	}

	// --- leaders

	@GetMapping("/api/leader/training")
	@PreAuthorize("hasRole('LEADER')")
	@Operation(summary = "The signed-in leader's courses (basic path first) with their progress, and whether their point waits for training")
	MyTraining mine(Actor actor) {
		return new MyTraining(training.held(actor), training.path(actor).stream()
			.map(s -> new StepView(CourseView.of(s.course()), ProgressView.of(s.progress())))
			.toList());
	}

	@GetMapping("/api/leader/training/courses/{id}")
	@PreAuthorize("hasRole('LEADER')")
	@Operation(summary = "Opens a course of the leader's region (marks it started); the quiz without its answers")
	StepView open(Actor actor, @PathVariable long id) {
		var step = training.open(actor, id);
		return new StepView(CourseView.of(step.course()), ProgressView.of(step.progress()));
	}

	@PostMapping("/api/leader/training/courses/{id}/attempts")
	@PreAuthorize("hasRole('LEADER')")
	@Operation(summary = "Answers the course's quiz, checked on the server; a failed attempt may be retried",
			description = "400 naming the field: an answer to a question of another course, an option that does not exist")
	QuizResult attempt(Actor actor, @PathVariable long id, @RequestBody AttemptRequest request) {
		return training.attempt(actor, id, request == null ? null : request.answers());
	}
}
