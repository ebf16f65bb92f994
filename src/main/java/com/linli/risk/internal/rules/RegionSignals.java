package com.linli.risk.internal.rules;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import com.linli.identity.Account;
import com.linli.identity.AccountId;
import com.linli.identity.AccountManagement;
import com.linli.leader.LeaderManagement;
import com.linli.marketing.MarketingRiskSignals;
import com.linli.network.PickupPoint;
import com.linli.network.PickupPointId;
import com.linli.network.PickupPointManagement;
import com.linli.network.RegionId;
import com.linli.network.ResidentBindingManagement;
import com.linli.ordering.OrderRiskFigures;

import org.springframework.stereotype.Component;

/**
 * Gathers a region's {@link RegionData} through the modules' root APIs (never their tables): pickup points and
 * the residents bound there (network), leaders (leader), recent orders (ordering), phones (identity), referrals and
 * coupons (marketing).
 */
@Component
public class RegionSignals {

	/** At most this many orders are read per evaluation (the window is the rule's, this is a safety cap). */
	static final int MAX_ORDERS = 200_000;

	private final PickupPointManagement points;

	private final ResidentBindingManagement bindings;

	private final LeaderManagement leaders;

	private final OrderRiskFigures orders;

	private final AccountManagement accounts;

	private final MarketingRiskSignals marketing;

	RegionSignals(PickupPointManagement points, ResidentBindingManagement bindings, LeaderManagement leaders,
			OrderRiskFigures orders, AccountManagement accounts, MarketingRiskSignals marketing) {
		this.points = points;
		this.bindings = bindings;
		this.leaders = leaders;
		this.orders = orders;
		this.accounts = accounts;
		this.marketing = marketing;
	}

	public RegionData gather(RegionId region, Instant now, Duration window) {
		Instant since = now.minus(window);
		List<PickupPointId> pointIds = points.pickupPoints(region).stream().map(PickupPoint::id).toList();
		TreeSet<Long> population = new TreeSet<>();
		bindings.residentsOf(pointIds).values().forEach(list -> list.forEach(a -> population.add(a.value())));
		var recent = orders.placedSince(region, since, MAX_ORDERS);
		recent.forEach(o -> population.add(o.residentId()));
		Map<Long, RegionData.LeaderInfo> leadersByPoint = new HashMap<>();
		for (PickupPointId point : pointIds) {
			leaders.leaderOf(point).ifPresent(l -> {
				leadersByPoint.put(point.value(),
						new RegionData.LeaderInfo(l.id().value(), l.accountId().value(), l.name(), l.phone()));
				population.add(l.accountId().value());
			});
		}
		Map<Long, String> phones = new HashMap<>();
		for (Account a : accounts.getAll(population.stream().map(AccountId::new).toList())) {
			phones.put(a.id().value(), a.phone());
		}
		var referrals = marketing.referralsOf(population);
		var coupons = marketing.couponsOf(population, since);
		return new RegionData(region.value(), phones, leadersByPoint, recent, referrals, coupons);
	}
}
