package com.linli.demo.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

import com.linli.demo.LoadedCity;
import com.linli.identity.AccountId;
import com.linli.identity.Actor;
import com.linli.marketing.CheckInManagement;
import com.linli.marketing.Listing;
import com.linli.marketing.ListingManagement;
import com.linli.marketing.MembershipManagement;
import com.linli.marketing.NewMembershipLevel;
import com.linli.marketing.PointsManagement;
import com.linli.network.PickupPoint;
import com.linli.network.PickupPointManagement;
import com.linli.network.RegionManagement;
import com.linli.network.ResidentBindingManagement;
import com.linli.shared.BusinessRuleException;
import com.linli.shared.Money;
import com.linli.shared.Text;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;

/**
 * Points, check-in streaks and membership levels in the demo city, through marketing's API: four levels
 * (when none are configured yet), residents of the first region with points, a streak of check-ins of
 * the last days and growth value spread over the levels, and member prices on a few of tomorrow's
 * listings. Deterministic (the i-th resident gets the same every time) and idempotent: every grant has
 * a reference and a day is checked in once, so seeding again adds nothing.
 */
@Component
public class PointsDemo {

	private static final Logger log = LoggerFactory.getLogger(PointsDemo.class);

	private static final Actor DEMO = Actor.system("demo-points");

	/** How many residents of the first region get points and levels. */
	static final int RESIDENTS = 120;

	private final PointsManagement points;

	private final CheckInManagement checkIns;

	private final MembershipManagement membership;

	private final ListingManagement listings;

	private final PickupPointManagement pickupPoints;

	private final ResidentBindingManagement bindings;

	private final RegionManagement regions;

	private final Clock clock;

	PointsDemo(PointsManagement points, CheckInManagement checkIns, MembershipManagement membership,
			ListingManagement listings, PickupPointManagement pickupPoints, ResidentBindingManagement bindings,
			RegionManagement regions, Clock clock) {
		this.points = points;
		this.checkIns = checkIns;
		this.membership = membership;
		this.listings = listings;
		this.pickupPoints = pickupPoints;
		this.bindings = bindings;
		this.regions = regions;
		this.clock = clock;
	}

	/** Seeds the city's first region; answers how many residents got points. */
	public int seed(LoadedCity city) {
		if (city.regions().isEmpty()) {
			return 0;
		}
		levels();
		var region = city.regions().get(0);
		ZoneId zone = regions.getRegion(region).zone();
		Instant now = clock.instant();
		LocalDate today = LocalDate.ofInstant(now, zone);
		List<AccountId> residents = residents(pickupPoints.pickupPoints(region));
		int seeded = 0;
		for (int i = 0; i < residents.size(); i++) {
			AccountId resident = residents.get(i);
			long given = 50 + (i * 37L) % 800;
			points.award(DEMO, resident, given, Text.of("marketing.points.reason.award"), "demo:" + resident.value(), now);
			// a streak of 0 to 9 days ending yesterday: some residents are one check-in away from the day-7 bonus
			int streak = (i * 7) % 10;
			for (int back = streak; back >= 1; back--) {
				LocalDate day = today.minusDays(back);
				try {
					checkIns.checkInOn(DEMO, resident, day, day.atTime(8, 0).atZone(zone).toInstant().plusSeconds(i));
				}
				catch (BusinessRuleException alreadyThere) {
					// seeded before: the day keeps its check-in
				}
			}
			long growth = (i * 97L) % 3600;
			if (growth > 0) {
				membership.addGrowth(DEMO, resident, growth, Text.of("marketing.levels.reason.award"),
						"demo:" + resident.value(), now);
			}
			seeded++;
		}
		int priced = memberPrices(city);
		log.info("Demo city: {} residents with points, check-in streaks and growth; {} member prices", seeded, priced);
		return seeded;
	}

	/** Four levels, unless the platform has some already. */
	private void levels() {
		if (!membership.levels().isEmpty()) {
			return;
		}
		membership.createLevel(DEMO, new NewMembershipLevel(0, "普通会员", 0, "每日签到领积分，消费 1 元得 1 积分", null, 0));
		membership.createLevel(DEMO, new NewMembershipLevel(1, "银卡会员", 300, "会员价商品，秒杀提前 5 分钟", null, 5));
		membership.createLevel(DEMO, new NewMembershipLevel(2, "金卡会员", 1200, "更低会员价，秒杀提前 10 分钟", null, 10));
		membership.createLevel(DEMO, new NewMembershipLevel(3, "钻石会员", 3000, "最低会员价，秒杀提前 15 分钟", null, 15));
	}

	/** Member prices on the first three of tomorrow's listings: 5% off for silver, 10% off for gold. */
	private int memberPrices(LoadedCity city) {
		if (city.pickupDate() == null) {
			return 0;
		}
		int priced = 0;
		List<Listing> tomorrow = listings.listingsFor(city.regions().get(0), city.pickupDate());
		for (Listing listing : tomorrow.stream().limit(3).toList()) {
			long group = listing.groupPrice().fen();
			if (group < 100) {
				continue;
			}
			membership.setMemberPrice(DEMO, listing.id(), 1, Money.ofFen(group * 95 / 100));
			membership.setMemberPrice(DEMO, listing.id(), 2, Money.ofFen(group * 90 / 100));
			priced += 2;
		}
		return priced;
	}

	private List<AccountId> residents(List<PickupPoint> points) {
		List<AccountId> found = new ArrayList<>();
		var byPoint = bindings.residentsOf(points.stream().map(PickupPoint::id).toList());
		for (PickupPoint point : points) {
			for (AccountId resident : byPoint.getOrDefault(point.id(), List.of())) {
				if (found.size() < RESIDENTS) {
					found.add(resident);
				}
			}
		}
		return found;
	}
}
