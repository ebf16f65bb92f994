package com.linli.demo.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import com.linli.aftersales.AfterSalesManagement;
import com.linli.aftersales.NewRequest;
import com.linli.aftersales.RequestKind;
import com.linli.aftersales.RequestReason;
import com.linli.demo.LoadedCity;
import com.linli.identity.Actor;
import com.linli.network.RegionId;
import com.linli.ordering.Order;
import com.linli.ordering.OrderLine;
import com.linli.ordering.OrderManagement;
import com.linli.ordering.OrderReplacementManagement;
import com.linli.leader.LeaderManagement;
import com.linli.identity.Role;
import com.linli.ordering.OrderSearch;
import com.linli.ordering.OrderStatus;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;

/**
 * The demo city's after-sales requests, through aftersales' public API: on the most recent picked-up orders of the
 * history, residents file a mix of requests (small refunds only, approved at once as quick refunds; larger ones and
 * returns waiting in the operators' queue; one the service asked more about; one return approved and waiting for
 * the leader to collect the goods), so the after-sales desk opens with work to do. Call {@link #seed} after the
 * history is replayed (in {@code DemoSeeder.seed}, beside {@code promotions.seed(tomorrow)}).
 */
@Component
public class AfterSalesDemo {

	private static final Logger log = LoggerFactory.getLogger(AfterSalesDemo.class);

	static final Actor SERVICE = Actor.system("demo-aftersales");

	/** How many picked-up orders of each region get a request. */
	static final int PER_REGION = 16;

	private final AfterSalesManagement requests;

	private final OrderManagement orders;

	private final OrderReplacementManagement replacements;

	private final LeaderManagement leaders;

	AfterSalesDemo(AfterSalesManagement requests, OrderManagement orders, OrderReplacementManagement replacements,
			LeaderManagement leaders) {
		this.requests = requests;
		this.orders = orders;
		this.replacements = replacements;
		this.leaders = leaders;
	}

	/** Files the requests; answers how many were filed. A failure is logged and the demo opens without them. */
	public int seed(LoadedCity city) {
		int filed = 0;
		try {
			for (RegionId region : city.regions()) {
				filed += seed(region);
			}
		}
		catch (RuntimeException e) {
			log.error("Demo city: its after-sales requests could not be seeded; the demo opens without them", e);
		}
		log.info("Demo city: {} after-sales request(s) filed", filed);
		return filed;
	}

	private int seed(RegionId region) {
		List<Order> picked = new ArrayList<>(orders.search(new OrderSearch(null, region.value(), null,
				OrderStatus.PICKED_UP, null, null), 0, 200).items());
		picked.sort(Comparator.comparing(Order::pickedUpAt, Comparator.nullsLast(Comparator.reverseOrder())));
		int filed = 0;
		for (Order order : picked) {
			if (filed >= PER_REGION) {
				break;
			}
			OrderLine line = order.lines().stream().filter(l -> l.pickedUpQuantity() > 0).findFirst().orElse(null);
			if (line == null) {
				continue;
			}
			int slot = filed % 8;
			// refunds only first (small ones are quick refunds, larger ones wait), then returns, which always wait
			RequestKind kind = slot < 4 ? RequestKind.REFUND_ONLY : RequestKind.RETURN_AND_REFUND;
			RequestReason reason = RequestReason.values()[filed % RequestReason.values().length];
			String description = switch (reason) {
				case QUALITY -> "收到时已经有点变质";
				case WRONG_ITEM -> "拿到的规格和下单的不一样";
				case MISSING -> "少了一份";
				case DAMAGED -> "包装破损，洒了一些";
				case EXPIRED -> "临近保质期";
				case OTHER -> "家里临时有事，没法食用";
			};
			try {
				var resident = Actor.resident(order.residentId());
				var id = requests.submit(resident, new NewRequest(order.id(), line.id(), kind, reason, 1, description,
						List.of(), "demo-" + order.id().value()));
				if (slot == 6) {
					requests.askForInfo(SERVICE, id, "请补充一张商品和包装的照片");
				}
				else if (slot == 7) {
					requests.approve(SERVICE, id);
				}
				filed++;
			}
			catch (RuntimeException e) {
				// past its window or already asked: the next order
				log.debug("Demo city: no after-sales request on order {}: {}", order.orderNo(), e.getMessage());
			}
		}
		return filed + exchanges(picked);
	}

	/**
	 * Exchanges (换货) where tomorrow's listings have the product: one waits in the queue, one is approved and
	 * waits for the leader to take the bad unit back, one is done (the leader took it back, the replacement is
	 * in tomorrow's delivery, paid by the platform).
	 */
	private int exchanges(List<Order> picked) {
		int filed = 0;
		for (Order order : picked) {
			if (filed >= 3) {
				break;
			}
			var line = order.lines().stream()
				.filter(l -> l.pickedUpQuantity() > 0 && l.refundedQuantity() == 0)
				.filter(l -> replacements.replacementListing(order.id(), l.id(), 1).isPresent())
				.findFirst().orElse(null);
			if (line == null) {
				continue;
			}
			try {
				var id = requests.submit(Actor.resident(order.residentId()), new NewRequest(order.id(), line.id(),
						RequestKind.EXCHANGE, RequestReason.QUALITY, 1, "有几个已经坏了，想换一份新的", List.of(),
						"demo-exchange-" + order.id().value()));
				if (filed > 0) {
					requests.approve(SERVICE, id);
				}
				if (filed > 1) {
					var leader = leaders.leaderOf(order.pickupPointId()).orElseThrow();
					requests.confirmReturn(Actor.of(leader.accountId(), leader.name(), java.util.Set.of(Role.LEADER),
							java.util.Set.of(), order.pickupPointId().value()), id);
				}
				filed++;
			}
			catch (RuntimeException e) {
				log.debug("Demo city: no exchange on order {}: {}", order.orderNo(), e.getMessage());
			}
		}
		log.info("Demo city: {} exchange(s) filed", filed);
		return filed;
	}
}
