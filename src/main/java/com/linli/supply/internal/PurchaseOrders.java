package com.linli.supply.internal;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.linli.catalog.SkuId;
import com.linli.network.RegionId;
import com.linli.network.WarehouseId;
import com.linli.shared.BusinessRuleException;
import com.linli.shared.Money;
import com.linli.shared.Page;
import com.linli.shared.SupplierId;
import com.linli.shared.Text;
import com.linli.supply.PurchaseOrder;
import com.linli.supply.PurchaseOrderId;
import com.linli.supply.PurchaseOrderLine;
import com.linli.supply.PurchaseOrderStatus;
import com.linli.supply.RejectReason;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Purchase orders and their lines. A changed order is saved with a compare-and-set on its version
 * ({@link #save}): whoever changed it first wins, the other gets a 409.
 */
@Repository
public class PurchaseOrders {

	private static final String COLUMNS = """
			p.id, p.po_no, p.supplier_id, s.name, p.region_id, p.warehouse_id, p.cutoff_run_id, p.pickup_date, p.status,
			p.expected_at, p.announced_at, p.created_at, p.sent_at, p.confirmed_at, p.delivered_at, p.settled_at,
			p.cancelled_at, p.statement_id, p.version""";

	private static final String FROM = " from supply.purchase_order p join supply.supplier s on s.id = p.supplier_id ";

	private final JdbcClient jdbc;

	PurchaseOrders(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * A draft for a cutoff run and supplier: the first, or the next round after the supplier's earlier orders
	 * of the run (a rerun's difference); empty when another attempt inserted this round meanwhile.
	 */
	public Optional<PurchaseOrderId> insertDraft(SupplierId supplier, RegionId region, WarehouseId warehouse, Long runId,
			LocalDate pickupDate, Instant expectedAt, Instant now) {
		return jdbc.sql("""
				insert into supply.purchase_order (po_no, supplier_id, region_id, warehouse_id, cutoff_run_id, pickup_date,
				       expected_at, created_at, round)
				values ('PO' || to_char(cast(? as date), 'YYYYMMDD') || '-' || lpad(cast(nextval('supply.purchase_order_no') as text), 6, '0'),
				        ?, ?, ?, ?, ?, ?, ?,
				        coalesce((select max(round) from supply.purchase_order where cutoff_run_id = ? and supplier_id = ?), 0) + 1)
				on conflict (cutoff_run_id, supplier_id, round) where cutoff_run_id is not null do nothing returning id""")
			.params(Date.valueOf(pickupDate), supplier.value(), region.value(), warehouse.value(), runId,
					Date.valueOf(pickupDate), Timestamp.from(expectedAt), Timestamp.from(now), runId, supplier.value())
			.query((rs, n) -> new PurchaseOrderId(rs.getLong(1))).optional();
	}

	/** Serialises the drafting of a cutoff run's purchase orders until the transaction ends. */
	public void lockRun(long runId) {
		jdbc.sql("select pg_advisory_xact_lock(hashtext('supply.draft'), cast(? as int))").param((int) runId)
			.query(Object.class).single();
	}

	/** Units per SKU the run's purchase orders were drafted for, whatever became of them since. */
	public Map<SkuId, Long> draftedForRun(long runId) {
		Map<SkuId, Long> map = new LinkedHashMap<>();
		jdbc.sql("""
				select l.sku_id, sum(l.for_demand) from supply.purchase_order_line l
				  join supply.purchase_order p on p.id = l.po_id
				 where p.cutoff_run_id = ? group by l.sku_id""")
			.param(runId)
			.query((rs, n) -> map.put(new SkuId(rs.getLong(1)), rs.getLong(2))).list();
		return map;
	}

	/** Adds units for the demand to a draft's line of the SKU, ordering at least {@code ordered}; false without one. */
	public boolean topUpLine(PurchaseOrderId po, SkuId sku, long forDemand, java.util.function.LongUnaryOperator ordered) {
		var current = jdbc.sql("""
				select l.for_demand from supply.purchase_order_line l join supply.purchase_order p on p.id = l.po_id
				 where l.po_id = ? and l.sku_id = ? and p.status = 'DRAFT' for update""")
			.params(po.value(), sku.value()).query(Long.class).optional();
		if (current.isEmpty()) {
			return false;
		}
		long total = current.get() + forDemand;
		jdbc.sql("update supply.purchase_order_line set for_demand = ?, ordered_qty = greatest(ordered_qty, ?) where po_id = ? and sku_id = ?")
			.params(total, ordered.applyAsLong(total), po.value(), sku.value()).update();
		touch(po);
		return true;
	}

	public void insertLine(PurchaseOrderId po, SkuId sku, String skuName, String unit, Money price, long ordered,
			long forDemand) {
		jdbc.sql("""
				insert into supply.purchase_order_line (po_id, sku_id, sku_name, unit, price_fen, ordered_qty, for_demand)
				values (?, ?, ?, ?, ?, ?, ?)""")
			.params(po.value(), sku.value(), skuName, unit, price.fen(), ordered, forDemand).update();
		touch(po);
	}

	/** Drafting changed the order's lines: a save of the order as it was before loses. */
	private void touch(PurchaseOrderId po) {
		jdbc.sql("update supply.purchase_order set version = version + 1 where id = ?").param(po.value()).update();
	}

	public Optional<PurchaseOrder> find(PurchaseOrderId id) {
		var list = load("where p.id = ?", List.of(id.value()));
		return list.isEmpty() ? Optional.empty() : Optional.of(list.get(0));
	}

	public List<PurchaseOrder> ofRun(long runId) {
		return load("where p.cutoff_run_id = ? order by p.id", List.of(runId));
	}

	public Page<PurchaseOrder> search(SupplierId supplier, Collection<Long> regions, PurchaseOrderStatus status,
			int page, int size) {
		return search(supplier, regions, status, false, page, size);
	}

	/** A supplier's orders, drafts left out. */
	public Page<PurchaseOrder> searchNotDraft(SupplierId supplier, int page, int size) {
		return search(supplier, null, null, true, page, size);
	}

	private Page<PurchaseOrder> search(SupplierId supplier, Collection<Long> regions, PurchaseOrderStatus status,
			boolean noDrafts, int page, int size) {
		String where = (noDrafts ? "where p.status <> 'DRAFT' and " : "where ") + """
				(cast(:supplier as bigint) is null or p.supplier_id = cast(:supplier as bigint))
				  and (cast(:regions as bigint[]) is null or p.region_id = any(cast(:regions as bigint[])))
				  and (cast(:status as text) is null or p.status = cast(:status as text))""";
		Long[] r = regions == null ? null : regions.toArray(Long[]::new);
		Long s = supplier == null ? null : supplier.value();
		String st = status == null ? null : status.name();
		long total = jdbc.sql("select count(*) from supply.purchase_order p " + where).param("supplier", s)
			.param("regions", r).param("status", st).query(Long.class).single();
		var ids = jdbc.sql("select p.id from supply.purchase_order p " + where
				+ " order by p.pickup_date desc, p.id desc limit :limit offset :offset")
			.param("supplier", s).param("regions", r).param("status", st).param("limit", size)
			.param("offset", (long) page * size).query(Long.class).list();
		var items = ids.isEmpty() ? List.<PurchaseOrder>of()
				: load("where p.id = any(?) order by p.pickup_date desc, p.id desc", List.of((Object) ids.toArray(Long[]::new)));
		return new Page<>(items, total, page, size);
	}

	/** Units of each SKU on open orders (SENT or CONFIRMED, not received) to the warehouse beyond their own demand. */
	public Map<SkuId, Long> spareOnOrder(WarehouseId warehouse, Collection<SkuId> skus) {
		Map<SkuId, Long> map = new LinkedHashMap<>();
		jdbc.sql("""
				select l.sku_id, sum(greatest(coalesce(l.confirmed_qty, l.ordered_qty) - l.for_demand, 0))
				  from supply.purchase_order_line l join supply.purchase_order p on p.id = l.po_id
				 where p.warehouse_id = ? and p.status in ('SENT', 'CONFIRMED') and l.received_at is null
				   and l.sku_id = any(?)
				 group by l.sku_id""")
			.params(warehouse.value(), skus.stream().map(SkuId::value).toArray(Long[]::new))
			.query((rs, n) -> map.put(new SkuId(rs.getLong(1)), rs.getLong(2))).list();
		return map;
	}

	/**
	 * Saves the order as {@code after} if it is still as it was loaded ({@code before}, by version): the
	 * header's status, times and version, then the lines that changed (a line missing from {@code after} is
	 * deleted). Throws a 409 "changed-concurrently" when someone else saved it meanwhile.
	 */
	public PurchaseOrder save(PurchaseOrder before, PurchaseOrder after) {
		int updated = jdbc.sql("""
				update supply.purchase_order set status = ?, announced_at = ?, sent_at = ?, confirmed_at = ?,
				       delivered_at = ?, settled_at = ?, cancelled_at = ?, version = version + 1
				 where id = ? and version = ?""")
			.params(after.status().name(), ts(after.announcedAt()), ts(after.sentAt()), ts(after.confirmedAt()),
					ts(after.deliveredAt()), ts(after.settledAt()), ts(after.cancelledAt()), after.id().value(),
					before.version())
			.update();
		if (updated != 1) {
			throw new BusinessRuleException("changed-concurrently", "status",
					Text.of("supply.problem.purchaseOrderChangedConcurrently", before.poNo()));
		}
		Map<Long, PurchaseOrderLine> kept = new LinkedHashMap<>();
		after.lines().forEach(l -> kept.put(l.id(), l));
		for (var line : before.lines()) {
			var next = kept.get(line.id());
			if (next == null) {
				jdbc.sql("delete from supply.purchase_order_line where id = ? and po_id = ?")
					.params(line.id(), before.id().value()).update();
			}
			else if (!next.equals(line)) {
				jdbc.sql("""
						update supply.purchase_order_line set ordered_qty = ?, confirmed_qty = ?, accepted_qty = ?,
						       rejected_qty = ?, reject_reason = ?, batch_no = ?, production_date = ?, received_at = ?
						 where id = ? and po_id = ?""")
					.params(next.ordered(), next.confirmed(), next.accepted(), next.rejected(),
							next.rejectReason() == null ? null : next.rejectReason().name(), next.batchNo(),
							next.productionDate() == null ? null : Date.valueOf(next.productionDate()),
							ts(next.receivedAt()), next.id(), before.id().value())
					.update();
			}
		}
		return find(after.id()).orElseThrow();
	}

	private static Timestamp ts(Instant at) {
		return at == null ? null : Timestamp.from(at);
	}

	public void setShortageRule(PurchaseOrderId id, String rule) {
		jdbc.sql("update supply.purchase_order set shortage_rule = ? where id = ?").params(rule, id.value()).update();
	}

	public String shortageRule(PurchaseOrderId id) {
		return jdbc.sql("select shortage_rule from supply.purchase_order where id = ?").param(id.value())
			.query(String.class).single();
	}

	public void setBatch(long lineId, long batchId) {
		jdbc.sql("update supply.purchase_order_line set stock_batch_id = ? where id = ?").params(batchId, lineId).update();
	}

	public void recordShortage(long lineId, SkuId sku, int units, String rule, int refundedUnits, Money refunded,
			int orders, Instant at) {
		jdbc.sql("""
				insert into supply.shortage (po_line_id, sku_id, units, rule, refunded_units, refunded_fen, orders, found_at)
				values (?, ?, ?, ?, ?, ?, ?, ?) on conflict (po_line_id) do nothing""")
			.params(lineId, sku.value(), units, rule, refundedUnits, refunded.fen(), orders, Timestamp.from(at)).update();
	}

	public List<com.linli.supply.Shortage> shortages(PurchaseOrderId id) {
		return jdbc.sql("""
				select s.po_line_id, l.sku_name, s.units, s.rule, s.refunded_units, s.refunded_fen, s.orders
				  from supply.shortage s join supply.purchase_order_line l on l.id = s.po_line_id
				 where l.po_id = ? order by s.po_line_id""")
			.param(id.value())
			.query((rs, n) -> new com.linli.supply.Shortage(rs.getLong(1), rs.getString(2), rs.getInt(3), rs.getString(4),
					rs.getInt(5), Money.ofFen(rs.getLong(6)), rs.getInt(7)))
			.list();
	}

	/** The purchase orders on a statement, by delivery. */
	public List<PurchaseOrder> ofStatement(long statementId) {
		return load("where p.statement_id = ? order by p.delivered_at, p.id", List.of(statementId));
	}

	/** Purchase orders delivered (received) in [from, to), of one supplier or (null) all, for scorecards. */
	public List<PurchaseOrder> deliveredBetween(SupplierId supplier, Instant from, Instant to) {
		long s = supplier == null ? 0 : supplier.value();
		return load("""
				where p.status in ('DELIVERED', 'SETTLED') and p.delivered_at >= ? and p.delivered_at < ?
				  and (? = 0 or p.supplier_id = ?) order by p.delivered_at, p.id""",
				List.of(Timestamp.from(from), Timestamp.from(to), s, s));
	}

	private List<PurchaseOrder> load(String where, List<?> params) {
		var headers = jdbc.sql("select " + COLUMNS + FROM + where).params(params).query(PurchaseOrders::header).list();
		if (headers.isEmpty()) {
			return List.of();
		}
		Map<Long, List<PurchaseOrderLine>> lines = new LinkedHashMap<>();
		jdbc.sql("""
				select id, po_id, sku_id, sku_name, unit, price_fen, ordered_qty, confirmed_qty, for_demand, accepted_qty,
				       rejected_qty, reject_reason, batch_no, production_date, received_at
				  from supply.purchase_order_line where po_id = any(?) order by id""")
			.param(headers.stream().map(h -> h.id().value()).toArray(Long[]::new))
			.query((rs, n) -> lines.computeIfAbsent(rs.getLong("po_id"), k -> new ArrayList<>()).add(line(rs)))
			.list();
		return headers.stream().map(h -> new PurchaseOrder(h.id(), h.poNo(), h.supplierId(), h.supplierName(),
				h.regionId(), h.warehouseId(), h.cutoffRunId(), h.pickupDate(), h.status(), h.expectedAt(),
				h.announcedAt(), h.createdAt(), h.sentAt(), h.confirmedAt(), h.deliveredAt(), h.settledAt(),
				h.cancelledAt(), h.statementId(), lines.getOrDefault(h.id().value(), List.of()), h.version())).toList();
	}

	private static PurchaseOrder header(ResultSet rs, int row) throws SQLException {
		return new PurchaseOrder(new PurchaseOrderId(rs.getLong(1)), rs.getString(2), new SupplierId(rs.getLong(3)),
				rs.getString(4), new RegionId(rs.getLong(5)), new WarehouseId(rs.getLong(6)), (Long) rs.getObject(7),
				rs.getObject(8, LocalDate.class), PurchaseOrderStatus.valueOf(rs.getString(9)), instant(rs, 10),
				instant(rs, 11), instant(rs, 12), instant(rs, 13), instant(rs, 14), instant(rs, 15), instant(rs, 16),
				instant(rs, 17), (Long) rs.getObject(18), List.of(), rs.getLong(19));
	}

	private static PurchaseOrderLine line(ResultSet rs) throws SQLException {
		String reason = rs.getString("reject_reason");
		return new PurchaseOrderLine(rs.getLong("id"), new SkuId(rs.getLong("sku_id")), rs.getString("sku_name"),
				rs.getString("unit"), Money.ofFen(rs.getLong("price_fen")), rs.getInt("ordered_qty"),
				(Integer) rs.getObject("confirmed_qty"), rs.getInt("for_demand"), (Integer) rs.getObject("accepted_qty"),
				(Integer) rs.getObject("rejected_qty"), reason == null ? null : RejectReason.valueOf(reason),
				rs.getString("batch_no"), rs.getObject("production_date", LocalDate.class),
				rs.getTimestamp("received_at") == null ? null : rs.getTimestamp("received_at").toInstant());
	}

	private static Instant instant(ResultSet rs, int column) throws SQLException {
		Timestamp t = rs.getTimestamp(column);
		return t == null ? null : t.toInstant();
	}
}
