package com.linli.ordering.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.linli.catalog.CategoryId;
import com.linli.catalog.SkuId;
import com.linli.identity.AccountId;
import com.linli.marketing.DiscountKind;
import com.linli.marketing.ListingId;
import com.linli.network.PickupPointId;
import com.linli.network.RegionId;
import com.linli.ordering.OrderId;
import com.linli.ordering.OrderLineId;
import com.linli.shared.Money;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The write of a new order: the order row, its "placed" timeline entry and its lines, in one statement. */
@Repository
public class OrderInserts {

	private final JdbcClient jdbc;

	OrderInserts(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** {@code replacesLineId}: the line whose units this order replaces (an after-sales exchange), else null. */
	public record NewOrder(String orderNo, AccountId residentId, String idempotencyKey, String recipientName,
			String recipientPhone, RegionId regionId, PickupPointId pickupPointId, LocalDate pickupDate, Money total,
			Instant createdAt, Instant expiresAt, Instant cutoffAt, String note, OrderLineId replacesLineId) {

		/** A resident's order. */
		public NewOrder(String orderNo, AccountId residentId, String idempotencyKey, String recipientName,
				String recipientPhone, RegionId regionId, PickupPointId pickupPointId, LocalDate pickupDate, Money total,
				Instant createdAt, Instant expiresAt, Instant cutoffAt, String note) {
			this(orderNo, residentId, idempotencyKey, recipientName, recipientPhone, regionId, pickupPointId, pickupDate,
					total, createdAt, expiresAt, cutoffAt, note, null);
		}
	}

	/** A line at its listing's group price, with its share of each deduction of the quote (none: empty). */
	public record NewLine(ListingId listingId, SkuId skuId, CategoryId categoryId, String skuName, String spec,
			String unit, Money unitPrice, int quantity, Map<DiscountKind, Money> shares) {

		public NewLine {
			shares = Map.copyOf(shares);
		}

		public NewLine(ListingId listingId, SkuId skuId, CategoryId categoryId, String skuName, String spec,
				String unit, Money unitPrice, int quantity) {
			this(listingId, skuId, categoryId, skuName, spec, unit, unitPrice, quantity, Map.of());
		}

		public NewLine withShares(Map<DiscountKind, Money> shares) {
			return new NewLine(listingId, skuId, categoryId, skuName, spec, unit, unitPrice, quantity, shares);
		}
	}

	private static final String SHARE_ALIASES = java.util.Arrays.stream(DiscountKind.values())
		.map(k -> "s_" + k.ordinal()).collect(java.util.stream.Collectors.joining(", "));

	private static final String SHARE_VALUES = java.util.Arrays.stream(DiscountKind.values())
		.map(k -> "t.s_" + k.ordinal()).collect(java.util.stream.Collectors.joining(", "));

	private static final String SHARE_ARRAYS = java.util.Arrays.stream(DiscountKind.values())
		.map(k -> "cast(:share" + k.ordinal() + " as bigint[])").collect(java.util.stream.Collectors.joining(", "));

	private static Map<String, Object> shareParams(Long[][] shares) {
		Map<String, Object> params = new HashMap<>();
		for (int k = 0; k < shares.length; k++) {
			params.put("share" + k, shares[k]);
		}
		return params;
	}

	/** What the insert gave back: the id and the order number (day + sequence, made by the database). */
	public record Inserted(OrderId id, String orderNo, Map<Long, OrderLineId> lineIdsByListing) {
	}

	/**
	 * Inserts the order, its "placed" timeline entry and its lines in one statement. The order row
	 * claims the idempotency key (a unique key) before any unit is reserved.
	 */
	public Inserted insert(NewOrder o, LocalDate day, List<NewLine> lines) {
		int n = lines.size();
		Long[] listing = new Long[n];
		Long[] sku = new Long[n];
		Long[] category = new Long[n];
		String[] name = new String[n];
		String[] spec = new String[n];
		String[] unit = new String[n];
		Long[] price = new Long[n];
		Integer[] quantity = new Integer[n];
		DiscountKind[] kinds = DiscountKind.values();
		// one array per kind of deduction, column by column: still one statement whatever the lines
		Long[][] shares = new Long[kinds.length][n];
		for (int i = 0; i < n; i++) {
			for (DiscountKind kind : kinds) {
				shares[kind.ordinal()][i] = lines.get(i).shares().getOrDefault(kind, Money.ZERO).fen();
			}
			NewLine l = lines.get(i);
			listing[i] = l.listingId().value();
			sku[i] = l.skuId().value();
			category[i] = l.categoryId().value();
			name[i] = l.skuName();
			spec[i] = l.spec();
			unit[i] = l.unit();
			price[i] = l.unitPrice().fen();
			quantity[i] = l.quantity();
		}
		var ids = new HashMap<Long, OrderLineId>();
		var order = new Object[2];
		jdbc.sql("""
				with o as (
				    insert into ordering.orders (order_no, resident_id, idempotency_key, recipient_name, recipient_phone,
				        region_id, pickup_point_id, pickup_date, status, total_fen, created_at, expires_at, cutoff_at, note,
				        replaces_line_id)
				    values (to_char(cast(:day as date), 'YYMMDD') || lpad(nextval('ordering.order_no_seq')::text, 8, '0'),
				        :resident, :key, :name, :phone, :region, :point, :pickupDate, 'PENDING_PAYMENT', :total, :created,
				        :expires, :cutoff, :note, :replaces)
				    returning id, order_no, created_at),
				placed as (
				    insert into ordering.order_timeline (order_id, at, status, note)
				    select id, created_at, 'PENDING_PAYMENT', 'ordering.timeline.placed' from o),
				l as (
				    insert into ordering.order_line (order_id, listing_id, sku_id, category_id, sku_name, spec, unit,
				        unit_price_fen, quantity, amount_fen, %s)
				    select o.id, t.listing, t.sku, t.category, t.name, t.spec, t.unit, t.price, t.quantity, t.price * t.quantity,
				           %s
				      from o, unnest(cast(:listing as bigint[]), cast(:sku as bigint[]), cast(:category as bigint[]),
				           cast(:lname as text[]), cast(:spec as text[]), cast(:unit as text[]), cast(:price as bigint[]),
				           cast(:quantity as int[]), %s) as t(listing, sku, category, name, spec, unit, price, quantity, %s)
				    returning id, listing_id)
				select o.id, o.order_no, l.id, l.listing_id from o, l""".formatted(Orders.SHARE_COLUMNS, SHARE_VALUES,
					SHARE_ARRAYS, SHARE_ALIASES))
			.param("day", day).param("resident", o.residentId().value()).param("key", o.idempotencyKey())
			.param("name", o.recipientName()).param("phone", o.recipientPhone()).param("region", o.regionId().value())
			.param("point", o.pickupPointId().value()).param("pickupDate", o.pickupDate()).param("total", o.total().fen())
			.param("created", Timestamp.from(o.createdAt())).param("expires", Timestamp.from(o.expiresAt())).param("cutoff", Timestamp.from(o.cutoffAt())).param("note", o.note())
			.param("replaces", o.replacesLineId() == null ? null : o.replacesLineId().value(), java.sql.Types.BIGINT)
			.param("listing", listing).param("sku", sku).param("category", category).param("lname", name)
			.param("spec", spec).param("unit", unit).param("price", price).param("quantity", quantity)
			.params(shareParams(shares))
			.query(rs -> {
				order[0] = rs.getLong(1);
				order[1] = rs.getString(2);
				ids.put(rs.getLong(4), new OrderLineId(rs.getLong(3)));
			});
		return new Inserted(new OrderId((Long) order[0]), (String) order[1], ids);
	}

}
