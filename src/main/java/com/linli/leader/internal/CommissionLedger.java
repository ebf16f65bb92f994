package com.linli.leader.internal;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.HashMap;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

import com.linli.catalog.CategoryId;
import com.linli.leader.CommissionEntry;
import com.linli.leader.CommissionEntryKind;
import com.linli.leader.CommissionRate;
import com.linli.leader.Leader;
import com.linli.leader.LeaderId;
import com.linli.leader.MonthTotal;
import com.linli.network.RegionId;
import com.linli.ordering.OrderId;
import com.linli.ordering.OrderLineId;
import com.linli.shared.Money;
import com.linli.shared.Page;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The commission ledger in plain SQL. Writers first lock the leader's account row
 * ({@link #lockAccount}): a leader's entries are then recorded one at a time, each with the balance
 * after it, and month-to-date sales are read consistently. Unique indexes make an accrual per line
 * and a reversal per refund happen once, whatever the redeliveries.
 */
@Repository
public class CommissionLedger {

	public static final String ENTRY_COLUMNS = """
			id, leader_id, kind, order_id, order_no, order_line_id, sku_name, category_id, quantity, base_fen, rate_bp,
			rate_source, month_sales_fen, sales_month, month, amount_fen, balance_after_fen, refund_reference, occurred_at""";

	private final JdbcClient jdbc;

	CommissionLedger(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** An accrual as a reversal needs it: what was earned and how much of it was given back already. */
	public record Accrual(long id, LeaderId leaderId, OrderId orderId, String orderNo, OrderLineId lineId,
			String skuName, CategoryId categoryId, int quantity, Money base, Money amount, int rateBasisPoints,
			CommissionRate.Source rateSource, YearMonth salesMonth, int reversedQuantity, Money reversedBase,
			Money reversed) {
	}

	/** A new accrual, before the ledger gives it its balance. */
	public record NewAccrual(LeaderId leaderId, OrderId orderId, String orderNo, OrderLineId lineId, String skuName,
			CategoryId categoryId, int quantity, Money base, CommissionRate rate, Money monthSales, YearMonth month,
			Money amount, Instant occurredAt, Instant recordedAt) {
	}

	/** A refund after pickup that came before its line's accrual. */
	public record PendingReversal(String reference, OrderLineId lineId, int quantity, Money amount) {
	}

	/** The leader's totals: what was accrued, reversed, and the balance, over all time. */
	public record Account(Money accrued, Money reversed, Money balance, int entries) {
	}

	/** Namespace of the line locks among PostgreSQL advisory locks ("comm"). */
	private static final int LINE_LOCKS = 0x636f6d6d;

	/**
	 * Serialises the accrual and the reversals of one line until the transaction ends, so a refund
	 * racing its line's accrual either sees the accrual or is seen by it. Take line locks before the
	 * account lock, always in that order.
	 */
	public void lockLine(OrderLineId line) {
		jdbc.sql("select pg_advisory_xact_lock(?, ?)")
			.params(LINE_LOCKS, (int) (line.value() ^ (line.value() >>> 32))).query(rs -> {
			});
	}

	/** Opens the leader's account if needed and locks it until the transaction ends. */
	public void lockAccount(LeaderId leader) {
		jdbc.sql("insert into leader.commission_account (leader_id) values (?) on conflict do nothing")
			.param(leader.value()).update();
		jdbc.sql("select leader_id from leader.commission_account where leader_id = ? for update")
			.param(leader.value()).query(Long.class).single();
	}

	public boolean hasAccrual(OrderLineId line) {
		return jdbc.sql("select exists(select 1 from leader.commission_entry where order_line_id = ? and kind = 'ACCRUAL')")
			.param(line.value()).query(Boolean.class).single();
	}

	public boolean hasReversal(String refundReference) {
		return jdbc.sql("select exists(select 1 from leader.commission_entry where refund_reference = ? and kind = 'REVERSAL')")
			.param(refundReference).query(Boolean.class).single();
	}

	public Optional<Accrual> accrualOf(OrderLineId line) {
		return jdbc.sql("""
				select id, leader_id, order_id, order_no, order_line_id, sku_name, category_id, quantity, base_fen,
				       amount_fen, rate_bp, rate_source, sales_month, reversed_quantity, reversed_base_fen, reversed_fen
				  from leader.commission_entry where order_line_id = ? and kind = 'ACCRUAL'""")
			.param(line.value())
			.query((rs, n) -> new Accrual(rs.getLong(1), new LeaderId(rs.getLong(2)), new OrderId(rs.getLong(3)),
					rs.getString(4), new OrderLineId(rs.getLong(5)), rs.getString(6), categoryId(rs, 7), rs.getInt(8),
					Money.ofFen(rs.getLong(9)), Money.ofFen(rs.getLong(10)), rs.getInt(11),
					CommissionRate.Source.valueOf(rs.getString(12)), month(rs, 13), rs.getInt(14),
					Money.ofFen(rs.getLong(15)), Money.ofFen(rs.getLong(16))))
			.optional();
	}

	/** The leader's picked-up sales of a calendar month, net of the refunds after pickup recorded so far. */
	public Money monthSales(LeaderId leader, YearMonth month) {
		return Money.ofFen(jdbc.sql("""
				select coalesce(sum(case kind when 'ACCRUAL' then base_fen else -base_fen end), 0)
				  from leader.commission_entry where leader_id = ? and sales_month = ?""")
			.params(leader.value(), date(month)).query(Long.class).single());
	}

	/** Records an accrual; the account must be locked. */
	public CommissionEntry insertAccrual(NewAccrual a) {
		long balance = jdbc.sql("""
				update leader.commission_account set accrued_fen = accrued_fen + ?, balance_fen = balance_fen + ?,
				       entries = entries + 1 where leader_id = ? returning balance_fen""")
			.params(a.amount().fen(), a.amount().fen(), a.leaderId().value()).query(Long.class).single();
		long id = jdbc.sql("""
				insert into leader.commission_entry (leader_id, kind, order_id, order_no, order_line_id, sku_name,
				    category_id, quantity, base_fen, rate_bp, rate_source, month_sales_fen, sales_month, month, amount_fen,
				    balance_after_fen, occurred_at, recorded_at)
				values (?, 'ACCRUAL', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) returning id""")
			.params(a.leaderId().value(), a.orderId().value(), a.orderNo(), a.lineId().value(), a.skuName(),
					a.categoryId() == null ? null : a.categoryId().value(), a.quantity(), a.base().fen(),
					a.rate().basisPoints(), a.rate().source().name(), a.monthSales().fen(), date(a.month()),
					date(a.month()), a.amount().fen(), balance, Timestamp.from(a.occurredAt()),
					Timestamp.from(a.recordedAt()))
			.query(Long.class).single();
		return entry(id);
	}

	/**
	 * Records a reversal of part of an accrual; the account must be locked. The accrual's reversed
	 * totals grow in the same statement, and the schema refuses them beyond what was accrued.
	 */
	public CommissionEntry insertReversal(Accrual accrual, String refundReference, int quantity, Money base,
			Money amount, YearMonth month, Instant at) {
		int updated = jdbc.sql("""
				update leader.commission_entry set reversed_quantity = reversed_quantity + ?,
				       reversed_base_fen = reversed_base_fen + ?, reversed_fen = reversed_fen + ?
				 where id = ? and kind = 'ACCRUAL' and reversed_quantity = ?""")
			.params(quantity, base.fen(), amount.fen(), accrual.id(), accrual.reversedQuantity()).update();
		if (updated != 1) {
			throw new IllegalStateException("accrual " + accrual.id() + " changed under its lock");
		}
		long balance = jdbc.sql("""
				update leader.commission_account set reversed_fen = reversed_fen + ?, balance_fen = balance_fen - ?,
				       entries = entries + 1 where leader_id = ? returning balance_fen""")
			.params(amount.fen(), amount.fen(), accrual.leaderId().value()).query(Long.class).single();
		long id = jdbc.sql("""
				insert into leader.commission_entry (leader_id, kind, order_id, order_no, order_line_id, sku_name,
				    category_id, quantity, base_fen, rate_bp, rate_source, sales_month, month, amount_fen,
				    balance_after_fen, refund_reference, accrual_id, occurred_at, recorded_at)
				values (?, 'REVERSAL', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) returning id""")
			.params(accrual.leaderId().value(), accrual.orderId().value(), accrual.orderNo(), accrual.lineId().value(),
					accrual.skuName(), accrual.categoryId() == null ? null : accrual.categoryId().value(), quantity,
					base.fen(), accrual.rateBasisPoints(), accrual.rateSource().name(), date(accrual.salesMonth()),
					date(month), -amount.fen(), balance, refundReference, accrual.id(), Timestamp.from(at),
					Timestamp.from(at))
			.query(Long.class).single();
		return entry(id);
	}

	public void holdPendingReversal(String reference, OrderLineId line, int quantity, Money amount, Instant at) {
		jdbc.sql("""
				insert into leader.commission_pending_reversal (refund_reference, order_line_id, quantity, amount_fen, received_at)
				values (?, ?, ?, ?, ?) on conflict do nothing""")
			.params(reference, line.value(), quantity, amount.fen(), Timestamp.from(at)).update();
	}

	/** Takes the pending reversals of a line out of the waiting room. */
	public List<PendingReversal> takePendingReversals(OrderLineId line) {
		return jdbc.sql("""
				delete from leader.commission_pending_reversal where order_line_id = ?
				returning refund_reference, order_line_id, quantity, amount_fen""")
			.param(line.value())
			.query((rs, n) -> new PendingReversal(rs.getString(1), new OrderLineId(rs.getLong(2)), rs.getInt(3),
					Money.ofFen(rs.getLong(4))))
			.list();
	}

	public CommissionEntry entry(long id) {
		return jdbc.sql("select " + ENTRY_COLUMNS + " from leader.commission_entry where id = ?").param(id)
			.query(CommissionLedger::entry).single();
	}

	/** A leader's entries, newest first; {@code month} null = all months. */
	public Page<CommissionEntry> entries(LeaderId leader, YearMonth month, int page, int size) {
		var params = new HashMap<String, Object>();
		params.put("leader", leader.value());
		params.put("month", month == null ? null : date(month));
		String where = " where leader_id = :leader and (cast(:month as date) is null or month = :month)";
		long total = jdbc.sql("select count(*) from leader.commission_entry" + where).params(params)
			.query(Long.class).single();
		params.put("limit", size);
		params.put("offset", Math.multiplyExact(page, size));
		var items = jdbc.sql("select " + ENTRY_COLUMNS + " from leader.commission_entry" + where
				+ " order by id desc limit :limit offset :offset")
			.params(params).query(CommissionLedger::entry).list();
		return new Page<>(items, total, page, size);
	}

	public Account account(LeaderId leader) {
		return jdbc.sql("""
				select accrued_fen, reversed_fen, balance_fen, entries from leader.commission_account where leader_id = ?""")
			.param(leader.value())
			.query((rs, n) -> new Account(Money.ofFen(rs.getLong(1)), Money.ofFen(rs.getLong(2)),
					Money.ofFen(rs.getLong(3)), rs.getInt(4)))
			.optional().orElse(new Account(Money.ZERO, Money.ZERO, Money.ZERO, 0));
	}

	/** Commission accrued and reversed in a month (by the entries' month). */
	public MonthTotal monthTotal(LeaderId leader, YearMonth month) {
		return monthTotals(leader, month, month).getOrDefault(month, new MonthTotal(month, Money.ZERO, Money.ZERO, Money.ZERO));
	}

	/** Sales (by month of sale) and commission (by month of entry) for each month from {@code from} to {@code to}. */
	public TreeMap<YearMonth, MonthTotal> monthTotals(LeaderId leader, YearMonth from, YearMonth to) {
		var totals = new TreeMap<YearMonth, MonthTotal>();
		jdbc.sql("""
				select m, sum(sales), sum(accrued), sum(reversed) from (
				  select sales_month m, sum(case kind when 'ACCRUAL' then base_fen else -base_fen end) sales, 0 accrued, 0 reversed
				    from leader.commission_entry where leader_id = :leader and sales_month between :from and :to group by sales_month
				  union all
				  select month, 0, coalesce(sum(amount_fen) filter (where kind = 'ACCRUAL'), 0),
				         coalesce(-sum(amount_fen) filter (where kind = 'REVERSAL'), 0)
				    from leader.commission_entry where leader_id = :leader and month between :from and :to group by month
				) t group by m order by m desc""")
			.param("leader", leader.value()).param("from", date(from)).param("to", date(to))
			.query(rs -> {
				var month = month(rs, 1);
				totals.put(month, new MonthTotal(month, Money.ofFen(rs.getLong(2)), Money.ofFen(rs.getLong(3)),
						Money.ofFen(rs.getLong(4))));
			});
		return totals;
	}

	/** One row of the console's monthly table, before the scheme gives the band. */
	public record LeaderMonth(Leader leader, Money sales, Money accrued, Money reversed, Money balance) {
	}

	/**
	 * Leaders of the regions ({@code null} = all) with their month: those still holding a pickup point,
	 * and any other with entries in the month; highest commission first.
	 */
	public Page<LeaderMonth> monthly(Set<RegionId> regions, YearMonth month, String text, int page, int size) {
		var params = new HashMap<String, Object>();
		params.put("regions", regions == null ? null : regions.stream().map(RegionId::value).toArray(Long[]::new));
		params.put("month", date(month));
		params.put("q", text == null || text.isBlank() ? null
				: "%" + text.strip().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%");
		String from = """
				  from leader.leader l
				  left join (select leader_id, sum(case kind when 'ACCRUAL' then base_fen else -base_fen end) sales
				               from leader.commission_entry where sales_month = :month group by leader_id) s on s.leader_id = l.id
				  left join (select leader_id, coalesce(sum(amount_fen) filter (where kind = 'ACCRUAL'), 0) accrued,
				                    coalesce(-sum(amount_fen) filter (where kind = 'REVERSAL'), 0) reversed
				               from leader.commission_entry where month = :month group by leader_id) m on m.leader_id = l.id
				  left join leader.commission_account a on a.leader_id = l.id
				 where (cast(:regions as bigint[]) is null or l.region_id = any(:regions))
				   and (cast(:q as text) is null or l.name ilike :q or l.phone like :q)
				   and (l.status <> 'CLOSED' or s.leader_id is not null or m.leader_id is not null)
				""";
		long total = jdbc.sql("select count(*)" + from).params(params).query(Long.class).single();
		params.put("limit", size);
		params.put("offset", Math.multiplyExact(page, size));
		var items = jdbc.sql("""
				select l.id, l.account_id, l.name, l.phone, l.pickup_point_id, l.region_id, l.status, l.since,
				       coalesce(s.sales, 0), coalesce(m.accrued, 0), coalesce(m.reversed, 0), coalesce(a.balance_fen, 0)
				""" + from + " order by coalesce(m.accrued, 0) - coalesce(m.reversed, 0) desc, coalesce(s.sales, 0) desc, l.id"
				+ " limit :limit offset :offset")
			.params(params)
			.query((rs, n) -> new LeaderMonth(Leaders.map(rs, n), Money.ofFen(rs.getLong(9)), Money.ofFen(rs.getLong(10)),
					Money.ofFen(rs.getLong(11)), Money.ofFen(rs.getLong(12))))
			.list();
		return new Page<>(items, total, page, size);
	}

	public static CommissionEntry entry(ResultSet rs, int row) throws SQLException {
		long monthSales = rs.getLong("month_sales_fen");
		boolean noMonthSales = rs.wasNull();
		return new CommissionEntry(rs.getLong("id"), new LeaderId(rs.getLong("leader_id")),
				CommissionEntryKind.valueOf(rs.getString("kind")), new OrderId(rs.getLong("order_id")),
				rs.getString("order_no"), new OrderLineId(rs.getLong("order_line_id")), rs.getString("sku_name"),
				categoryId(rs, "category_id"), rs.getInt("quantity"), Money.ofFen(rs.getLong("base_fen")),
				rs.getInt("rate_bp"), CommissionRate.Source.valueOf(rs.getString("rate_source")),
				noMonthSales ? null : Money.ofFen(monthSales), month(rs, "sales_month"), month(rs, "month"),
				Money.ofFen(rs.getLong("amount_fen")), Money.ofFen(rs.getLong("balance_after_fen")),
				rs.getString("refund_reference"), rs.getTimestamp("occurred_at").toInstant());
	}

	static Date date(YearMonth month) {
		return Date.valueOf(month.atDay(1));
	}

	private static YearMonth month(ResultSet rs, int column) throws SQLException {
		return YearMonth.from(rs.getObject(column, LocalDate.class));
	}

	private static YearMonth month(ResultSet rs, String column) throws SQLException {
		return YearMonth.from(rs.getObject(column, LocalDate.class));
	}

	private static CategoryId categoryId(ResultSet rs, int column) throws SQLException {
		long id = rs.getLong(column);
		return rs.wasNull() ? null : new CategoryId(id);
	}

	private static CategoryId categoryId(ResultSet rs, String column) throws SQLException {
		long id = rs.getLong(column);
		return rs.wasNull() ? null : new CategoryId(id);
	}
}
