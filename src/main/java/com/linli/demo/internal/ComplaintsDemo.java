package com.linli.demo.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.linli.aftersales.ComplaintId;
import com.linli.aftersales.ComplaintManagement;
import com.linli.aftersales.ComplaintSubject;
import com.linli.aftersales.NewComplaint;
import com.linli.demo.LoadedCity;
import com.linli.identity.Account;
import com.linli.identity.AccountId;
import com.linli.identity.AccountManagement;
import com.linli.identity.Actor;
import com.linli.identity.Role;
import com.linli.network.RegionId;
import com.linli.ordering.Order;
import com.linli.ordering.OrderManagement;
import com.linli.ordering.OrderSearch;
import com.linli.shared.PlatformClock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;

/**
 * Brings complaints (投诉) to the demo city through aftersales' public API, so the desk has a queue: in the first
 * region, residents with orders complain — one filed hours ago and never answered (escalated to the supervisor by
 * the SLA check), one answered, one resolved and waiting for the resident's rating, one closed with a rating, and
 * a fresh one. The older ones are filed with the platform clock moved back (and always brought back); a clock that
 * cannot travel gives only the fresh ones.
 */
@Component
class ComplaintsDemo {

	private static final Logger log = LoggerFactory.getLogger(ComplaintsDemo.class);

	private final ComplaintManagement complaints;

	private final OrderManagement orders;

	private final AccountManagement accounts;

	private final Clock clock;

	ComplaintsDemo(ComplaintManagement complaints, OrderManagement orders, AccountManagement accounts, Clock clock) {
		this.complaints = complaints;
		this.orders = orders;
		this.accounts = accounts;
		this.clock = clock;
	}

	/** Seeds the city's first region; answers how many complaints it filed. */
	int seed(LoadedCity city) {
		if (city == null || city.regions().isEmpty()) {
			return 0;
		}
		RegionId region = city.regions().get(0);
		List<Order> byResident = ordersOfDistinctResidents(region, 6);
		if (byResident.isEmpty()) {
			log.info("Demo city: no orders in region {} to complain about", region);
			return 0;
		}
		Actor desk = operatorOf(region);
		int filed = 0;
		Instant now = clock.instant();
		PlatformClock platform = clock instanceof PlatformClock p ? p : null;
		try {
			if (platform != null && byResident.size() >= 4) {
				// closed with a rating: filed yesterday, answered within the hour, resolved, rated 4
				platform.travelTo(now.minus(Duration.ofHours(26)));
				var closed = file(byResident.get(0), ComplaintSubject.PRODUCT, "草莓有几颗压坏了，希望能处理一下。");
				platform.travelTo(now.minus(Duration.ofHours(25)).plus(Duration.ofMinutes(20)));
				complaints.reply(desk, closed, "您好，非常抱歉！已为您登记，压坏的部分给您退款。");
				complaints.resolve(desk, closed, "压坏部分已退款");
				complaints.rate(Actor.resident(residentOf(byResident.get(0))), closed, 4);
				// resolved, waiting for the resident's rating
				platform.travelTo(now.minus(Duration.ofHours(6)));
				var resolved = file(byResident.get(1), ComplaintSubject.DELIVERY, "昨天的菜送到自提点晚了一个多小时。");
				platform.travelTo(now.minus(Duration.ofHours(6)).plus(Duration.ofMinutes(25)));
				complaints.reply(desk, resolved, "已和配送司机核实，是路上堵车，抱歉让您久等。");
				complaints.resolve(desk, resolved, "已提醒配送线路提前出发，并送您一张优惠券");
				// overdue: filed three hours ago, never answered (the check below escalates it)
				platform.travelTo(now.minus(Duration.ofHours(3)));
				file(byResident.get(2), ComplaintSubject.LEADER, "团长今天不在自提点，打电话也没人接。");
				// answered, still open
				platform.travelTo(now.minus(Duration.ofMinutes(50)));
				var answered = file(byResident.get(3), ComplaintSubject.PRODUCT, "买的鸡蛋有两个是破的。");
				platform.travelTo(now.minus(Duration.ofMinutes(35)));
				complaints.reply(desk, answered, "收到，请问方便拍张照片吗？我们马上处理。");
				filed += 4;
			}
		}
		finally {
			if (platform != null) {
				platform.reset();
			}
		}
		// a fresh one, waiting for its first response
		var fresh = byResident.get(byResident.size() - 1);
		file(fresh, ComplaintSubject.SERVICE, "优惠券用不了，结算时提示不满足条件。");
		filed++;
		int escalated = complaints.escalateOverdue();
		log.info("Demo city: {} complaint(s) filed in region {}, {} escalated", filed, region, escalated);
		return filed;
	}

	private ComplaintId file(Order order, ComplaintSubject subject, String text) {
		AccountId resident = residentOf(order);
		return complaints.file(Actor.resident(resident), new NewComplaint(subject, order.id(), null, null, text, List.of(),
				"demo-" + order.id().value() + "-" + subject));
	}

	private static AccountId residentOf(Order order) {
		return order.residentId();
	}

	/** Recent orders of the region, one per resident. */
	private List<Order> ordersOfDistinctResidents(RegionId region, int count) {
		Map<AccountId, Order> one = new LinkedHashMap<>();
		var page = orders.search(new OrderSearch(null, region.value(), null, null, null, null), 0, 200);
		for (Order o : page.items()) {
			one.putIfAbsent(o.residentId(), o);
			if (one.size() >= count) {
				break;
			}
		}
		return new ArrayList<>(one.values());
	}

	/** An operator of the region as the desk's actor, else the platform itself. */
	private Actor operatorOf(RegionId region) {
		for (int page = 0; page < 10; page++) {
			var found = accounts.search(null, Role.OPERATOR, page, 200);
			for (Account a : found.items()) {
				if (a.enabled() && a.regionIds().contains(region.value())) {
					return Actor.of(a.id(), a.displayName(), a.roles(), Set.copyOf(a.regionIds()), null);
				}
			}
			if (found.items().size() < 200) {
				break;
			}
		}
		return Actor.system("demo-complaints");
	}
}
