package com.linli.marketing.internal.offers;

import java.sql.Timestamp;
import java.time.Instant;

import com.linli.identity.AccountId;
import com.linli.marketing.DiscountKind;
import com.linli.marketing.PlacedOrder;
import com.linli.marketing.internal.OrderPromotionHook;
import com.linli.network.RegionId;
import com.linli.shared.BusinessRuleException;
import com.linli.shared.Money;
import com.linli.shared.Text;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * What orders do to offers. Placed: a 1-yuan offer is taken for the resident by a unique key (a second one,
 * on another order, is a 409 {@code one-yuan-offer-used} that undoes the order); the gift the quote
 * promised is recorded. Paid: the resident's first paid order is recorded (they are no longer new).
 * Cancelled: the 1-yuan offer is free again and the gift is marked returned. Keyed by order id: a retry
 * changes nothing.
 */
@Component
class OfferOrderHook implements OrderPromotionHook {

	private final ResidentRecords residents;

	private final OfferBook book;

	private final JdbcClient jdbc;

	OfferOrderHook(ResidentRecords residents, OfferBook book, JdbcClient jdbc) {
		this.residents = residents;
		this.book = book;
		this.jdbc = jdbc;
	}

	@Override
	public void placed(PlacedOrder order) {
		for (var d : order.quote().deductions()) {
			if (d.kind() == DiscountKind.ONE_YUAN_OFFER) {
				long offerId = Long.parseLong(d.reference().substring("offer:".length()));
				if (!residents.useOneYuan(order.resident(), order.orderId(), offerId, order.at())) {
					throw new BusinessRuleException("one-yuan-offer-used", "lines", Text.of("marketing.offers.problem.oneYuanUsed"));
				}
			}
		}
		GiftCalculator.giftOf(book.of(order.region()), order.quote(), order.at()).ifPresent(g -> jdbc.sql("""
				insert into marketing.order_gift (order_id, gift_id, resident_id, given_at) values (?, ?, ?, ?)
				on conflict do nothing""")
			.params(order.orderId(), g.id(), order.resident().value(), Timestamp.from(order.at())).update());
	}

	@Override
	public void paid(long orderId, AccountId resident, RegionId region, Money paid, Instant at) {
		residents.paid(resident, orderId, at);
	}

	@Override
	public void cancelled(long orderId, AccountId resident, Instant at) {
		residents.releaseOneYuan(resident, orderId);
		jdbc.sql("update marketing.order_gift set returned_at = ? where order_id = ? and returned_at is null")
			.params(Timestamp.from(at), orderId).update();
	}
}
