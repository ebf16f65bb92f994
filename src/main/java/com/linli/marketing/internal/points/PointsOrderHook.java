package com.linli.marketing.internal.points;

import java.math.BigInteger;
import java.math.RoundingMode;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Map;

import com.linli.identity.AccountId;
import com.linli.marketing.DiscountKind;
import com.linli.marketing.PlacedOrder;
import com.linli.marketing.PointsKind;
import com.linli.marketing.internal.OrderPromotionHook;
import com.linli.network.RegionId;
import com.linli.shared.Money;
import com.linli.shared.Text;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * What points do when an order moves: the points of the quote are spent when it is placed (a lost race
 * for the last points throws and undoes the order); points for the paid amount are earned when it is
 * paid; a cancelled order gives back what was spent and reverses what was earned; a refunded line gives
 * back its share of the points spent (converted back exactly) and reverses earned points in proportion
 * to the money refunded. The order's row in {@code points_order} keeps the running totals, so refunds
 * never give back or reverse more than there was; each event is applied once by its reference.
 */
@Component
class PointsOrderHook implements OrderPromotionHook {

	private final JdbcClient jdbc;

	private final PointsLedger ledger;

	private final PointsProperties properties;

	PointsOrderHook(JdbcClient jdbc, PointsLedger ledger, PointsProperties properties) {
		this.jdbc = jdbc;
		this.ledger = ledger;
		this.properties = properties;
	}

	@Override
	public int position() {
		return 500;
	}

	@Override
	public void placed(PlacedOrder order) {
		long points = order.quote().pointsUsed();
		if (points <= 0) {
			return;
		}
		int created = jdbc.sql("""
				insert into marketing.points_order (order_id, resident_id, spent_points, spent_fen) values (?, ?, ?, ?)
				on conflict (order_id) do nothing""")
			.params(order.orderId(), order.resident().value(), points, order.quote().total(DiscountKind.POINTS).fen())
			.update();
		if (created == 1) {
			ledger.spend(order.resident(), points, Text.of("marketing.points.reason.spentOnOrder", order.orderId()),
					"order:" + order.orderId() + ":spent", order.at());
		}
	}

	@Override
	public void paid(long orderId, AccountId resident, RegionId region, Money paid, Instant at) {
		long earned = paid.fen() / 100 * properties.earnPerYuan();
		// only the first payment of an order earns (a retried call finds the row already paid)
		int updated = jdbc.sql("""
				insert into marketing.points_order (order_id, resident_id, paid_fen, earned_points) values (?, ?, ?, ?)
				on conflict (order_id) do update set paid_fen = excluded.paid_fen, earned_points = excluded.earned_points
				where points_order.paid_fen = 0 and not points_order.cancelled""")
			.params(orderId, resident.value(), paid.fen(), earned).update();
		if (updated == 1 && earned > 0) {
			ledger.add(resident, PointsKind.EARNED, earned, Text.of("marketing.points.reason.earnedOnOrder", orderId),
					"order:" + orderId + ":earned", at);
		}
	}

	@Override
	public void cancelled(long orderId, AccountId resident, Instant at) {
		var row = jdbc.sql("""
				select spent_points - given_back_points as spend_left, earned_points - reversed_points as earned_left
				from marketing.points_order where order_id = ? and not cancelled for update""")
			.param(orderId).query((rs, n) -> new long[] { rs.getLong(1), rs.getLong(2) }).optional();
		if (row.isEmpty()) {
			return;
		}
		jdbc.sql("""
				update marketing.points_order set cancelled = true, given_back_points = spent_points,
				reversed_points = earned_points where order_id = ?""").param(orderId).update();
		// given back first: a resident who spent the earned points on this very order keeps the balance whole
		if (row.get()[0] > 0) {
			ledger.add(resident, PointsKind.GIVEN_BACK, row.get()[0],
					Text.of("marketing.points.reason.givenBackCancelled", orderId), "order:" + orderId + ":given-back", at);
		}
		if (row.get()[1] > 0) {
			ledger.takeUpTo(resident, PointsKind.REVERSED, row.get()[1],
					Text.of("marketing.points.reason.reversedCancelled", orderId), "order:" + orderId + ":reversed", at);
		}
	}

	@Override
	public void lineRefunded(long orderId, long lineId, AccountId resident, int quantity, Money refunded,
			Map<DiscountKind, Money> shares, Instant at) {
		String key = "order:" + orderId + ":line:" + lineId + ":" + quantity + ":" + refunded.fen();
		int first = jdbc.sql("insert into marketing.points_order_event (reference, at) values (?, ?) on conflict do nothing")
			.params(key, Timestamp.from(at)).update();
		if (first == 0) {
			return;
		}
		var order = jdbc.sql("""
				select spent_points, spent_fen, given_back_points, paid_fen, earned_points, reversed_points
				from marketing.points_order where order_id = ? and not cancelled for update""")
			.param(orderId).query((rs, n) -> new long[] { rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4),
					rs.getLong(5), rs.getLong(6) })
			.optional();
		if (order.isEmpty()) {
			return;
		}
		long[] o = order.get();
		long pointsShare = shares.getOrDefault(DiscountKind.POINTS, Money.ZERO).fen();
		long giveBack = o[1] == 0 ? 0 : Math.min(o[0] - o[2], floor(pointsShare, o[0], o[1]));
		long reverse = o[3] == 0 ? 0 : Math.min(o[4] - o[5], halfUp(refunded.fen(), o[4], o[3]));
		jdbc.sql("""
				update marketing.points_order set given_back_points = given_back_points + ?,
				reversed_points = reversed_points + ? where order_id = ?""").params(giveBack, reverse, orderId).update();
		if (giveBack > 0) {
			ledger.add(resident, PointsKind.GIVEN_BACK, giveBack, Text.of("marketing.points.reason.givenBackRefund", orderId),
					key + ":given-back", at);
		}
		if (reverse > 0) {
			ledger.takeUpTo(resident, PointsKind.REVERSED, reverse,
					Text.of("marketing.points.reason.reversedRefund", orderId), key + ":reversed", at);
		}
	}

	/** {@code share × points / total} rounded down: the points a money share of the spent points stands for. */
	static long floor(long share, long points, long total) {
		return BigInteger.valueOf(share).multiply(BigInteger.valueOf(points)).divide(BigInteger.valueOf(total))
			.longValueExact();
	}

	static long halfUp(long share, long points, long total) {
		return new java.math.BigDecimal(BigInteger.valueOf(share).multiply(BigInteger.valueOf(points)))
			.divide(java.math.BigDecimal.valueOf(total), 0, RoundingMode.HALF_UP).longValueExact();
	}
}
