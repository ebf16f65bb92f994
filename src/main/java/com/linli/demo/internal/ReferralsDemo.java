package com.linli.demo.internal;

import java.time.LocalDate;
import java.util.List;

import com.linli.identity.Account;
import com.linli.identity.AccountManagement;
import com.linli.identity.Actor;
import com.linli.identity.Role;
import com.linli.marketing.Listing;
import com.linli.marketing.ListingControlManagement;
import com.linli.marketing.ListingManagement;
import com.linli.marketing.ListingStatus;
import com.linli.marketing.MarketClosedDayManagement;
import com.linli.marketing.ReferralManagement;
import com.linli.marketing.ReferralRule;
import com.linli.marketing.ReferralRuleManagement;
import com.linli.network.PickupPointId;
import com.linli.network.RegionId;
import com.linli.network.ResidentBindingManagement;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;

/**
 * Seeds referrals and listing controls into the demo city, through marketing's public API: a referral
 * rule in every region (points for both sides), a few residents of the first pickup point invited by a
 * neighbour (their rewards come with the first orders the simulator pays), a market-closed day next week
 * in the first region, and a leader-only item at the first pickup point with its own commission rate.
 */
@Component
public class ReferralsDemo {

	private static final Logger log = LoggerFactory.getLogger(ReferralsDemo.class);

	private static final Actor DEMO = Actor.system("demo");

	static final int INVITEES = 4;

	private final ReferralRuleManagement rules;

	private final ReferralManagement referrals;

	private final MarketClosedDayManagement closedDays;

	private final ListingControlManagement controls;

	private final ListingManagement listings;

	private final AccountManagement accounts;

	private final ResidentBindingManagement bindings;

	ReferralsDemo(ReferralRuleManagement rules, ReferralManagement referrals, MarketClosedDayManagement closedDays,
			ListingControlManagement controls, ListingManagement listings, AccountManagement accounts,
			ResidentBindingManagement bindings) {
		this.rules = rules;
		this.referrals = referrals;
		this.closedDays = closedDays;
		this.controls = controls;
		this.listings = listings;
		this.accounts = accounts;
		this.bindings = bindings;
	}

	/** Seeds the city just loaded: its regions, first pickup point and first pickup date. */
	public void seed(List<RegionId> regions, PickupPointId firstPoint, LocalDate pickupDate) {
		for (RegionId region : regions) {
			rules.save(DEMO, region, new ReferralRule(true, null, 200L, null, 100L, ReferralRule.DEFAULT_MAX_PER_POINT_PER_DAY));
		}
		RegionId first = regions.get(0);
		closedDays.close(DEMO, first, pickupDate.plusDays(7), "仓库年度盘点，平台休市一天");
		List<Listing> day = listings.listingsFor(first, pickupDate).stream()
			.filter(l -> l.status() == ListingStatus.ACTIVE).toList();
		if (!day.isEmpty()) {
			Listing special = day.get(day.size() - 1);
			controls.restrictToPickupPoints(DEMO, special.id(), List.of(firstPoint));
			controls.setCommissionRate(DEMO, special.id(), 1500);
		}
		List<Account> neighbours = accounts.search(null, Role.RESIDENT, 0, 200).items().stream()
			.filter(a -> bindings.pickupPointOf(a.id()).map(p -> p.id().equals(firstPoint)).orElse(false))
			.limit(INVITEES + 1L)
			.toList();
		if (neighbours.size() < 2) {
			log.info("Referrals demo: fewer than two residents at the first pickup point, no invitations");
			return;
		}
		String code = referrals.codeOf(Actor.resident(neighbours.get(0).id()));
		for (int i = 1; i < neighbours.size(); i++) {
			referrals.bind(Actor.resident(neighbours.get(i).id()), code, "demo-device-" + neighbours.get(i).id().value());
		}
		log.info("Referrals demo: {} invited by {}, a closed day on {}, a leader-only item at {}", neighbours.size() - 1,
				neighbours.get(0).displayName(), pickupDate.plusDays(7), firstPoint);
	}
}
