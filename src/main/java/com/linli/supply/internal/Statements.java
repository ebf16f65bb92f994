package com.linli.supply.internal;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import com.linli.shared.Money;
import com.linli.shared.SupplierId;
import com.linli.supply.Chargeback;
import com.linli.supply.Statement;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Settlement statements and chargebacks. Amounts are summed by the database from what is attached. */
@Repository
public class Statements {

	private static final String SELECT = """
			select t.id, t.supplier_id, s.name, t.period_start, t.period_end, t.goods_fen, t.chargeback_fen, t.total_fen,
			       t.status, t.created_at, t.settled_at
			  from supply.statement t join supply.supplier s on s.id = t.supplier_id""";

	private final JdbcClient jdbc;

	Statements(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** The statement of the supplier and period, opened if there is none. */
	public long open(SupplierId supplier, LocalDate start, LocalDate end, Instant now) {
		jdbc.sql("""
				insert into supply.statement (supplier_id, period_start, period_end, goods_fen, chargeback_fen, total_fen,
				       created_at) values (?, ?, ?, 0, 0, 0, ?) on conflict (supplier_id, period_start) do nothing""")
			.params(supplier.value(), Date.valueOf(start), Date.valueOf(end), Timestamp.from(now)).update();
		return jdbc.sql("select id from supply.statement where supplier_id = ? and period_start = ? for update")
			.params(supplier.value(), Date.valueOf(start)).query(Long.class).single();
	}

	/**
	 * Attaches the supplier's delivered, unattached purchase orders received in [from, to) and its unattached
	 * chargebacks to an OPEN statement, then sums it again.
	 */
	public void collect(long statementId, SupplierId supplier, Instant from, Instant to) {
		jdbc.sql("""
				update supply.purchase_order p set statement_id = t.id from supply.statement t
				 where t.id = ? and t.status = 'OPEN' and p.supplier_id = ? and p.status = 'DELIVERED'
				   and p.statement_id is null and p.delivered_at >= ? and p.delivered_at < ?""")
			.params(statementId, supplier.value(), Timestamp.from(from), Timestamp.from(to)).update();
		jdbc.sql("""
				update supply.chargeback c set statement_id = t.id from supply.statement t
				 where t.id = ? and t.status = 'OPEN' and c.supplier_id = ? and c.statement_id is null and c.created_at < ?""")
			.params(statementId, supplier.value(), Timestamp.from(to)).update();
		jdbc.sql("""
				update supply.statement t set goods_fen = g.fen, chargeback_fen = c.fen, total_fen = g.fen - c.fen
				  from (select coalesce(sum(l.price_fen * l.accepted_qty), 0) fen from supply.purchase_order_line l
				          join supply.purchase_order p on p.id = l.po_id where p.statement_id = ? and l.accepted_qty > 0) g,
				       (select coalesce(sum(amount_fen), 0) fen from supply.chargeback where statement_id = ?) c
				 where t.id = ? and t.status = 'OPEN'""")
			.params(statementId, statementId, statementId).update();
	}

	public boolean settle(long id, Instant at) {
		return jdbc.sql("update supply.statement set status = 'SETTLED', settled_at = ? where id = ? and status = 'OPEN'")
			.params(Timestamp.from(at), id).update() == 1;
	}

	public Optional<Statement> find(long id) {
		return jdbc.sql(SELECT + " where t.id = ?").param(id).query(Statements::map).optional();
	}

	public List<Statement> list(SupplierId supplier, int limit) {
		return list(supplier, null, limit);
	}

	/**
	 * Statements whose purchase orders (and the purchase orders of their chargebacks) all lie in the regions;
	 * {@code regions == null}: every statement.
	 */
	public List<Statement> list(SupplierId supplier, Collection<Long> regions, int limit) {
		Long[] r = regions == null ? null : regions.toArray(Long[]::new);
		return jdbc.sql(SELECT + "\n" + """
				 where (? = 0 or t.supplier_id = ?)
				   and (cast(? as bigint[]) is null or not exists (
				        select 1 from supply.purchase_order p left join supply.chargeback c on c.po_id = p.id
				         where (p.statement_id = t.id or c.statement_id = t.id) and p.region_id <> all(cast(? as bigint[]))))
				 order by t.period_start desc, s.name limit ?""")
			.params(supplier == null ? 0 : supplier.value(), supplier == null ? 0 : supplier.value(), r, r, limit)
			.query(Statements::map).list();
	}

	/** The regions of the statement's purchase orders and of the purchase orders its chargebacks name. */
	public Set<Long> regions(long statementId) {
		return new HashSet<>(jdbc.sql("""
				select p.region_id from supply.purchase_order p where p.statement_id = ?
				union
				select p.region_id from supply.chargeback c join supply.purchase_order p on p.id = c.po_id
				 where c.statement_id = ?""").params(statementId, statementId).query(Long.class).list());
	}

	public long addChargeback(SupplierId supplier, Long po, Money amount, String reason, Instant now) {
		return jdbc.sql("""
				insert into supply.chargeback (supplier_id, po_id, amount_fen, reason, created_at) values (?, ?, ?, ?, ?)
				returning id""")
			.params(supplier.value(), po, amount.fen(), reason, Timestamp.from(now)).query(Long.class).single();
	}

	public List<Chargeback> chargebacks(SupplierId supplier, Long statementId) {
		return jdbc.sql("""
				select id, supplier_id, po_id, amount_fen, reason, created_at, statement_id from supply.chargeback
				 where supplier_id = ? and (cast(? as bigint) is null and statement_id is null or statement_id = cast(? as bigint))
				 order by id""")
			.params(supplier.value(), statementId, statementId)
			.query((rs, n) -> new Chargeback(rs.getLong(1), new SupplierId(rs.getLong(2)), (Long) rs.getObject(3),
					Money.ofFen(rs.getLong(4)), rs.getString(5), rs.getTimestamp(6).toInstant(), (Long) rs.getObject(7)))
			.list();
	}

	static Statement map(ResultSet rs, int row) throws SQLException {
		return new Statement(rs.getLong(1), new SupplierId(rs.getLong(2)), rs.getString(3),
				rs.getObject(4, LocalDate.class), rs.getObject(5, LocalDate.class), Money.ofFen(rs.getLong(6)),
				Money.ofFen(rs.getLong(7)), Money.ofFen(rs.getLong(8)), rs.getString(9), rs.getTimestamp(10).toInstant(),
				rs.getTimestamp(11) == null ? null : rs.getTimestamp(11).toInstant(), List.of(), List.of());
	}
}
