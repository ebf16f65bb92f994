package com.linli.leader.internal.payouts;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.YearMonth;
import java.util.HashMap;
import java.util.Optional;
import java.util.Set;

import com.linli.leader.LeaderId;
import com.linli.leader.Withdrawal;
import com.linli.leader.WithdrawalId;
import com.linli.leader.WithdrawalLine;
import com.linli.leader.WithdrawalStatus;
import com.linli.network.RegionId;
import com.linli.shared.BusinessRuleException;
import com.linli.shared.Money;
import com.linli.shared.Page;
import com.linli.shared.Text;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Withdrawals in plain SQL. A save is a compare-and-set on the status and version the withdrawal was loaded with
 * (409 {@code changed-concurrently} when another save won), moves the balance the new status asks for in the same
 * transaction, and publishes the events the withdrawal registered.
 */
@Repository
public class Withdrawals {

	private static final String COLUMNS = """
			w.id, w.leader_id, w.region_id, w.amount_fen, w.status, w.requested_at, w.decided_at, w.decided_by,
			w.reject_reason, w.completed_at, w.failure_reason, w.version""";

	private final JdbcClient jdbc;

	private final Balances balances;

	private final ApplicationEventPublisher events;

	Withdrawals(JdbcClient jdbc, Balances balances, ApplicationEventPublisher events) {
		this.jdbc = jdbc;
		this.balances = balances;
		this.events = events;
	}

	public WithdrawalId insert(LeaderId leader, RegionId region, Money amount, YearMonth month, Instant at) {
		return new WithdrawalId(jdbc.sql("""
				insert into leader.withdrawal (leader_id, region_id, amount_fen, status, requested_month, requested_at)
				values (?, ?, ?, 'REQUESTED', ?, ?) returning id""")
			.params(leader.value(), region.value(), amount.fen(), Date.valueOf(month.atDay(1)), Timestamp.from(at))
			.query(Long.class).single());
	}

	/** Withdrawals of the leader requested in the month that still count (neither rejected nor failed). */
	public int countInMonth(LeaderId leader, YearMonth month) {
		return jdbc.sql("""
				select count(*) from leader.withdrawal
				 where leader_id = ? and requested_month = ? and status not in ('REJECTED', 'FAILED')""")
			.params(leader.value(), Date.valueOf(month.atDay(1))).query(Integer.class).single();
	}

	public Optional<Withdrawal> find(WithdrawalId id) {
		return jdbc.sql("select " + COLUMNS + " from leader.withdrawal w where w.id = ?").param(id.value())
			.query(Withdrawals::map).optional();
	}

	/** Saves a moved withdrawal (compare-and-set), moves the balance and publishes its events. */
	public Withdrawal save(Withdrawal loaded, Withdrawal moved) {
		int updated = jdbc.sql("""
				update leader.withdrawal set status = ?, decided_at = ?, decided_by = ?, reject_reason = ?,
				       completed_at = ?, failure_reason = ?, version = version + 1
				 where id = ? and status = ? and version = ?""")
			.params(moved.status().name(), ts(moved.decidedAt()), moved.decidedBy(), moved.rejectReason(),
					ts(moved.completedAt()), moved.failureReason(), moved.id().value(), loaded.status().name(),
					loaded.version())
			.update();
		if (updated != 1) {
			throw new BusinessRuleException("changed-concurrently", "status",
					Text.of("leader.problem.payoutsChangedConcurrently", moved.id()));
		}
		switch (moved.status()) {
			case PAID -> balances.paidOut(moved.leaderId(), moved.amount());
			case REJECTED, FAILED -> balances.givenBack(moved.leaderId(), moved.amount());
			default -> {
			}
		}
		moved.events().forEach(events::publishEvent);
		return find(moved.id()).orElseThrow();
	}

	/** Filters of the approval list; every one may be null. */
	public record Filter(Set<Long> regions, LeaderId leader, WithdrawalStatus status, String text) {
	}

	public Page<WithdrawalLine> list(Filter filter, int page, int size) {
		var params = new HashMap<String, Object>();
		String where = where(filter, params);
		long total = jdbc.sql("select count(*) from leader.withdrawal w join leader.leader l on l.id = w.leader_id" + where)
			.params(params).query(Long.class).single();
		params.put("limit", size);
		params.put("offset", Math.multiplyExact(page, size));
		var items = jdbc.sql("select " + COLUMNS + ", l.name, l.phone, l.pickup_point_id from leader.withdrawal w"
				+ " join leader.leader l on l.id = w.leader_id" + where + " order by w.id desc limit :limit offset :offset")
			.params(params)
			.query((rs, n) -> new WithdrawalLine(map(rs, n), rs.getString("name"), rs.getString("phone"),
					rs.getLong("pickup_point_id")))
			.list();
		return new Page<>(items, total, page, size);
	}

	/** The total of the filtered withdrawals. */
	public Money total(Filter filter) {
		var params = new HashMap<String, Object>();
		String where = where(filter, params);
		return Money.ofFen(jdbc.sql("select coalesce(sum(w.amount_fen), 0) from leader.withdrawal w"
				+ " join leader.leader l on l.id = w.leader_id" + where).params(params).query(Long.class).single());
	}

	/** What the regions' operators approved from {@code from} (inclusive) to {@code to}: count and total. */
	public Money approvedBetween(Set<Long> regions, Instant from, Instant to) {
		return Money.ofFen(jdbc.sql("""
				select coalesce(sum(amount_fen), 0) from leader.withdrawal
				 where status in ('APPROVED', 'PAID', 'FAILED') and decided_at >= :from and decided_at < :to
				   and (cast(:regions as bigint[]) is null or region_id = any(:regions))""")
			.param("from", Timestamp.from(from)).param("to", Timestamp.from(to))
			.param("regions", regions == null ? null : regions.toArray(Long[]::new))
			.query(Long.class).single());
	}

	/** Approved withdrawals whose payout has not been settled since {@code before} (the payout retry's work). */
	public java.util.List<WithdrawalId> approvedBefore(Instant before) {
		return jdbc.sql("select id from leader.withdrawal where status = 'APPROVED' and decided_at < ? order by id")
			.param(Timestamp.from(before)).query(Long.class).list().stream().map(WithdrawalId::new).toList();
	}

	private static String where(Filter filter, HashMap<String, Object> params) {
		params.put("regions", filter.regions() == null ? null : filter.regions().toArray(Long[]::new));
		params.put("leader", filter.leader() == null ? null : filter.leader().value());
		params.put("status", filter.status() == null ? null : filter.status().name());
		params.put("q", filter.text() == null || filter.text().isBlank() ? null
				: "%" + filter.text().strip().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%");
		return " " + """
				where (cast(:regions as bigint[]) is null or w.region_id = any(:regions))
				   and (cast(:leader as bigint) is null or w.leader_id = :leader)
				   and (cast(:status as text) is null or w.status = :status)
				   and (cast(:q as text) is null or l.name ilike :q or l.phone like :q)""";
	}

	private static Timestamp ts(Instant at) {
		return at == null ? null : Timestamp.from(at);
	}

	public static Withdrawal map(ResultSet rs, int row) throws SQLException {
		long decidedBy = rs.getLong("decided_by");
		boolean noDecider = rs.wasNull();
		return new Withdrawal(new WithdrawalId(rs.getLong("id")), new LeaderId(rs.getLong("leader_id")),
				new RegionId(rs.getLong("region_id")), Money.ofFen(rs.getLong("amount_fen")),
				WithdrawalStatus.valueOf(rs.getString("status")), instant(rs, "requested_at"), instant(rs, "decided_at"),
				noDecider ? null : decidedBy, rs.getString("reject_reason"), instant(rs, "completed_at"),
				rs.getString("failure_reason"), rs.getInt("version"));
	}

	private static Instant instant(ResultSet rs, String column) throws SQLException {
		var t = rs.getTimestamp(column);
		return t == null ? null : t.toInstant();
	}

}
