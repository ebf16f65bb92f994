package com.linli.leader;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import com.linli.identity.Actor;
import com.linli.leader.internal.training.TrainingStore;
import com.linli.network.OrderHoldManagement;
import com.linli.network.PickupPointId;
import com.linli.network.RegionId;
import com.linli.network.RegionManagement;
import com.linli.shared.InvalidInputException;
import com.linli.shared.NotFoundException;
import com.linli.shared.Text;

import org.springframework.context.event.EventListener;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Training (培训): operators write courses with quizzes for their regions and arrange the basic path for new
 * leaders; leaders read the courses and take the quizzes, checked here (a failed attempt may be retried).
 * The gate: in a region where operators switched it on, a leader appointed since then has their pickup
 * point hold orders (network's {@link OrderHoldManagement}) until they pass every course of the basic path;
 * then it takes orders at once. Switching the gate off opens the points it held.
 */
@Service
@Transactional(readOnly = true)
public class TrainingManagement {

	static final Pattern URL = Pattern.compile("^https?://[^\\s]{3,480}$");

	private final TrainingStore store;

	private final LeaderManagement leaders;

	private final RegionManagement regions;

	private final OrderHoldManagement holds;

	private final Clock clock;

	TrainingManagement(TrainingStore store, LeaderManagement leaders, RegionManagement regions,
			OrderHoldManagement holds, Clock clock) {
		this.store = store;
		this.leaders = leaders;
		this.regions = regions;
		this.holds = holds;
		this.clock = clock;
	}

	/** A course of the leader's basic path or an elective, with the leader's progress in it. */
	public record Step(TrainingCourse course, TrainingProgress progress) {
	}

	/** A leader of the region and their progress along its basic path. */
	public record LeaderTraining(LeaderId leaderId, String name, String phone, PickupPointId pickupPointId,
			List<TrainingProgress> path, int passed, boolean done, boolean held) {
	}

	// --- operators

	@Transactional
	public TrainingCourse create(Actor actor, NewTrainingCourse c) {
		if (c == null || c.regionId() == null) {
			throw new InvalidInputException("regionId", Text.of("leader.problem.trainingRegionRequired"));
		}
		actor.checkRegion(c.regionId().value());
		regions.getRegion(c.regionId());
		long id = store.insert(valid(c), clock.instant());
		return course(id);
	}

	@Transactional
	public TrainingCourse update(Actor actor, long id, Integer version, NewTrainingCourse c) {
		TrainingCourse current = course(id);
		actor.checkRegion(current.regionId().value());
		if (version == null) {
			throw new InvalidInputException("version", Text.of("leader.problem.trainingVersionRequired"));
		}
		if (c == null) {
			throw new InvalidInputException("title", Text.of("leader.problem.trainingTitleRequired"));
		}
		var edited = valid(new NewTrainingCourse(current.regionId(), c.title(), c.category(), c.body(), c.imageUrls(),
				c.videoUrls(), c.pathPosition(), c.passMark(), c.questions()));
		store.update(id, version, edited, clock.instant());
		return course(id);
	}

	/** The region's courses, the basic path first in order (the operator's view, with the answers). */
	public List<TrainingCourse> courses(Actor actor, RegionId region) {
		actor.checkRegion(region.value());
		return store.ofRegion(region);
	}

	/** A course as its region's operators see it. */
	public TrainingCourse course(Actor actor, long id) {
		TrainingCourse course = course(id);
		actor.checkRegion(course.regionId().value());
		return course;
	}

	public TrainingGate gate(Actor actor, RegionId region) {
		actor.checkRegion(region.value());
		return store.gate(region);
	}

	/** Switches the region's gate; off opens the pickup points held for training in the region. */
	@Transactional
	public TrainingGate setGate(Actor actor, RegionId region, boolean enabled) {
		actor.checkRegion(region.value());
		regions.getRegion(region);
		Instant now = clock.instant();
		TrainingGate gate = store.setGate(region, enabled, now);
		if (!enabled) {
			store.heldIn(region).forEach((leader, point) -> open(leader, point, now));
		}
		return gate;
	}

	/** Who in the region has done the basic path, who has started, who is held. */
	public List<LeaderTraining> progress(Actor actor, RegionId region) {
		actor.checkRegion(region.value());
		List<TrainingCourse> path = store.ofRegion(region).stream().filter(TrainingCourse::inPath).toList();
		var progress = store.progressOfRegion(region);
		var held = store.heldIn(region);
		List<LeaderTraining> rows = new ArrayList<>();
		for (var l : store.leadersOf(region)) {
			Map<Long, TrainingProgress> mine = progress.getOrDefault(l.id(), Map.of());
			List<TrainingProgress> steps = path.stream()
				.map(c -> mine.getOrDefault(c.id(), TrainingProgress.none(l.id(), c.id())))
				.toList();
			int passed = (int) steps.stream().filter(TrainingProgress::passed).count();
			rows.add(new LeaderTraining(l.id(), l.name(), l.phone(), l.pickupPointId(), steps, passed,
					passed == path.size(), held.containsKey(l.id())));
		}
		return rows;
	}

	// --- leaders

	/** The signed-in leader's courses: the basic path in order, then electives, each with their progress. */
	public List<Step> path(Actor actor) {
		Leader leader = leaderOf(actor);
		var progress = store.progressOf(leader.id());
		return store.ofRegion(leader.regionId()).stream()
			.map(c -> new Step(c, progress.getOrDefault(c.id(), TrainingProgress.none(leader.id(), c.id()))))
			.toList();
	}

	/** Whether the leader's pickup point waits for their training. */
	public boolean held(Actor actor) {
		return store.heldPoint(leaderOf(actor).id()).isPresent();
	}

	/** Opens a course for the leader (their region's only; others are not found) and marks it started. */
	@Transactional
	public Step open(Actor actor, long courseId) {
		Leader leader = leaderOf(actor);
		TrainingCourse course = leadersCourse(leader, courseId);
		store.start(leader.id(), courseId, clock.instant());
		return new Step(course, store.progressOf(leader.id()).get(courseId));
	}

	/**
	 * Checks the leader's answers on the server: a question is right when exactly its correct options are
	 * chosen; unanswered questions are wrong. The score is the per cent right; passed at the pass mark.
	 */
	@Transactional
	public QuizResult attempt(Actor actor, long courseId, List<QuizAnswer> answers) {
		Leader leader = leaderOf(actor);
		TrainingCourse course = leadersCourse(leader, courseId);
		if (answers == null || answers.isEmpty()) {
			throw new InvalidInputException("answers", Text.of("leader.problem.trainingAnswersRequired"));
		}
		Map<Long, TrainingCourse.Question> questions = new java.util.HashMap<>();
		course.questions().forEach(q -> questions.put(q.id(), q));
		Map<Long, Set<Integer>> chosen = new java.util.HashMap<>();
		for (int i = 0; i < answers.size(); i++) {
			QuizAnswer a = answers.get(i);
			TrainingCourse.Question q = a == null || a.questionId() == null ? null : questions.get(a.questionId());
			if (q == null) {
				throw new InvalidInputException("answers[" + i + "].questionId",
						Text.of("leader.problem.trainingAnswerOtherCourse", a == null ? null : a.questionId(), course.title()));
			}
			if (chosen.containsKey(q.id())) {
				throw new InvalidInputException("answers[" + i + "].questionId",
						Text.of("leader.problem.trainingAnswerTwice", q.id()));
			}
			Set<Integer> picks = new HashSet<>(a.chosen() == null ? List.of() : a.chosen());
			if (picks.stream().anyMatch(o -> o == null || o < 0 || o >= q.options().size())) {
				throw new InvalidInputException("answers[" + i + "].chosen",
						Text.of("leader.problem.trainingNoSuchOption", q.options().size()));
			}
			chosen.put(q.id(), picks);
		}
		List<Long> wrong = new ArrayList<>();
		for (var q : course.questions()) {
			if (!Set.copyOf(q.correct()).equals(chosen.getOrDefault(q.id(), Set.of()))) {
				wrong.add(q.id());
			}
		}
		int total = course.questions().size();
		int score = total == 0 ? 100 : (total - wrong.size()) * 100 / total;
		boolean passed = score >= course.passMark();
		Instant now = clock.instant();
		TrainingProgress progress = store.attempt(leader.id(), courseId, score, passed, now);
		boolean pathPassed = pathPassed(leader);
		if (pathPassed) {
			store.heldPoint(leader.id()).ifPresent(point -> open(leader.id(), point, now));
		}
		return new QuizResult(courseId, score, course.passMark(), passed, wrong, progress.attempts(), pathPassed);
	}

	/** A newly appointed leader in a region with the gate on waits for the basic path (in the same transaction). */
	@EventListener
	@Transactional
	public void onAppointed(LeaderAppointed appointed) {
		TrainingGate gate = store.gate(appointed.regionId());
		Instant now = clock.instant();
		if (!gate.enabled() || gate.since().isAfter(now)) {
			return;
		}
		Leader leader = leaders.get(appointed.leaderId());
		if (pathPassed(leader)) {
			return;
		}
		store.hold(leader.id(), appointed.pickupPointId(), appointed.regionId(), now);
		holds.hold(appointed.pickupPointId(), OrderHoldManagement.Reason.TRAINING);
	}

	private void open(LeaderId leader, PickupPointId point, Instant now) {
		store.released(leader, now);
		holds.release(point, OrderHoldManagement.Reason.TRAINING);
	}

	private boolean pathPassed(Leader leader) {
		var progress = store.progressOf(leader.id());
		return store.ofRegion(leader.regionId()).stream()
			.filter(TrainingCourse::inPath)
			.allMatch(c -> Optional.ofNullable(progress.get(c.id())).map(TrainingProgress::passed).orElse(false));
	}

	private TrainingCourse course(long id) {
		return store.find(id).orElseThrow(() -> new NotFoundException("course", id));
	}

	private TrainingCourse leadersCourse(Leader leader, long id) {
		return store.find(id)
			.filter(c -> c.regionId().equals(leader.regionId()))
			.orElseThrow(() -> new NotFoundException("course", id));
	}

	private Leader leaderOf(Actor actor) {
		return leaders.leaderFor(actor.requireAccount())
			.filter(l -> l.status() != LeaderStatus.CLOSED)
			.orElseThrow(() -> new AccessDeniedException(Text.of("leader.problem.trainingNotALeader").inReadersLanguage()));
	}

	private static NewTrainingCourse valid(NewTrainingCourse c) {
		String title = c.title() == null ? "" : c.title().trim();
		if (title.isEmpty() || title.length() > 80) {
			throw new InvalidInputException("title", Text.of("leader.problem.trainingTitleRequired"));
		}
		if (c.category() == null) {
			throw new InvalidInputException("category", Text.of("leader.problem.trainingCategoryRequired"));
		}
		String body = c.body() == null ? "" : c.body().strip();
		if (body.isEmpty() || body.length() > 20_000) {
			throw new InvalidInputException("body", Text.of("leader.problem.trainingBodyRequired"));
		}
		if (c.passMark() == null || c.passMark() < 0 || c.passMark() > 100) {
			throw new InvalidInputException("passMark", Text.of("leader.problem.trainingPassMark"));
		}
		if (c.pathPosition() != null && (c.pathPosition() < 1 || c.pathPosition() > 100)) {
			throw new InvalidInputException("pathPosition", Text.of("leader.problem.trainingPathPosition"));
		}
		List<String> images = urls("imageUrls", c.imageUrls());
		List<String> videos = urls("videoUrls", c.videoUrls());
		if (c.questions() == null || c.questions().isEmpty() || c.questions().size() > 30) {
			throw new InvalidInputException("questions", Text.of("leader.problem.trainingQuestionsRequired"));
		}
		List<NewTrainingCourse.NewQuestion> questions = new ArrayList<>();
		for (int i = 0; i < c.questions().size(); i++) {
			var q = c.questions().get(i);
			String field = "questions[" + i + "]";
			if (q == null || q.text() == null || q.text().isBlank() || q.text().strip().length() > 300) {
				throw new InvalidInputException(field + ".text", Text.of("leader.problem.trainingQuestionText"));
			}
			List<String> options = q.options() == null ? List.of() : q.options();
			if (options.size() < 2 || options.size() > 8
					|| options.stream().anyMatch(o -> o == null || o.isBlank() || o.length() > 200)) {
				throw new InvalidInputException(field + ".options", Text.of("leader.problem.trainingOptions"));
			}
			List<Integer> correct = q.correct() == null ? List.of() : q.correct();
			if (correct.isEmpty()) {
				throw new InvalidInputException(field + ".correct", Text.of("leader.problem.trainingNoCorrectOption"));
			}
			if (correct.stream().anyMatch(o -> o == null || o < 0 || o >= options.size())
					|| Set.copyOf(correct).size() != correct.size()) {
				throw new InvalidInputException(field + ".correct", Text.of("leader.problem.trainingNoSuchOption", options.size()));
			}
			questions.add(new NewTrainingCourse.NewQuestion(q.text().strip(), options.stream().map(String::strip).toList(),
					correct.stream().sorted().toList()));
		}
		return new NewTrainingCourse(c.regionId(), title, c.category(), body, images, videos, c.pathPosition(),
				c.passMark(), questions);
	}

	private static List<String> urls(String field, List<String> urls) {
		if (urls == null) {
			return List.of();
		}
		if (urls.size() > 10) {
			throw new InvalidInputException(field, Text.of("leader.problem.trainingUrl"));
		}
		List<String> out = new ArrayList<>();
		for (int i = 0; i < urls.size(); i++) {
			String u = urls.get(i) == null ? "" : urls.get(i).trim();
			if (u.isEmpty()) {
				continue;
			}
			if (!URL.matcher(u).matches()) {
				throw new InvalidInputException(field + "[" + i + "]", Text.of("leader.problem.trainingUrl"));
			}
			out.add(u);
		}
		return out;
	}
}
