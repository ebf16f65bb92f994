package com.linli.aftersales.internal.requests;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Optional;

import com.linli.aftersales.AfterSalesRequestId;
import com.linli.aftersales.RequestKind;
import com.linli.aftersales.RequestReason;
import com.linli.aftersales.RequestStatus;
import com.linli.catalog.CategoryId;
import com.linli.catalog.SkuId;
import com.linli.identity.AccountId;
import com.linli.network.PickupPointId;
import com.linli.network.RegionId;
import com.linli.ordering.OrderId;
import com.linli.ordering.OrderLineId;
import com.linli.shared.BusinessRuleException;
import com.linli.shared.Money;
import com.linli.shared.NotFoundException;
import com.linli.shared.Text;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * After-sales requests in {@code aftersales.request}: filed once per (resident, submit key), saved with a
 * compare-and-set on the version, publishing the events the aggregate registered; and the per-line claims
 * ({@code aftersales.line_claim}) that keep two requests from holding the same units.
 */
@Repository
public class Requests {

	static final String COLUMNS = """
			id, request_no, resident_id, order_id, order_no, line_id, region_id, pickup_point_id, pickup_date, sku_id,
			product_id, category_id, supplier_id, sku_name, kind, reason, description, quantity, amount_fen,
			refunded_fen, status, quick, submit_key, submitted_at, decided_at, decided_by, decision_note,
			return_collected_at, return_collected_by, completed_at, refund_reference, after_pickup, version""";

	private final JdbcClient jdbc;

	private final ApplicationEventPublisher events;

	private final ZoneId zone;

	Requests(JdbcClient jdbc, ApplicationEventPublisher events, @Value("${linli.zone:Asia/Shanghai}") String zone) {
		this.jdbc = jdbc;
		this.events = events;
		this.zone = ZoneId.of(zone);
	}

	/**
	 * Inserts a new request's row unless the resident already filed one with this key (then empty: a concurrent
	 * insert of the same key waits for the first to commit and answers nothing). Answers its id and number.
	 */
	public Optional<Filed> insert(AfterSalesRequest.Subject s, RequestKind kind, RequestReason reason,
			String description, int quantity, Money amount, String submitKey, Instant at) {
		long seq = jdbc.sql("select nextval('aftersales.request_no_seq')").query(Long.class).single();
		String no = "AS" + DateTimeFormatter.BASIC_ISO_DATE.format(at.atZone(zone).toLocalDate())
				+ String.format("%06d", seq % 1_000_000);
		return jdbc.sql("""
				insert into aftersales.request (request_no, resident_id, order_id, order_no, line_id, region_id,
				       pickup_point_id, pickup_date, sku_id, product_id, category_id, supplier_id, sku_name, kind, reason,
				       description, quantity, amount_fen, status, submit_key, submitted_at, after_pickup)
				values (:no, :resident, :order, :orderNo, :line, :region, :point, :date, :sku, :product, :category,
				        :supplier, :skuName, :kind, :reason, :description, :quantity, :amount, 'SUBMITTED', :key, :at,
				        :afterPickup)
				on conflict (resident_id, submit_key) do nothing
				returning id""")
			.param("no", no).param("resident", s.residentId().value()).param("order", s.orderId().value())
			.param("orderNo", s.orderNo()).param("line", s.lineId().value()).param("region", s.regionId().value())
			.param("point", s.pickupPointId().value()).param("date", s.pickupDate())
			.param("sku", s.skuId().value()).param("product", s.productId())
			.param("category", s.categoryId() == null ? null : s.categoryId().value())
			.param("supplier", s.supplierId()).param("skuName", s.skuName()).param("kind", kind.name())
			.param("reason", reason.name()).param("description", description).param("quantity", quantity)
			.param("amount", amount.fen()).param("key", submitKey).param("at", Timestamp.from(at))
			.param("afterPickup", s.afterPickup())
			.query(Long.class).optional().map(id -> new Filed(new AfterSalesRequestId(id), no));
	}

	public record Filed(AfterSalesRequestId id, String requestNo) {
	}

	public Optional<AfterSalesRequest> find(AfterSalesRequestId id) {
		return jdbc.sql("select " + COLUMNS + " from aftersales.request where id = ?").param(id.value())
			.query(this::map).optional();
	}

	public AfterSalesRequest get(AfterSalesRequestId id) {
		return find(id).orElseThrow(() -> new NotFoundException("request", id.value()));
	}

	public Optional<AfterSalesRequestId> findByKey(AccountId resident, String submitKey) {
		return jdbc.sql("select id from aftersales.request where resident_id = ? and submit_key = ?")
			.params(resident.value(), submitKey).query(Long.class).optional().map(AfterSalesRequestId::new);
	}

	/** Stores the request's state with a compare-and-set on its version; then publishes its events. */
	public void save(AfterSalesRequest r) {
		int updated = jdbc.sql("""
				update aftersales.request
				   set status = :status, quick = :quick, amount_fen = :amount, refunded_fen = :refunded, decided_at = :decidedAt,
				       decided_by = :decidedBy, decision_note = :note, return_collected_at = :collectedAt,
				       return_collected_by = :collectedBy, completed_at = :completedAt, refund_reference = :reference,
				       version = version + 1
				 where id = :id and version = :version""")
			.param("status", r.status().name()).param("quick", r.quick()).param("amount", r.amount().fen())
			.param("refunded", r.refunded() == null ? null : r.refunded().fen())
			.param("decidedAt", ts(r.decidedAt())).param("decidedBy", r.decidedBy())
			.param("note", r.decisionNote()).param("collectedAt", ts(r.returnCollectedAt()))
			.param("collectedBy", r.returnCollectedBy()).param("completedAt", ts(r.completedAt()))
			.param("reference", r.refundReference()).param("id", r.id().value()).param("version", r.version())
			.update();
		if (updated != 1) {
			throw new BusinessRuleException("changed-concurrently",
					Text.of("aftersales.problem.requestChangedConcurrently", r.requestNo()));
		}
		r.takeEvents().forEach(events::publishEvent);
	}

	/** Publishes the events of a request just filed and saved in its first state. */
	public void publish(AfterSalesRequest r) {
		r.takeEvents().forEach(events::publishEvent);
	}

	// ---- claims on a line's units ---------------------------------------------------------------------

	/**
	 * Holds {@code units} more of the line for a request, when they and the units other requests hold stay
	 * within {@code cap} (the units the line may still give back, as the caller read the order) and within the
	 * row's own cap (which refunds of after-sales requests lowered, perhaps after the caller read the order);
	 * false when they would not. Concurrent claims
	 * on a line queue on its row, and the second sees the first's units.
	 */
	public boolean claim(OrderLineId line, OrderId order, int units, int cap) {
		jdbc.sql("insert into aftersales.line_claim (line_id, order_id, cap, claimed) values (?, ?, ?, 0) on conflict do nothing")
			.params(line.value(), order.value(), Math.max(cap, 0)).update();
		return jdbc.sql("""
				update aftersales.line_claim set claimed = claimed + :units, cap = least(cap, :cap)
				 where line_id = :line and claimed + :units <= least(cap, :cap)""")
			.param("units", units).param("cap", cap).param("line", line.value()).update() == 1;
	}

	/** The units held for the line now. */
	public int claimed(OrderLineId line) {
		return jdbc.sql("select claimed from aftersales.line_claim where line_id = ?").param(line.value())
			.query(Integer.class).optional().orElse(0);
	}

	/** A rejected or withdrawn request gives its units back. */
	public void release(OrderLineId line, int units) {
		jdbc.sql("update aftersales.line_claim set claimed = claimed - ? where line_id = ?").params(units, line.value())
			.update();
	}

	/** A refunded request's units leave the line: off what is held and off what it may give back. */
	public void refundedOff(OrderLineId line, int units) {
		jdbc.sql("update aftersales.line_claim set claimed = claimed - ?, cap = cap - ? where line_id = ?")
			.params(units, units, line.value()).update();
	}

	private AfterSalesRequest map(ResultSet rs, int n) throws SQLException {
		long category = rs.getLong("category_id");
		var categoryId = rs.wasNull() ? null : new CategoryId(category);
		var subject = new AfterSalesRequest.Subject(new AccountId(rs.getLong("resident_id")),
				new OrderId(rs.getLong("order_id")), rs.getString("order_no"), new OrderLineId(rs.getLong("line_id")),
				new RegionId(rs.getLong("region_id")), new PickupPointId(rs.getLong("pickup_point_id")),
				rs.getObject("pickup_date", LocalDate.class), new SkuId(rs.getLong("sku_id")),
				(Long) rs.getObject("product_id"), categoryId, (Long) rs.getObject("supplier_id"),
				rs.getString("sku_name"), rs.getBoolean("after_pickup"));
		Long refunded = (Long) rs.getObject("refunded_fen");
		return new AfterSalesRequest(new AfterSalesRequestId(rs.getLong("id")), rs.getString("request_no"), subject,
				RequestKind.valueOf(rs.getString("kind")), RequestReason.valueOf(rs.getString("reason")),
				rs.getString("description"), rs.getInt("quantity"), Money.ofFen(rs.getLong("amount_fen")),
				rs.getString("submit_key"), instant(rs, "submitted_at"), RequestStatus.valueOf(rs.getString("status")),
				rs.getBoolean("quick"), refunded == null ? null : Money.ofFen(refunded), instant(rs, "decided_at"),
				(Long) rs.getObject("decided_by"), rs.getString("decision_note"), instant(rs, "return_collected_at"),
				(Long) rs.getObject("return_collected_by"), instant(rs, "completed_at"),
				rs.getString("refund_reference"), rs.getLong("version"));
	}

	static Instant instant(ResultSet rs, String column) throws SQLException {
		Timestamp t = rs.getTimestamp(column);
		return t == null ? null : t.toInstant();
	}

	static Timestamp ts(Instant i) {
		return i == null ? null : Timestamp.from(i);
	}
}
