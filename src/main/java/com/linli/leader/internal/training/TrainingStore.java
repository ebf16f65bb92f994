package com.linli.leader.internal.training;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.linli.leader.LeaderId;
import com.linli.leader.NewTrainingCourse;
import com.linli.leader.TrainingCourse;
import com.linli.leader.TrainingGate;
import com.linli.leader.TrainingProgress;
import com.linli.network.PickupPointId;
import com.linli.network.RegionId;
import com.linli.shared.BusinessRuleException;
import com.linli.shared.Text;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Training's tables: courses and their questions (edited with compare-and-set on the version), leaders'
 * progress, the gate per region and the pickup points held for training.
 */
@Repository
public class TrainingStore {

	private final JdbcClient jdbc;

	TrainingStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public long insert(NewTrainingCourse c, Instant now) {
		long id = jdbc.sql("""
				insert into leader.training_course (region_id, title, category, body, image_urls, video_urls,
				       path_position, pass_mark, created_at, updated_at)
				values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) returning id""")
			.params(c.regionId().value(), c.title(), c.category().name(), c.body(), c.imageUrls().toArray(String[]::new),
					c.videoUrls().toArray(String[]::new), c.pathPosition(), c.passMark(), Timestamp.from(now),
					Timestamp.from(now))
			.query(Long.class).single();
		insertQuestions(id, c.questions());
		return id;
	}

	/** Rewrites the course and its quiz if it is still at {@code version}; 409 changed-concurrently if not. */
	public void update(long id, int version, NewTrainingCourse c, Instant now) {
		int updated = jdbc.sql("""
				update leader.training_course set title = ?, category = ?, body = ?, image_urls = ?, video_urls = ?,
				       path_position = ?, pass_mark = ?, updated_at = ?, version = version + 1
				 where id = ? and version = ?""")
			.params(c.title(), c.category().name(), c.body(), c.imageUrls().toArray(String[]::new),
					c.videoUrls().toArray(String[]::new), c.pathPosition(), c.passMark(), Timestamp.from(now), id, version)
			.update();
		if (updated != 1) {
			throw new BusinessRuleException("changed-concurrently", "version",
					Text.of("leader.problem.trainingChangedConcurrently"));
		}
		jdbc.sql("delete from leader.training_question where course_id = ?").param(id).update();
		insertQuestions(id, c.questions());
	}

	private void insertQuestions(long course, List<NewTrainingCourse.NewQuestion> questions) {
		int position = 1;
		for (var q : questions) {
			jdbc.sql("insert into leader.training_question (course_id, position, text, options, correct) values (?, ?, ?, ?, ?)")
				.params(course, position++, q.text(), q.options().toArray(String[]::new), q.correct().toArray(Integer[]::new))
				.update();
		}
	}

	public Optional<TrainingCourse> find(long id) {
		return courses("where c.id = ?", id).stream().findFirst();
	}

	/** The region's courses: the basic path in order, then the electives by title. */
	public List<TrainingCourse> ofRegion(RegionId region) {
		return courses("where c.region_id = ?", region.value());
	}

	private List<TrainingCourse> courses(String where, Object param) {
		Map<Long, Row> rows = new LinkedHashMap<>();
		jdbc.sql("""
				select c.id, c.region_id, c.title, c.category, c.body, c.image_urls, c.video_urls, c.path_position,
				       c.pass_mark, c.version
				  from leader.training_course c
				""" + where + " order by c.path_position nulls last, c.title, c.id")
			.param(param)
			.query((rs, n) -> rows.put(rs.getLong(1), new Row(rs.getLong(1), new RegionId(rs.getLong(2)), rs.getString(3),
					TrainingCourse.Category.valueOf(rs.getString(4)), rs.getString(5), strings(rs.getArray(6)),
					strings(rs.getArray(7)), (Integer) rs.getObject(8), rs.getInt(9), rs.getInt(10))))
			.list();
		if (rows.isEmpty()) {
			return List.of();
		}
		Map<Long, List<TrainingCourse.Question>> questions = new HashMap<>();
		jdbc.sql("""
				select course_id, id, text, options, correct from leader.training_question
				 where course_id = any(?) order by course_id, position""")
			.param(rows.keySet().toArray(Long[]::new))
			.query((rs, n) -> questions.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>())
				.add(new TrainingCourse.Question(rs.getLong(2), rs.getString(3), strings(rs.getArray(4)),
						ints(rs.getArray(5)))))
			.list();
		return rows.values().stream()
			.map(r -> new TrainingCourse(r.id, r.region, r.title, r.category, r.body, r.images, r.videos, r.position,
					r.passMark, List.copyOf(questions.getOrDefault(r.id, List.of())), r.version))
			.toList();
	}

	private record Row(long id, RegionId region, String title, TrainingCourse.Category category, String body,
			List<String> images, List<String> videos, Integer position, int passMark, int version) {
	}

	// --- progress

	/** Marks the course started for the leader (the first time only). */
	public void start(LeaderId leader, long course, Instant now) {
		jdbc.sql("""
				insert into leader.training_progress (leader_id, course_id, started_at) values (?, ?, ?)
				on conflict do nothing""")
			.params(leader.value(), course, Timestamp.from(now))
			.update();
	}

	/** Counts an attempt with its score; passing keeps the first pass time. */
	public TrainingProgress attempt(LeaderId leader, long course, int score, boolean passed, Instant now) {
		start(leader, course, now);
		return jdbc.sql("""
				update leader.training_progress
				   set attempts = attempts + 1, last_score = ?, best_score = greatest(coalesce(best_score, 0), ?),
				       passed_at = case when passed_at is null and ? then ? else passed_at end
				 where leader_id = ? and course_id = ?
				returning leader_id, course_id, started_at, attempts, last_score, best_score, passed_at""")
			.params(score, score, passed, Timestamp.from(now), leader.value(), course)
			.query(TrainingStore::progress)
			.single();
	}

	public Map<Long, TrainingProgress> progressOf(LeaderId leader) {
		Map<Long, TrainingProgress> found = new HashMap<>();
		jdbc.sql("""
				select leader_id, course_id, started_at, attempts, last_score, best_score, passed_at
				  from leader.training_progress where leader_id = ?""")
			.param(leader.value())
			.query(TrainingStore::progress)
			.list()
			.forEach(p -> found.put(p.courseId(), p));
		return found;
	}

	/** Progress of every leader of the region (closed leaders left out), by leader then course. */
	public Map<LeaderId, Map<Long, TrainingProgress>> progressOfRegion(RegionId region) {
		Map<LeaderId, Map<Long, TrainingProgress>> found = new HashMap<>();
		jdbc.sql("""
				select p.leader_id, p.course_id, p.started_at, p.attempts, p.last_score, p.best_score, p.passed_at
				  from leader.training_progress p join leader.leader l on l.id = p.leader_id
				 where l.region_id = ? and l.status <> 'CLOSED'""")
			.param(region.value())
			.query(TrainingStore::progress)
			.list()
			.forEach(p -> found.computeIfAbsent(p.leaderId(), k -> new HashMap<>()).put(p.courseId(), p));
		return found;
	}

	/** The region's leaders who are not closed: id, name, phone, pickup point; oldest first. */
	public List<RegionLeader> leadersOf(RegionId region) {
		return jdbc.sql("""
				select id, name, phone, pickup_point_id from leader.leader
				 where region_id = ? and status <> 'CLOSED' order by since, id""")
			.param(region.value())
			.query((rs, n) -> new RegionLeader(new LeaderId(rs.getLong(1)), rs.getString(2), rs.getString(3),
					new PickupPointId(rs.getLong(4))))
			.list();
	}

	public record RegionLeader(LeaderId id, String name, String phone, PickupPointId pickupPointId) {
	}

	private static TrainingProgress progress(ResultSet rs, int n) throws SQLException {
		Timestamp passed = rs.getTimestamp(7);
		return new TrainingProgress(new LeaderId(rs.getLong(1)), rs.getLong(2), rs.getTimestamp(3).toInstant(),
				rs.getInt(4), (Integer) rs.getObject(5), (Integer) rs.getObject(6), passed == null ? null : passed.toInstant());
	}

	// --- the gate and the holds

	public TrainingGate gate(RegionId region) {
		return jdbc.sql("select enabled, since from leader.training_gate where region_id = ?")
			.param(region.value())
			.query((rs, n) -> new TrainingGate(region, rs.getBoolean(1),
					rs.getTimestamp(2) == null ? null : rs.getTimestamp(2).toInstant()))
			.optional()
			.orElse(new TrainingGate(region, false, null));
	}

	/** Switches the gate; switching on (from off) starts it now, switching on again keeps its start. */
	public TrainingGate setGate(RegionId region, boolean enabled, Instant now) {
		jdbc.sql("""
				insert into leader.training_gate (region_id, enabled, since, updated_at) values (?, ?, ?, ?)
				on conflict (region_id) do update set enabled = excluded.enabled, updated_at = excluded.updated_at,
				       since = case when excluded.enabled and not leader.training_gate.enabled then excluded.since
				                    when excluded.enabled then leader.training_gate.since else null end""")
			.params(region.value(), enabled, enabled ? Timestamp.from(now) : null, Timestamp.from(now))
			.update();
		return gate(region);
	}

	public void hold(LeaderId leader, PickupPointId point, RegionId region, Instant now) {
		jdbc.sql("""
				insert into leader.training_hold (leader_id, pickup_point_id, region_id, held_at) values (?, ?, ?, ?)
				on conflict (leader_id) do update set pickup_point_id = excluded.pickup_point_id,
				       held_at = excluded.held_at, released_at = null""")
			.params(leader.value(), point.value(), region.value(), Timestamp.from(now))
			.update();
	}

	/** The pickup point held for the leader's training, if still held. */
	public Optional<PickupPointId> heldPoint(LeaderId leader) {
		return jdbc.sql("select pickup_point_id from leader.training_hold where leader_id = ? and released_at is null")
			.param(leader.value())
			.query((rs, n) -> new PickupPointId(rs.getLong(1)))
			.optional();
	}

	/** Leaders of the region whose pickup point is held now. */
	public Map<LeaderId, PickupPointId> heldIn(RegionId region) {
		Map<LeaderId, PickupPointId> held = new LinkedHashMap<>();
		jdbc.sql("select leader_id, pickup_point_id from leader.training_hold where region_id = ? and released_at is null")
			.param(region.value())
			.query((rs, n) -> held.put(new LeaderId(rs.getLong(1)), new PickupPointId(rs.getLong(2))))
			.list();
		return held;
	}

	public void released(LeaderId leader, Instant now) {
		jdbc.sql("update leader.training_hold set released_at = ? where leader_id = ? and released_at is null")
			.params(Timestamp.from(now), leader.value())
			.update();
	}

	private static List<String> strings(Array array) throws SQLException {
		return array == null ? List.of() : List.copyOf(Arrays.asList((String[]) array.getArray()));
	}

	private static List<Integer> ints(Array array) throws SQLException {
		return array == null ? List.of() : List.copyOf(Arrays.asList((Integer[]) array.getArray()));
	}
}
