package com.linli.aftersales.internal.complaints;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.linli.aftersales.ComplaintStatus;
import com.linli.aftersales.ComplaintSubject;
import com.linli.shared.BusinessRuleException;
import com.linli.shared.Text;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Complaints, their thread, photos and the regions' SLA settings (aftersales.complaint*). */
@Repository
public class Complaints {

	static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyMMdd");

	private final JdbcClient jdbc;

	private final ApplicationEventPublisher events;

	Complaints(JdbcClient jdbc, ApplicationEventPublisher events) {
		this.jdbc = jdbc;
		this.events = events;
	}

	/** What a new complaint is, before it has an id. */
	public record Filing(long residentId, long regionId, ComplaintSubject subject, Long orderId, Long pickupPointId,
			Long skuId, String text, Long assigneeId, Instant filedAt, Instant firstResponseDue, Instant resolutionDue,
			String submitKey) {
	}

	/**
	 * Inserts a new OPEN complaint; answers its id (its number: TS + day + id), or empty when the resident's submit
	 * key was used meanwhile (a double submit at the same moment: the first one stands).
	 */
	public Optional<Long> insert(Filing f, ZoneId zone) {
		long id = jdbc.sql("select nextval('aftersales.complaint_id_seq')").query(Long.class).single();
		String no = "TS" + DAY.format(f.filedAt().atZone(zone)) + String.format("%06d", id);
		int inserted = jdbc.sql("""
				insert into aftersales.complaint (id, complaint_no, resident_id, region_id, subject, order_id, pickup_point_id,
				  sku_id, text, status, assignee_id, filed_at, first_response_due, resolution_due, submit_key)
				values (?, ?, ?, ?, ?, ?, ?, ?, ?, 'OPEN', ?, ?, ?, ?, ?)
				on conflict (resident_id, submit_key) do nothing""")
			.params(id, no, f.residentId(), f.regionId(), f.subject().name(), f.orderId(), f.pickupPointId(), f.skuId(),
					f.text(), f.assigneeId(), ts(f.filedAt()), ts(f.firstResponseDue()), ts(f.resolutionDue()), f.submitKey())
			.update();
		return inserted == 1 ? Optional.of(id) : Optional.empty();
	}

	public Optional<Long> findBySubmitKey(long residentId, String submitKey) {
		return jdbc.sql("select id from aftersales.complaint where resident_id = ? and submit_key = ?")
			.params(residentId, submitKey).query(Long.class).optional();
	}

	public Optional<Complaint> load(long id) {
		return jdbc.sql("select * from aftersales.complaint where id = ?").param(id).query(Complaints::map).optional();
	}

	/** Saves a move if nobody changed the complaint since it was loaded (else 409), then publishes its events. */
	public void save(Complaint c) {
		int saved = jdbc.sql("""
				update aftersales.complaint set status = ?, assignee_id = ?, first_responded_at = ?, resolved_at = ?,
				  resolution_summary = ?, closed_at = ?, satisfaction = ?, escalated_at = ?, escalation_clock = ?,
				  first_response_escalated = ?, resolution_escalated = ?, version = version + 1
				 where id = ? and version = ?""")
			.params(c.status().name(), c.assigneeId(), ts(c.firstRespondedAt()), ts(c.resolvedAt()), c.resolutionSummary(),
					ts(c.closedAt()), c.satisfaction(), ts(c.escalatedAt()),
					c.escalationClock() == null ? null : c.escalationClock().name(), c.firstResponseEscalated(),
					c.resolutionEscalated(), c.idValue(), c.version())
			.update();
		if (saved != 1) {
			throw new BusinessRuleException("changed-concurrently",
					Text.of("aftersales.complaints.problem.changedConcurrently", c.complaintNo()));
		}
		c.events().forEach(events::publishEvent);
	}

	// ---- thread and photos -----------------------------------------------------------------------------------

	public enum Role {
		RESIDENT, STAFF, SYSTEM
	}

	public record Message(long id, Long authorId, Role role, String body, Instant at) {
	}

	public void addMessage(long complaintId, Long authorId, Role role, String body, Instant at) {
		jdbc.sql("insert into aftersales.complaint_message (complaint_id, author_id, role, body, at) values (?, ?, ?, ?, ?)")
			.params(complaintId, authorId, role.name(), body, ts(at)).update();
	}

	public List<Message> thread(long complaintId) {
		return jdbc.sql("select * from aftersales.complaint_message where complaint_id = ? order by at, id")
			.param(complaintId)
			.query((rs, n) -> new Message(rs.getLong("id"), (Long) rs.getObject("author_id"), Role.valueOf(rs.getString("role")),
					rs.getString("body"), rs.getTimestamp("at").toInstant()))
			.list();
	}

	public record Photo(int position, String fileKey, String contentType) {
	}

	public void addPhoto(long complaintId, int position, String fileKey, String contentType) {
		jdbc.sql("insert into aftersales.complaint_photo (complaint_id, position, file_key, content_type) values (?, ?, ?, ?)")
			.params(complaintId, position, fileKey, contentType).update();
	}

	public List<Photo> photos(long complaintId) {
		return jdbc.sql("select * from aftersales.complaint_photo where complaint_id = ? order by position")
			.param(complaintId)
			.query((rs, n) -> new Photo(rs.getInt("position"), rs.getString("file_key"), rs.getString("content_type")))
			.list();
	}

	// ---- assignment and escalation ----------------------------------------------------------------------------

	/** How many complaints each of these operators has open (not resolved or closed); those without: 0. */
	public Map<Long, Long> openCounts(Collection<Long> operatorIds) {
		Map<Long, Long> counts = new HashMap<>();
		operatorIds.forEach(id -> counts.put(id, 0L));
		if (operatorIds.isEmpty()) {
			return counts;
		}
		jdbc.sql("""
				select assignee_id, count(*) from aftersales.complaint
				 where assignee_id = any(?) and status in ('OPEN', 'RESPONDED', 'ESCALATED') group by assignee_id""")
			.param(operatorIds.toArray(Long[]::new))
			.query((rs, n) -> counts.put(rs.getLong(1), rs.getLong(2)))
			.list();
		return counts;
	}

	/**
	 * Complaints one of whose clocks ran out by {@code now} and was not escalated yet, among the statuses that may
	 * become ESCALATED; oldest due first.
	 */
	public List<Long> overdue(Instant now, int limit) {
		String[] from = Arrays.stream(ComplaintStatus.values()).filter(s -> s.canBecome(ComplaintStatus.ESCALATED))
			.map(Enum::name).toArray(String[]::new);
		return jdbc.sql("""
				select id from aftersales.complaint
				 where status = any(?)
				   and ((first_responded_at is null and not first_response_escalated and first_response_due < ?)
				     or (resolved_at is null and not resolution_escalated and resolution_due < ?))
				 order by least(first_response_due, resolution_due), id limit ?""")
			.params(from, ts(now), ts(now), limit).query(Long.class).list();
	}

	// ---- settings --------------------------------------------------------------------------------------------

	public static final Duration DEFAULT_FIRST_RESPONSE = Duration.ofHours(2);

	public static final Duration DEFAULT_RESOLUTION = Duration.ofHours(48);

	/** A region's SLA: first response in minutes, resolution in hours, its supervisor (null: the admins). */
	public record Settings(long regionId, int firstResponseMinutes, int resolutionHours, Long supervisorId,
			boolean defaults) {

		public Duration firstResponse() {
			return Duration.ofMinutes(firstResponseMinutes);
		}

		public Duration resolution() {
			return Duration.ofHours(resolutionHours);
		}
	}

	public Settings settings(long regionId) {
		return jdbc.sql("select * from aftersales.complaint_settings where region_id = ?").param(regionId)
			.query((rs, n) -> new Settings(regionId, rs.getInt("first_response_minutes"), rs.getInt("resolution_hours"),
					(Long) rs.getObject("supervisor_id"), false))
			.optional()
			.orElseGet(() -> new Settings(regionId, (int) DEFAULT_FIRST_RESPONSE.toMinutes(),
					(int) DEFAULT_RESOLUTION.toHours(), null, true));
	}

	public void saveSettings(Settings s, Long by, Instant at) {
		jdbc.sql("""
				insert into aftersales.complaint_settings (region_id, first_response_minutes, resolution_hours, supervisor_id,
				  updated_at, updated_by) values (?, ?, ?, ?, ?, ?)
				on conflict (region_id) do update set first_response_minutes = excluded.first_response_minutes,
				  resolution_hours = excluded.resolution_hours, supervisor_id = excluded.supervisor_id,
				  updated_at = excluded.updated_at, updated_by = excluded.updated_by""")
			.params(s.regionId(), s.firstResponseMinutes(), s.resolutionHours(), s.supervisorId(), ts(at), by).update();
	}

	// ---- mapping ---------------------------------------------------------------------------------------------

	static Complaint map(ResultSet rs, int row) throws SQLException {
		String clock = rs.getString("escalation_clock");
		return new Complaint(rs.getLong("id"), rs.getString("complaint_no"), rs.getLong("resident_id"),
				rs.getLong("region_id"), ComplaintSubject.valueOf(rs.getString("subject")), (Long) rs.getObject("order_id"),
				(Long) rs.getObject("pickup_point_id"), (Long) rs.getObject("sku_id"), rs.getString("text"),
				ComplaintStatus.valueOf(rs.getString("status")), (Long) rs.getObject("assignee_id"),
				instant(rs.getTimestamp("filed_at")), instant(rs.getTimestamp("first_response_due")),
				instant(rs.getTimestamp("first_responded_at")), instant(rs.getTimestamp("resolution_due")),
				instant(rs.getTimestamp("resolved_at")), rs.getString("resolution_summary"),
				instant(rs.getTimestamp("closed_at")), (Integer) rs.getObject("satisfaction"),
				instant(rs.getTimestamp("escalated_at")), clock == null ? null : Complaint.Clock.valueOf(clock),
				rs.getBoolean("first_response_escalated"), rs.getBoolean("resolution_escalated"), rs.getLong("version"));
	}

	static Timestamp ts(Instant i) {
		return i == null ? null : Timestamp.from(i);
	}

	static Instant instant(Timestamp t) {
		return t == null ? null : t.toInstant();
	}
}
