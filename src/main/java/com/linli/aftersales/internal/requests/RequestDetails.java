package com.linli.aftersales.internal.requests;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.linli.aftersales.AfterSalesRequestId;
import com.linli.aftersales.RequestKind;
import com.linli.aftersales.RequestReason;
import com.linli.aftersales.RequestStatus;
import com.linli.identity.AccountId;
import com.linli.shared.Money;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The rest of a request: its thread and photos, the quick-refund settings of a region, the after-sales window of
 * a category, and the read models of the pages and the API (a request with its thread, lists with filters).
 */
@Repository
public class RequestDetails {

	public static final long DEFAULT_QUICK_MAX_FEN = 3000;

	public static final int DEFAULT_QUICK_RATE_BP = 1500;

	private final JdbcClient jdbc;

	RequestDetails(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	// ---- thread and photos ----------------------------------------------------------------------------------

	public long message(AfterSalesRequestId request, String authorKind, Long authorId, String body, Instant at) {
		return jdbc.sql("""
				insert into aftersales.request_message (request_id, author_kind, author_id, body, created_at)
				values (?, ?, ?, ?, ?) returning id""")
			.params(request.value(), authorKind, authorId, body, Timestamp.from(at)).query(Long.class).single();
	}

	public long photo(AfterSalesRequestId request, Long messageId, String key, String contentType, Instant at) {
		return jdbc.sql("""
				insert into aftersales.request_photo (request_id, message_id, storage_key, content_type, created_at)
				values (?, ?, ?, ?, ?) returning id""")
			.params(request.value(), messageId, key, contentType, Timestamp.from(at)).query(Long.class).single();
	}

	/** A photo: the request it belongs to and its storage key. */
	public record Photo(long id, AfterSalesRequestId requestId, Long messageId, String key, String contentType) {
	}

	public Optional<Photo> findPhoto(long id) {
		return jdbc.sql("select id, request_id, message_id, storage_key, content_type from aftersales.request_photo where id = ?")
			.param(id)
			.query((rs, n) -> new Photo(rs.getLong(1), new AfterSalesRequestId(rs.getLong(2)), (Long) rs.getObject(3),
					rs.getString(4), rs.getString(5)))
			.optional();
	}

	public List<Photo> photos(AfterSalesRequestId request) {
		return jdbc.sql("select id, request_id, message_id, storage_key, content_type from aftersales.request_photo where request_id = ? order by id")
			.param(request.value())
			.query((rs, n) -> new Photo(rs.getLong(1), new AfterSalesRequestId(rs.getLong(2)), (Long) rs.getObject(3),
					rs.getString(4), rs.getString(5)))
			.list();
	}

	/** One message of the thread; {@code body} a stored text for the system's and operators' notes. */
	public record Message(long id, String authorKind, Long authorId, String body, Instant at, List<Long> photoIds) {
	}

	public List<Message> thread(AfterSalesRequestId request) {
		Map<Long, List<Long>> photosOf = new HashMap<>();
		for (Photo p : photos(request)) {
			if (p.messageId() != null) {
				photosOf.computeIfAbsent(p.messageId(), k -> new ArrayList<>()).add(p.id());
			}
		}
		return jdbc.sql("select id, author_kind, author_id, body, created_at from aftersales.request_message where request_id = ? order by id")
			.param(request.value())
			.query((rs, n) -> new Message(rs.getLong(1), rs.getString(2), (Long) rs.getObject(3), rs.getString(4),
					rs.getTimestamp(5).toInstant(), List.copyOf(photosOf.getOrDefault(rs.getLong(1), List.of()))))
			.list();
	}

	// ---- settings -----------------------------------------------------------------------------------------

	/** The quick-refund rule of a region. */
	public record QuickRefundSetting(long regionId, boolean enabled, long maxFen, int maxRateBasisPoints) {
	}

	public QuickRefundSetting quickRefund(long region) {
		return jdbc.sql("select enabled, max_fen, max_rate_bp from aftersales.quick_refund_setting where region_id = ?")
			.param(region)
			.query((rs, n) -> new QuickRefundSetting(region, rs.getBoolean(1), rs.getLong(2), rs.getInt(3)))
			.optional()
			.orElse(new QuickRefundSetting(region, true, DEFAULT_QUICK_MAX_FEN, DEFAULT_QUICK_RATE_BP));
	}

	public void saveQuickRefund(QuickRefundSetting s, Long by, Instant at) {
		jdbc.sql("""
				insert into aftersales.quick_refund_setting (region_id, enabled, max_fen, max_rate_bp, updated_at, updated_by)
				values (?, ?, ?, ?, ?, ?)
				on conflict (region_id) do update set enabled = excluded.enabled, max_fen = excluded.max_fen,
				       max_rate_bp = excluded.max_rate_bp, updated_at = excluded.updated_at, updated_by = excluded.updated_by""")
			.params(s.regionId(), s.enabled(), s.maxFen(), s.maxRateBasisPoints(), Timestamp.from(at), by).update();
	}

	/** The window of a category set by an operator, in hours after pickup, if any. */
	public Optional<Integer> windowHours(Long category) {
		if (category == null) {
			return Optional.empty();
		}
		return jdbc.sql("select hours from aftersales.window_rule where category_id = ?").param(category)
			.query(Integer.class).optional();
	}

	/** Every category's window set by an operator: category id → hours. */
	public Map<Long, Integer> windows() {
		Map<Long, Integer> windows = new java.util.TreeMap<>();
		jdbc.sql("select category_id, hours from aftersales.window_rule")
			.query((rs, n) -> windows.put(rs.getLong(1), rs.getInt(2))).list();
		return windows;
	}

	public void saveWindow(long category, int hours) {
		jdbc.sql("insert into aftersales.window_rule (category_id, hours) values (?, ?) on conflict (category_id) do update set hours = excluded.hours")
			.params(category, hours).update();
	}

	/** What the resident's after-sales refunds came to since an instant. */
	public Money refundedSince(AccountId resident, Instant since) {
		return Money.ofFen(jdbc.sql("""
				select coalesce(sum(refunded_fen), 0) from aftersales.request
				 where resident_id = ? and status = 'REFUNDED' and completed_at >= ?""")
			.params(resident.value(), Timestamp.from(since)).query(Long.class).single());
	}

	// ---- lists --------------------------------------------------------------------------------------------

	/** A request on a list. */
	public record Summary(long id, String requestNo, long orderId, String orderNo, long lineId, long residentId,
			long regionId, long pickupPointId, java.time.LocalDate pickupDate, long skuId, String skuName, RequestKind kind, RequestReason reason, int quantity,
			long amountFen, Long refundedFen, RequestStatus status, boolean quick, Instant submittedAt,
			Instant returnCollectedAt) {

		public boolean awaitsReturn() {
			return status == RequestStatus.APPROVED && kind.needsReturn() && returnCollectedAt == null;
		}
	}

	/** Filters of the operators' queue; null means any. */
	public record Filter(RequestStatus status, RequestKind kind, RequestReason reason, java.util.Set<Long> regions,
			Instant from, Instant to, Long pickupPointId, Long residentId) {
	}

	public List<Summary> list(Filter f, int limit) {
		StringBuilder where = new StringBuilder("where true");
		Map<String, Object> params = new HashMap<>();
		if (f.status() != null) {
			where.append(" and status = :status");
			params.put("status", f.status().name());
		}
		if (f.kind() != null) {
			where.append(" and kind = :kind");
			params.put("kind", f.kind().name());
		}
		if (f.reason() != null) {
			where.append(" and reason = :reason");
			params.put("reason", f.reason().name());
		}
		if (f.regions() != null) {
			where.append(" and region_id = any(:regions)");
			params.put("regions", f.regions().toArray(Long[]::new));
		}
		if (f.from() != null) {
			where.append(" and submitted_at >= :from");
			params.put("from", Timestamp.from(f.from()));
		}
		if (f.to() != null) {
			where.append(" and submitted_at < :to");
			params.put("to", Timestamp.from(f.to()));
		}
		if (f.pickupPointId() != null) {
			where.append(" and pickup_point_id = :point");
			params.put("point", f.pickupPointId());
		}
		if (f.residentId() != null) {
			where.append(" and resident_id = :resident");
			params.put("resident", f.residentId());
		}
		params.put("limit", limit);
		return jdbc.sql("""
				select id, request_no, order_id, order_no, line_id, resident_id, region_id, pickup_point_id, pickup_date,
				       sku_id, sku_name, kind, reason, quantity, amount_fen, refunded_fen, status, quick, submitted_at, return_collected_at
				  from aftersales.request %s order by submitted_at desc, id desc limit :limit""".formatted(where))
			.params(params)
			.query((rs, n) -> new Summary(rs.getLong(1), rs.getString(2), rs.getLong(3), rs.getString(4), rs.getLong(5),
					rs.getLong(6), rs.getLong(7), rs.getLong(8), rs.getObject(9, java.time.LocalDate.class), rs.getLong(10),
					rs.getString(11), RequestKind.valueOf(rs.getString(12)), RequestReason.valueOf(rs.getString(13)),
					rs.getInt(14), rs.getLong(15), (Long) rs.getObject(16), RequestStatus.valueOf(rs.getString(17)),
					rs.getBoolean(18), rs.getTimestamp(19).toInstant(), Requests.instant(rs, "return_collected_at")))
			.list();
	}

	/** How many requests of the regions are in each status. */
	public Map<RequestStatus, Long> counts(java.util.Set<Long> regions) {
		Map<RequestStatus, Long> counts = new java.util.EnumMap<>(RequestStatus.class);
		for (RequestStatus s : RequestStatus.values()) {
			counts.put(s, 0L);
		}
		jdbc.sql("select status, count(*) from aftersales.request where (:all or region_id = any(:regions)) group by status")
			.param("all", regions == null)
			.param("regions", regions == null ? new Long[0] : regions.toArray(Long[]::new))
			.query((rs, n) -> counts.put(RequestStatus.valueOf(rs.getString(1)), rs.getLong(2))).list();
		return counts;
	}
}
