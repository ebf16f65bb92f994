package com.linli.leader.internal.performance;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.linli.leader.LeaderId;
import com.linli.leader.LeaderStatus;
import com.linli.network.RegionId;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The leader module's own figures for performance, grouped per leader over {@code [from, to)}: the region's live
 * leaders, their service (complaints filed, review stars) and their commission (ledger entries by when they
 * happened, accruals less reversals).
 */
@Component
public class PerformanceQueries {

	private final JdbcClient jdbc;

	PerformanceQueries(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** A leader holding a pickup point of the region (active or suspended). */
	public record RegionLeader(LeaderId id, String name, long pickupPointId, LeaderStatus status) {
	}

	/** The service figures of a leader in a period. */
	public record Service(long complaints, long ratings, Double averageStars) {

		public static final Service NONE = new Service(0, 0, null);
	}

	public List<RegionLeader> leaders(RegionId region) {
		return jdbc.sql("""
				select id, name, pickup_point_id, status from leader.leader
				 where region_id = ? and status in ('ACTIVE', 'SUSPENDED') order by id""")
			.params(region.value())
			.query((rs, n) -> new RegionLeader(new LeaderId(rs.getLong(1)), rs.getString(2), rs.getLong(3),
					LeaderStatus.valueOf(rs.getString(4))))
			.list();
	}

	public Map<LeaderId, Service> service(RegionId region, Instant from, Instant to) {
		Map<LeaderId, Service> result = new HashMap<>();
		jdbc.sql("""
				select l.id,
				       (select count(*) from leader.service_complaint c
				         where c.leader_id = l.id and c.filed_at >= :from and c.filed_at < :to) as complaints,
				       r.ratings, r.stars
				  from leader.leader l
				  left join lateral (select count(*) as ratings, avg(s.stars) as stars from leader.service_rating s
				         where s.leader_id = l.id and s.rated_at >= :from and s.rated_at < :to) r on true
				 where l.region_id = :region and l.status in ('ACTIVE', 'SUSPENDED')""")
			.param("region", region.value()).param("from", Timestamp.from(from)).param("to", Timestamp.from(to))
			.query((rs, n) -> {
				java.math.BigDecimal stars = rs.getBigDecimal("stars");
				return result.put(new LeaderId(rs.getLong(1)), new Service(rs.getLong("complaints"), rs.getLong("ratings"),
						stars == null ? null : Math.round(stars.doubleValue() * 100) / 100.0));
			})
			.list();
		return result;
	}

	public Map<LeaderId, Long> commission(RegionId region, Instant from, Instant to) {
		Map<LeaderId, Long> result = new HashMap<>();
		jdbc.sql("""
				select e.leader_id, sum(e.amount_fen) from leader.commission_entry e
				  join leader.leader l on l.id = e.leader_id
				 where l.region_id = ? and l.status in ('ACTIVE', 'SUSPENDED')
				   and e.occurred_at >= ? and e.occurred_at < ?
				 group by 1""")
			.params(region.value(), Timestamp.from(from), Timestamp.from(to))
			.query((rs, n) -> result.put(new LeaderId(rs.getLong(1)), rs.getLong(2)))
			.list();
		return result;
	}

	/** A competitor signal recorded about a leader. */
	public record Signal(long id, LeaderId leaderId, String note, Instant recordedAt, Long recordedBy) {
	}

	public Signal recordSignal(LeaderId leader, String note, Instant at, Long by) {
		long id = jdbc.sql("""
				insert into leader.competitor_signal (leader_id, note, recorded_at, recorded_by) values (?, ?, ?, ?)
				returning id""")
			.params(leader.value(), note, Timestamp.from(at), by).query(Long.class).single();
		return new Signal(id, leader, note, at, by);
	}

	/** A leader's signals, latest first. */
	public List<Signal> signals(LeaderId leader) {
		return jdbc.sql("""
				select id, leader_id, note, recorded_at, recorded_by from leader.competitor_signal
				 where leader_id = ? order by recorded_at desc, id desc limit 50""")
			.params(leader.value())
			.query((rs, n) -> new Signal(rs.getLong(1), new LeaderId(rs.getLong(2)), rs.getString(3),
					rs.getTimestamp(4).toInstant(), (Long) rs.getObject(5)))
			.list();
	}

	/** How many signals each live leader of the region has since the instant. */
	public Map<LeaderId, Long> signalCounts(RegionId region, Instant since) {
		Map<LeaderId, Long> result = new HashMap<>();
		jdbc.sql("""
				select s.leader_id, count(*) from leader.competitor_signal s
				  join leader.leader l on l.id = s.leader_id
				 where l.region_id = ? and l.status in ('ACTIVE', 'SUSPENDED') and s.recorded_at >= ?
				 group by 1""")
			.params(region.value(), Timestamp.from(since))
			.query((rs, n) -> result.put(new LeaderId(rs.getLong(1)), rs.getLong(2)))
			.list();
		return result;
	}

	/** A leader's commission over {@code [from, to)}. */
	public long commission(LeaderId leader, Instant from, Instant to) {
		return jdbc.sql("""
				select coalesce(sum(amount_fen), 0) from leader.commission_entry
				 where leader_id = ? and occurred_at >= ? and occurred_at < ?""")
			.params(leader.value(), Timestamp.from(from), Timestamp.from(to)).query(Long.class).single();
	}
}
