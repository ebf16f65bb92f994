package com.linli.aftersales.internal.complaints;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.linli.aftersales.ComplaintStatus;
import com.linli.aftersales.ComplaintSubject;
import com.linli.identity.Actor;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Read models of complaints: the resident's list, the desk's filtered list, the report. */
@Component
public class ComplaintQueries {

	private final JdbcClient jdbc;

	ComplaintQueries(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** The resident's complaints, newest first. */
	public List<Complaint> ofResident(long residentId, int limit) {
		return jdbc.sql("select * from aftersales.complaint where resident_id = ? order by filed_at desc, id desc limit ?")
			.params(residentId, limit).query(Complaints::map).list();
	}

	/** The desk's filters (each optional); {@code overdue}: a running clock is past its due time. */
	public record Filter(Long regionId, ComplaintStatus status, ComplaintSubject subject, Long assigneeId,
			Boolean unassigned, Boolean overdue) {
	}

	/** Staff's list: their regions' complaints (403 for a region not theirs), open ones by the nearest due time. */
	public List<Complaint> search(Actor actor, Filter f, Instant now, int limit) {
		var scope = actor.regionFilter(f.regionId());
		StringBuilder sql = new StringBuilder("select * from aftersales.complaint c where true");
		List<Object> params = new ArrayList<>();
		Set<Long> regions = scope.idsOrNull();
		if (regions != null) {
			sql.append(" and c.region_id = any(?)");
			params.add(regions.toArray(Long[]::new));
		}
		if (f.status() != null) {
			sql.append(" and c.status = ?");
			params.add(f.status().name());
		}
		if (f.subject() != null) {
			sql.append(" and c.subject = ?");
			params.add(f.subject().name());
		}
		if (f.assigneeId() != null) {
			sql.append(" and c.assignee_id = ?");
			params.add(f.assigneeId());
		}
		if (Boolean.TRUE.equals(f.unassigned())) {
			sql.append(" and c.assignee_id is null");
		}
		if (Boolean.TRUE.equals(f.overdue())) {
			sql.append(" and c.status <> 'CLOSED' and ((c.first_responded_at is null and c.first_response_due < ?)"
					+ " or (c.resolved_at is null and c.resolution_due < ?))");
			params.add(Complaints.ts(now));
			params.add(Complaints.ts(now));
		}
		sql.append(" order by (c.status in ('RESOLVED', 'CLOSED')), least(case when c.first_responded_at is null"
				+ " then c.first_response_due end, case when c.resolved_at is null then c.resolution_due end) nulls last,"
				+ " c.filed_at desc, c.id desc limit ?");
		params.add(limit);
		return jdbc.sql(sql.toString()).params(params).query(Complaints::map).list();
	}

	// ---- the report ----------------------------------------------------------------------------------------

	/** The figures of complaints filed in [from, to] (days in the zone) in the regions. */
	public record Report(LocalDate from, LocalDate to, Map<LocalDate, Long> perDay, Map<ComplaintSubject, Long> bySubject,
			long filed, long firstResponseDecided, long firstResponseKept, long resolutionDecided, long resolutionKept,
			long rated, Double averageSatisfaction) {

		/** Share of first responses in time, in percent (null: none decided yet). */
		public Double firstResponsePercent() {
			return percent(firstResponseKept, firstResponseDecided);
		}

		public Double resolutionPercent() {
			return percent(resolutionKept, resolutionDecided);
		}

		private static Double percent(long kept, long of) {
			return of == 0 ? null : Math.round(kept * 1000.0 / of) / 10.0;
		}
	}

	/**
	 * A clock is decided once it stopped or ran out: kept when it stopped by its due time and never escalated. Satisfaction: the average
	 * rating of those closed.
	 */
	public Report report(Actor actor, Long regionId, LocalDate from, LocalDate to, ZoneId zone, Instant now) {
		var scope = actor.regionFilter(regionId);
		Set<Long> regions = scope.idsOrNull();
		Instant start = from.atStartOfDay(zone).toInstant();
		Instant end = to.plusDays(1).atStartOfDay(zone).toInstant();
		String where = " from aftersales.complaint c where c.filed_at >= ? and c.filed_at < ?"
				+ (regions == null ? "" : " and c.region_id = any(?)");
		List<Object> params = new ArrayList<>(List.of(Complaints.ts(start), Complaints.ts(end)));
		if (regions != null) {
			params.add(regions.toArray(Long[]::new));
		}
		Map<LocalDate, Long> perDay = new LinkedHashMap<>();
		for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(1)) {
			perDay.put(d, 0L);
		}
		jdbc.sql("select (c.filed_at at time zone '" + zone.getId() + "')::date as day, count(*)" + where + " group by 1")
			.params(params)
			.query((rs, n) -> perDay.put(rs.getObject(1, LocalDate.class), rs.getLong(2))).list();
		Map<ComplaintSubject, Long> bySubject = new LinkedHashMap<>();
		for (ComplaintSubject s : ComplaintSubject.values()) {
			bySubject.put(s, 0L);
		}
		jdbc.sql("select c.subject, count(*)" + where + " group by 1").params(params)
			.query((rs, n) -> bySubject.put(ComplaintSubject.valueOf(rs.getString(1)), rs.getLong(2))).list();
		List<Object> withNow = new ArrayList<>();
		withNow.add(Complaints.ts(now));
		withNow.add(Complaints.ts(now));
		withNow.addAll(params);
		return jdbc.sql("""
				select count(*),
				  count(*) filter (where c.first_responded_at is not null or c.first_response_due < ? or c.first_response_escalated),
				  count(*) filter (where c.first_responded_at <= c.first_response_due and not c.first_response_escalated),
				  count(*) filter (where c.resolved_at is not null or c.resolution_due < ? or c.resolution_escalated),
				  count(*) filter (where c.resolved_at <= c.resolution_due and not c.resolution_escalated),
				  count(c.satisfaction), avg(c.satisfaction)""" + where)
			.params(withNow)
			.query((rs, n) -> new Report(from, to, perDay, bySubject, rs.getLong(1), rs.getLong(2), rs.getLong(3),
					rs.getLong(4), rs.getLong(5), rs.getLong(6),
					rs.getObject(7) == null ? null : Math.round(rs.getDouble(7) * 100) / 100.0))
			.single();
	}
}
