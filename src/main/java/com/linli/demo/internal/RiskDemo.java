package com.linli.demo.internal;

import java.util.ArrayList;
import java.util.List;

import com.linli.demo.CityGenerator;
import com.linli.demo.LoadedCity;
import com.linli.identity.AccountId;
import com.linli.identity.AccountManagement;
import com.linli.identity.Actor;
import com.linli.marketing.CouponManagement;
import com.linli.marketing.ReferralManagement;
import com.linli.network.RegionId;
import com.linli.network.ResidentBindingManagement;
import com.linli.risk.RiskManagement;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;

/**
 * A small fraud ring in the demo city's first region, through the modules' public APIs: eight residents whose
 * phones share nine digits, bound to one inviter from one device, each claiming the same coupon; then the risk
 * rules run, so {@code /console/risk} opens with cases and their evidence. A failure is logged; the city works
 * without it.
 */
@Component
public class RiskDemo {

	private static final Logger log = LoggerFactory.getLogger(RiskDemo.class);

	/** The ring's phone prefix (first nine digits) and the inviter's phone: numbers the demo city never gives. */
	static final String RING_PREFIX = "166880001";

	static final String INVITER_PHONE = "16688000299";

	static final String DEVICE = "demo-ring-device-01";

	static final int RING = 8;

	private final AccountManagement accounts;

	private final ResidentBindingManagement bindings;

	private final ReferralManagement referrals;

	private final CouponManagement coupons;

	private final RiskManagement risk;

	RiskDemo(AccountManagement accounts, ResidentBindingManagement bindings, ReferralManagement referrals,
			CouponManagement coupons, RiskManagement risk) {
		this.accounts = accounts;
		this.bindings = bindings;
		this.referrals = referrals;
		this.coupons = coupons;
		this.risk = risk;
	}

	public void seed(LoadedCity city) {
		try {
			plant(city);
		}
		catch (RuntimeException e) {
			log.error("Demo city: the fraud ring could not be planted; /console/risk opens without cases", e);
		}
	}

	private void plant(LoadedCity city) {
		if (accounts.findByPhone(INVITER_PHONE).isPresent()) {
			return; // planted already
		}
		plant(city.regions().get(0), city.firstPickupPoint(), RING_PREFIX, INVITER_PHONE, DEVICE);
	}

	/** Plants the ring at the pickup point and runs the rules; answers how many flags they raised. */
	int plant(RegionId region, com.linli.network.PickupPointId point, String prefix, String inviterPhone, String device) {
		AccountId inviter = accounts.registerResident(inviterPhone, "邀请人甲", CityGenerator.DEMO_PASSWORD).id();
		bindings.bindResident(inviter, point);
		String code = referrals.codeOf(Actor.resident(inviter));
		List<AccountId> ring = new ArrayList<>();
		for (int i = 0; i < RING; i++) {
			AccountId member = accounts.registerResident(prefix + String.format("%02d", i), "小号" + (i + 1),
					CityGenerator.DEMO_PASSWORD).id();
			bindings.bindResident(member, point);
			referrals.bind(Actor.resident(member), code, device);
			var claimable = coupons.claimable(Actor.resident(member)).stream().filter(CouponManagement.Claimable::canClaim)
				.findFirst();
			claimable.ifPresent(c -> coupons.claim(Actor.resident(member), c.template().id()));
			ring.add(member);
		}
		var outcome = risk.evaluate(Actor.system("demo-risk"), region.value());
		log.info("Demo city: a fraud ring of {} accounts planted in region {}; the rules raised {} flags", ring.size(),
				region.value(), outcome.flags());
		return outcome.flags();
	}
}
