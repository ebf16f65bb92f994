package com.linli.demo.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;

import com.linli.demo.CityGenerator;
import com.linli.demo.CityPlan;
import com.linli.demo.YearOfCity;
import com.linli.demo.YearOfCity.ListedSku;
import com.linli.identity.Account;
import com.linli.identity.AccountId;
import com.linli.identity.AccountManagement;
import com.linli.identity.Actor;
import com.linli.identity.NewAccount;
import com.linli.identity.Role;
import com.linli.marketing.CouponManagement;
import com.linli.marketing.CouponTemplate;
import com.linli.marketing.CouponTemplateManagement;
import com.linli.marketing.NewCouponTemplate;
import com.linli.marketing.ReferralManagement;
import com.linli.network.PickupPoint;
import com.linli.network.Region;
import com.linli.network.ResidentBindingManagement;
import com.linli.ordering.OrderHistoryImport;
import com.linli.ordering.OrderHistoryImport.HistoricLine;
import com.linli.ordering.OrderHistoryImport.HistoricOrder;
import com.linli.ordering.OrderHistoryImport.Outcome;
import com.linli.shared.Money;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;

/**
 * The fraud ring planted in the year of a city (risk must catch it): {@link #MEMBERS} resident accounts whose
 * phones share their first 9 digits ({@code 162} and six digits of the seed, a prefix no generated resident has),
 * all bound to one pickup point, all invited by one resident through marketing's referrals from ONE device id,
 * each claiming the same new-resident coupon; over the last 30 days each places a small order every third day
 * at that point, whose leader orders there daily with their own resident account; and on three evenings each
 * member places three orders cancelled within minutes. Planted once (a history batch marks it).
 */
@Component
public class FraudRing {

	private static final Logger log = LoggerFactory.getLogger(FraudRing.class);

	public static final int MEMBERS = 12;

	private static final Actor DEMO = Actor.system("demo");

	private final AccountManagement accounts;

	private final ResidentBindingManagement bindings;

	private final ReferralManagement referrals;

	private final CouponTemplateManagement templates;

	private final CouponManagement coupons;

	private final OrderHistoryImport history;

	FraudRing(AccountManagement accounts, ResidentBindingManagement bindings, ReferralManagement referrals,
			CouponTemplateManagement templates, CouponManagement coupons, OrderHistoryImport history) {
		this.accounts = accounts;
		this.bindings = bindings;
		this.referrals = referrals;
		this.templates = templates;
		this.coupons = coupons;
		this.history = history;
	}

	/** The 9-digit phone prefix the ring shares. */
	public static String phonePrefix(long seed, String tag) {
		return "162" + String.format("%06d", Math.floorMod(seed * 31 + tag.hashCode(), 1_000_000));
	}

	/** The device id every member was invited from. */
	public static String deviceId(long seed, String tag) {
		return "ring-device-" + Long.toHexString(seed) + tag;
	}

	/** The community (index) whose pickup point the ring orders at. */
	public static int community(int communities) {
		return 7 % communities;
	}

	public void plant(long seed, String tag, Region region, List<PickupPoint> points, CityPlan plan, LocalDate lastDay,
			List<ListedSku> listings) {
		String batch = "year:" + region.code() + ":ring";
		if (history.imported(batch)) {
			log.info("Year of a city: the fraud ring was planted before");
			return;
		}
		int c = community(points.size());
		PickupPoint point = points.get(c);
		var community = plan.regions().get(0).communities().get(c);
		Random random = Seeds.stream(seed, "fraud-ring", 0);
		String prefix = phonePrefix(seed, tag);
		List<NewAccount> fresh = new ArrayList<>();
		for (int m = 1; m <= MEMBERS; m++) {
			String phone = prefix + String.format("%02d", m);
			if (accounts.findByPhone(phone).isEmpty()) {
				fresh.add(new NewAccount(phone, ChineseNames.person(random), CityGenerator.DEMO_PASSWORD,
						Set.of(Role.RESIDENT), Set.of()));
			}
		}
		accounts.createAll(fresh);
		List<Account> members = new ArrayList<>();
		for (int m = 1; m <= MEMBERS; m++) {
			Account a = accounts.findByPhone(prefix + String.format("%02d", m)).orElseThrow();
			bindings.bindResident(a.id(), point.id());
			members.add(a);
		}
		// the inviter: the first resident of the community in the plan
		String inviterPhone = plan.regions().get(0).residents().stream().filter(r -> r.community() == c).findFirst()
			.orElseThrow().phone();
		AccountId inviter = accounts.findByPhone(inviterPhone).orElseThrow().id();
		String code = referrals.codeOf(Actor.resident(inviter));
		String device = deviceId(seed, tag);
		var template = templates.create(DEMO, new NewCouponTemplate("新人专享券（" + region.name() + "）",
				CouponTemplate.Kind.FIXED, Money.ofFen(500), null, null, Money.ofFen(1000), CouponTemplate.Scope.ALL, null,
				Set.of(region.id().value()), 30, null, null, 1, 100_000, true, false, false));
		for (Account a : members) {
			try {
				referrals.bind(Actor.resident(a.id()), code, device);
			}
			catch (RuntimeException e) {
				log.warn("Year of a city: ring member {} not bound to the inviter: {}", a.phone(), e.getMessage());
			}
			try {
				coupons.claim(Actor.resident(a.id()), template.id());
			}
			catch (RuntimeException e) {
				log.warn("Year of a city: ring member {} did not claim the coupon: {}", a.phone(), e.getMessage());
			}
		}
		Account leader = accounts.findByPhone(community.leader().phone()).orElseThrow();
		var orders = orders(members, leader, point, lastDay, region.zone(), listings, random);
		var imported = history.importBatch(batch, region.id(), orders);
		log.info("Year of a city: fraud ring planted at {}: {} accounts ({}xx), device {}, {} orders", point.name(),
				members.size(), prefix, device, imported.orders());
	}

	private static List<HistoricOrder> orders(List<Account> members, Account leader, PickupPoint point,
			LocalDate lastDay, ZoneId zone, List<ListedSku> listings, Random random) {
		List<ListedSku> cheap = listings.stream().filter(l -> l.listing().groupPrice().fen() <= 1500).toList();
		List<ListedSku> pool = cheap.size() >= 3 ? cheap : listings;
		List<HistoricOrder> orders = new ArrayList<>();
		for (int back = 29; back >= 0; back--) {
			LocalDate date = lastDay.minusDays(back);
			Instant cutoff = date.minusDays(1).atTime(23, 0).atZone(zone).toInstant();
			Instant evening = date.minusDays(1).atTime(20, 0).atZone(zone).toInstant();
			Instant pickup = date.atTime(17, 0).atZone(zone).toInstant();
			for (int m = 0; m < members.size(); m++) {
				if ((back + m) % 3 == 0) {
					orders.add(order(members.get(m), point, date, evening.plusSeconds(60L * m), cutoff,
							Outcome.PICKED_UP, pickup.plusSeconds(60L * m), List.of(pool.get(random.nextInt(pool.size())))));
				}
			}
			// the leader buys at their own pickup point every day
			ListedSku a = pool.get(random.nextInt(pool.size()));
			ListedSku b = pool.get(random.nextInt(pool.size()));
			orders.add(order(leader, point, date, evening.minusSeconds(3600), cutoff, Outcome.PICKED_UP,
					pickup.minusSeconds(3600), a.equals(b) ? List.of(a) : List.of(a, b)));
			// bursts: three orders each, placed and cancelled within minutes
			if (back == 2 || back == 9 || back == 16) {
				Instant burst = date.minusDays(1).atTime(21, 0).atZone(zone).toInstant();
				for (int m = 0; m < members.size(); m++) {
					for (int k = 0; k < 3; k++) {
						Instant placed = burst.plusSeconds(20L * (m * 3 + k));
						orders.add(order(members.get(m), point, date, placed, cutoff, Outcome.CANCELLED_UNPAID,
								placed.plusSeconds(90 + random.nextInt(150)), List.of(pool.get(random.nextInt(pool.size())))));
					}
				}
			}
		}
		return orders;
	}

	private static HistoricOrder order(Account who, PickupPoint point, LocalDate date, Instant placed, Instant cutoff,
			Outcome outcome, Instant ended, List<ListedSku> skus) {
		List<HistoricLine> lines = skus.stream().map(s -> YearOfCity.line(s, 1, 0, 0)).toList();
		return new HistoricOrder(who.id(), who.displayName(), who.phone(), point.id(), date, placed, cutoff, outcome,
				ended, lines);
	}
}
