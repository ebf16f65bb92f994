package com.linli.marketing.internal.campaigns;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;

import com.linli.identity.AccountId;
import com.linli.marketing.PlacedOrder;
import com.linli.marketing.PriceQuote.Deduction;
import com.linli.marketing.internal.OrderPromotionHook;
import com.linli.network.RegionId;
import com.linli.shared.BusinessRuleException;
import com.linli.shared.Money;
import com.linli.shared.Text;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * What orders do to campaigns. Placed: the order's discounts of each campaign's promotions (deductions whose
 * reference starts "campaign:<id>/") consume its budget by one conditional update (spent + x <= budget);
 * when it would pass, a 409 {@code campaign-budget-spent} undoes the order and the cache forgets the
 * campaign's old budget, so quotes stop applying it. Paid: the order's paid amount and whether it is the
 * resident's first paid order. Cancelled: the budget comes back. Each write is keyed by (campaign, order)
 * and is applied once whatever the retries. The campaign report reads only these rows.
 */
@Component
class CampaignOrderHook implements OrderPromotionHook {

	private final JdbcClient jdbc;

	private final Campaigns campaigns;

	private final PromotionBook book;

	CampaignOrderHook(JdbcClient jdbc, Campaigns campaigns, PromotionBook book) {
		this.jdbc = jdbc;
		this.campaigns = campaigns;
		this.book = book;
	}

	/** The discounts of each campaign in a quote's explanation, by campaign id. */
	static Map<Long, Long> byCampaign(Iterable<Deduction> deductions) {
		Map<Long, Long> result = new TreeMap<>();
		for (Deduction d : deductions) {
			String ref = d.reference();
			if (ref != null && ref.startsWith("campaign:")) {
				int slash = ref.indexOf('/');
				long id = Long.parseLong(ref.substring("campaign:".length(), slash < 0 ? ref.length() : slash));
				result.merge(id, d.amount().fen(), Long::sum);
			}
		}
		return result;
	}

	@Override
	public void placed(PlacedOrder order) {
		// in campaign id order, so two orders of the same campaigns never lock them crosswise
		byCampaign(order.quote().deductions()).forEach((campaign, fen) -> {
			int inserted = jdbc.sql("""
					insert into marketing.campaign_order (campaign_id, order_id, resident_id, discount_fen, placed_at)
					values (?, ?, ?, ?, ?) on conflict do nothing""")
				.params(campaign, order.orderId(), order.resident().value(), fen, Timestamp.from(order.at())).update();
			if (inserted == 1 && !campaigns.consume(campaign, fen)) {
				book.changed();
				throw new BusinessRuleException("campaign-budget-spent", "lines",
						Text.of("marketing.campaigns.problem.budgetSpent", Money.ofFen(fen)));
			}
		});
	}

	@Override
	public void paid(long orderId, AccountId resident, RegionId region, Money paid, Instant at) {
		// new resident: no other order of theirs is recorded as their first paid one (the offers hook writes it)
		jdbc.sql("""
				update marketing.campaign_order co set paid_fen = ?, paid_at = ?,
				    new_resident = not exists (select 1 from marketing.first_paid_order f
				                               where f.resident_id = co.resident_id and f.order_id <> co.order_id)
				where co.order_id = ? and co.paid_at is null""")
			.params(paid.fen(), Timestamp.from(at), orderId).update();
	}

	@Override
	public void cancelled(long orderId, AccountId resident, Instant at) {
		jdbc.sql("""
				update marketing.campaign_order set cancelled_at = ? where order_id = ? and cancelled_at is null
				returning campaign_id, discount_fen""")
			.params(Timestamp.from(at), orderId)
			.query((rs, n) -> Map.entry(rs.getLong(1), rs.getLong(2))).list()
			.forEach(e -> campaigns.release(e.getKey(), e.getValue()));
	}
}
