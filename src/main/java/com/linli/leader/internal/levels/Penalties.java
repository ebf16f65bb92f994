package com.linli.leader.internal.levels;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import com.linli.leader.LeaderId;
import com.linli.leader.Penalty;
import com.linli.leader.PenaltyId;
import com.linli.leader.PenaltyKind;
import com.linli.leader.PenaltyReason;
import com.linli.leader.PenaltyRules;
import com.linli.leader.PenaltyStatus;
import com.linli.leader.PenaltyStatusChanged;
import com.linli.network.RegionId;
import com.linli.shared.BusinessRuleException;
import com.linli.shared.Page;
import com.linli.shared.Text;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Penalties and their rules; saves with a compare-and-set on the version and publishes what the penalty registered. */
@Repository
public class Penalties {

	private final JdbcClient jdbc;

	private final ApplicationEventPublisher events;

	Penalties(JdbcClient jdbc, ApplicationEventPublisher events) {
		this.jdbc = jdbc;
		this.events = events;
	}

	/** A penalty with the leader's name, for lists. */
	public record PenaltyLine(Penalty penalty, String leaderName, String leaderPhone) {
	}

	/** Stores a new penalty; empty when an open one of the same leader, reason and kind exists (rules only). */
	public Optional<Penalty> insert(Penalty p) {
		var id = jdbc.sql("""
				insert into leader.penalty (leader_id, region_id, kind, reason, detail, status, created_at, created_by,
				                            starts_at, ends_at, decided_by)
				values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
				on conflict (leader_id, reason, kind) where status in ('PROPOSED', 'ACTIVE') and reason <> 'OPERATOR'
				do nothing returning id""")
			.params(p.leaderId().value(), p.regionId().value(), p.kind().name(), p.reason().name(), p.detail(),
					p.status().name(), ts(p.createdAt()), p.createdBy(), ts(p.startsAt()), ts(p.endsAt()), p.decidedBy())
			.query(Long.class).optional();
		if (id.isEmpty()) {
			return Optional.empty();
		}
		var saved = p.withId(new PenaltyId(id.get()));
		events.publishEvent(new PenaltyStatusChanged(saved.id(), saved.leaderId(), saved.kind(), null, saved.status(),
				saved.createdAt()));
		return Optional.of(find(saved.id()).orElseThrow());
	}

	/** Saves the moved penalty if nobody changed it since it was read; else 409 changed-concurrently. */
	public Penalty save(Penalty p) {
		int updated = jdbc.sql("""
				update leader.penalty set status = ?, starts_at = ?, ends_at = ?, decided_by = ?, revoke_reason = ?,
				       version = version + 1
				 where id = ? and version = ?""")
			.params(p.status().name(), ts(p.startsAt()), ts(p.endsAt()), p.decidedBy(), p.revokeReason(),
					p.id().value(), p.version())
			.update();
		if (updated != 1) {
			throw new BusinessRuleException("changed-concurrently", "status",
					Text.of("leader.problem.penaltiesChangedConcurrently"));
		}
		p.events().forEach(events::publishEvent);
		return find(p.id()).orElseThrow();
	}

	public Optional<Penalty> find(PenaltyId id) {
		return jdbc.sql("select * from leader.penalty where id = ?").param(id.value()).query(Penalties::penalty)
			.optional();
	}

	public List<Penalty> ofLeader(LeaderId leader, int limit) {
		return jdbc.sql("select * from leader.penalty where leader_id = ? order by created_at desc, id desc limit ?")
			.params(leader.value(), limit).query(Penalties::penalty).list();
	}

	/** Whether a penalty of this kind is in force for the leader at the instant. */
	public boolean inForce(LeaderId leader, PenaltyKind kind, Instant at) {
		return jdbc.sql("""
				select exists(select 1 from leader.penalty where leader_id = ? and kind = ? and status = 'ACTIVE'
				   and starts_at <= ? and (ends_at is null or ends_at > ?))""")
			.params(leader.value(), kind.name(), ts(at), ts(at)).query(Boolean.class).single();
	}

	/** The heaviest kind the leader had (active or expired, not revoked) since the instant, for escalation. */
	public Optional<PenaltyKind> heaviestSince(LeaderId leader, Instant since) {
		return jdbc.sql("""
				select kind from leader.penalty where leader_id = ? and status in ('ACTIVE', 'EXPIRED')
				   and created_at >= ? and kind <> 'SUSPENSION'""")
			.params(leader.value(), ts(since)).query(String.class).list().stream().map(PenaltyKind::valueOf)
			.max(Enum::compareTo);
	}

	/** Whether the leader has an open penalty for the reason (any kind). */
	public boolean hasOpen(LeaderId leader, PenaltyReason reason) {
		return jdbc.sql("""
				select exists(select 1 from leader.penalty where leader_id = ? and reason = ?
				   and status in ('PROPOSED', 'ACTIVE'))""")
			.params(leader.value(), reason.name()).query(Boolean.class).single();
	}

	/** Active penalties whose time ran out by the instant. */
	public List<Penalty> endedBy(Instant at) {
		return jdbc.sql("select * from leader.penalty where status = 'ACTIVE' and ends_at <= ? order by id limit 1000")
			.param(ts(at)).query(Penalties::penalty).list();
	}

	/** Penalties of these regions (null: all), a status or any, newest first. */
	public Page<PenaltyLine> list(Set<Long> regions, PenaltyStatus status, int page, int size) {
		Long[] ids = regions == null ? null : regions.toArray(Long[]::new);
		String where = " where (cast(:all as boolean) or p.region_id = any(:regions)) and (cast(:status as varchar) is null or p.status = :status)";
		var params = new java.util.HashMap<String, Object>();
		params.put("all", ids == null);
		params.put("regions", ids == null ? new Long[0] : ids);
		params.put("status", status == null ? null : status.name());
		long total = jdbc.sql("select count(*) from leader.penalty p" + where).params(params).query(Long.class).single();
		params.put("limit", size);
		params.put("offset", (long) page * size);
		var items = jdbc.sql("select p.*, l.name as leader_name, l.phone as leader_phone from leader.penalty p"
				+ " join leader.leader l on l.id = p.leader_id" + where
				+ " order by p.created_at desc, p.id desc limit :limit offset :offset")
			.params(params)
			.query((rs, n) -> new PenaltyLine(penalty(rs, n), rs.getString("leader_name"), rs.getString("leader_phone")))
			.list();
		return new Page<>(new ArrayList<>(items), total, page, size);
	}

	/** The region's rules, else the defaults (region 0). */
	public PenaltyRules rules(RegionId region) {
		return jdbc.sql("""
				select * from leader.penalty_rule where region_id in (?, 0) order by region_id desc limit 1""")
			.param(region.value())
			.query((rs, n) -> new PenaltyRules(rs.getInt("inactive_days"), rs.getInt("late_receipts"),
					rs.getInt("complaint_rate_bp"), rs.getInt("min_orders_for_rate"), rs.getInt("lower_band_reduction_bp")))
			.single();
	}

	public void saveRules(RegionId region, PenaltyRules r, Instant at) {
		jdbc.sql("""
				insert into leader.penalty_rule values (?, ?, ?, ?, ?, ?, ?)
				on conflict (region_id) do update set inactive_days = excluded.inactive_days,
				   late_receipts = excluded.late_receipts, complaint_rate_bp = excluded.complaint_rate_bp,
				   min_orders_for_rate = excluded.min_orders_for_rate,
				   lower_band_reduction_bp = excluded.lower_band_reduction_bp, updated_at = excluded.updated_at""")
			.params(region.value(), r.inactiveDays(), r.lateReceipts(), r.complaintRateBasisPoints(), r.minOrdersForRate(),
					r.lowerBandReductionBasisPoints(), Timestamp.from(at))
			.update();
	}

	private static Penalty penalty(ResultSet rs, int n) throws SQLException {
		return new Penalty(new PenaltyId(rs.getLong("id")), new LeaderId(rs.getLong("leader_id")),
				new RegionId(rs.getLong("region_id")), PenaltyKind.valueOf(rs.getString("kind")),
				PenaltyReason.valueOf(rs.getString("reason")), rs.getString("detail"),
				PenaltyStatus.valueOf(rs.getString("status")), instant(rs, "created_at"), rs.getString("created_by"),
				instant(rs, "starts_at"), instant(rs, "ends_at"), rs.getString("decided_by"),
				rs.getString("revoke_reason"), rs.getLong("version"), List.of());
	}

	private static Instant instant(ResultSet rs, String column) throws SQLException {
		var t = rs.getTimestamp(column);
		return t == null ? null : t.toInstant();
	}

	private static Timestamp ts(Instant at) {
		return at == null ? null : Timestamp.from(at);
	}
}
