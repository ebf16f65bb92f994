package com.linli.marketing.internal.referrals;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Optional;

import com.linli.identity.AccountId;
import com.linli.identity.AccountManagement;
import com.linli.marketing.PlacedOrder;
import com.linli.marketing.ReferralRefusalReason;
import com.linli.marketing.ReferralRule;
import com.linli.marketing.internal.CouponGrants;
import com.linli.marketing.internal.OrderPromotionHook;
import com.linli.marketing.internal.PointsGrants;
import com.linli.network.RegionId;
import com.linli.network.RegionManagement;
import com.linli.network.ResidentBindingManagement;
import com.linli.shared.BusinessRuleException;
import com.linli.shared.Money;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Referral rewards as orders move: a placed order of a still-pending invitee leaves its pickup point
 * (the pattern rule needs it); the first paid order of an invitee decides the referral once, by the
 * anti-abuse rules of {@link ReferralPolicy}, and either rewards both sides as the region's rule says or
 * records why not. A refusal never undoes the payment: it is recorded, not thrown. Decisions about one
 * inviter's invitees are serialised on the inviter's code row; phones and devices are claimed with a
 * unique key, so two inviters cannot both be rewarded for one phone or one device.
 */
@Component
class ReferralRewards implements OrderPromotionHook {

	static final String INVITER = "INVITER";

	static final String INVITEE = "INVITEE";

	private static final Logger log = LoggerFactory.getLogger(ReferralRewards.class);

	private final ReferralRecords records;

	private final AccountManagement accounts;

	private final RegionManagement regions;

	private final ObjectProvider<CouponGrants> coupons;

	private final ObjectProvider<PointsGrants> points;

	private final ResidentBindingManagement bindings;

	private final ObjectProvider<com.linli.shared.RiskHolds> holds;

	ReferralRewards(ReferralRecords records, AccountManagement accounts, RegionManagement regions,
			ObjectProvider<CouponGrants> coupons, ObjectProvider<PointsGrants> points, ResidentBindingManagement bindings,
			ObjectProvider<com.linli.shared.RiskHolds> holds) {
		this.bindings = bindings;
		this.holds = holds;
		this.records = records;
		this.accounts = accounts;
		this.regions = regions;
		this.coupons = coupons;
		this.points = points;
	}

	@Override
	public int position() {
		return 900; // after the tools that spend: a referral never refuses an order
	}

	@Override
	public void placed(PlacedOrder order) {
		records.rememberOrder(order.resident(), order.orderId(), order.pickupPoint().value());
	}

	@Override
	public void paid(long orderId, AccountId resident, RegionId region, Money paid, Instant at) {
		if (records.recordFirstOrder(resident, orderId, at) != orderId) {
			return; // not the resident's first paid order
		}
		var pending = records.ofInvitee(resident).filter(r -> r.status().equals("BOUND"));
		if (pending.isEmpty()) {
			return;
		}
		records.lockInviter(pending.get().inviter());
		var locked = records.pendingOfInviteeForUpdate(resident);
		if (locked.isEmpty()) {
			return; // decided meanwhile
		}
		if (held(locked.get())) {
			// a risk case holds a side's payouts: the referral stays BOUND (its reward pending) until risk clears it
			log.info("Referral {}: the decision waits, a risk case holds inviter {} or invitee {}", locked.get().id(),
					locked.get().inviter(), resident);
			return;
		}
		decide(locked.get(), orderId, region, at);
	}

	/** Whether risk control holds the payouts of either side (no risk module: nothing is held). */
	private boolean held(ReferralRecords.Referral referral) {
		var risk = holds.getIfAvailable();
		return risk != null && (risk.payoutsHeld(referral.inviter().value()) || risk.payoutsHeld(referral.invitee().value()));
	}

	/**
	 * Decides the still-pending referrals of the account (as invitee or inviter) whose invitee has paid a first
	 * order: what a risk hold postponed. Answers how many were decided; a referral still held is left alone.
	 */
	int decideHeld(AccountId account, RegionId region, Instant at) {
		int decided = 0;
		var candidates = new java.util.ArrayList<ReferralRecords.Referral>();
		records.ofInvitee(account).ifPresent(candidates::add);
		candidates.addAll(records.ofInviter(account, 500));
		for (var referral : candidates) {
			if (!referral.status().equals("BOUND") || !records.hasPaidOrder(referral.invitee())) {
				continue;
			}
			records.lockInviter(referral.inviter());
			var locked = records.pendingOfInviteeForUpdate(referral.invitee());
			if (locked.isEmpty() || held(locked.get())) {
				continue;
			}
			long firstOrder = records.recordFirstOrder(referral.invitee(), 0, at);
			decide(locked.get(), firstOrder, region, at);
			decided++;
		}
		return decided;
	}

	private void decide(ReferralRecords.Referral referral, long orderId, RegionId region, Instant at) {
		ReferralRule rule = records.rule(region).orElse(ReferralRule.none());
		// the order's pickup point as the placed hook saw it, else the invitee's pickup point now
		Optional<Long> point = records.pickupPointOfOrder(orderId)
			.or(() -> bindings.pickupPointOf(referral.invitee()).map(p -> p.id().value()));
		String phoneKey = ReferralPolicy.phoneKey(referral.inviteePhone());
		String deviceKey = ReferralPolicy.deviceKey(referral.deviceId());
		int today = point.map(p -> rewardedToday(referral.inviter(), p, region, at)).orElse(-1);
		var facts = new ReferralPolicy.Facts(accounts.get(referral.inviter()).phone(), referral.inviteePhone(),
				records.claimTaken(phoneKey, referral.id()), records.claimTaken(deviceKey, referral.id()), today, rule);
		Optional<ReferralRefusalReason> refusal = ReferralPolicy.refusal(facts);
		if (refusal.isEmpty()) {
			// the reads above may race another inviter's decision: the unique claims settle it
			if (!records.claim(phoneKey, referral.id())) {
				refusal = Optional.of(ReferralRefusalReason.PHONE_REWARDED);
			}
			else if (!records.claim(deviceKey, referral.id())) {
				refusal = Optional.of(ReferralRefusalReason.DEVICE_REWARDED);
			}
			if (refusal.isPresent()) {
				records.releaseClaims(referral.id());
			}
		}
		if (refusal.isPresent()) {
			records.decide(referral.id(), "REFUSED", refusal.get(), orderId, point.orElse(null), region, at);
			records.refusal(referral.id(), null, refusal.get(), detail(refusal.get(), rule, point), orderId, at);
			log.info("Referral {} refused: {}", referral.id(), refusal.get());
			return;
		}
		records.decide(referral.id(), "REWARDED", null, orderId, point.orElse(null), region, at);
		give(referral, INVITER, referral.inviter(), rule.inviterCouponTemplate(), rule.inviterPoints(), orderId, at);
		give(referral, INVITEE, referral.invitee(), rule.inviteeCouponTemplate(), rule.inviteePoints(), orderId, at);
	}

	private int rewardedToday(AccountId inviter, long point, RegionId region, Instant at) {
		ZoneId zone = regions.getRegion(region).zone();
		LocalDate day = at.atZone(zone).toLocalDate();
		return records.rewardedAt(inviter, point, day.atStartOfDay(zone).toInstant(),
				day.plusDays(1).atStartOfDay(zone).toInstant());
	}

	/** One side's reward; a grant the other tool refuses is recorded as that side's refusal. */
	private void give(ReferralRecords.Referral referral, String side, AccountId account, Long template, Long pointCount,
			long orderId, Instant at) {
		String source = "referral:" + referral.id() + ":" + side.toLowerCase();
		try {
			if (template != null) {
				CouponGrants grants = coupons.getIfAvailable();
				if (grants == null) {
					throw new BusinessRuleException("no-coupons", "coupons are not available");
				}
				long coupon = grants.grant(account, template, source, at);
				records.reward(referral.id(), side, account, coupon, null, at);
			}
			else if (pointCount != null) {
				PointsGrants grants = points.getIfAvailable();
				if (grants == null) {
					throw new BusinessRuleException("no-points", "points are not available");
				}
				grants.award(account, pointCount, "referral", source, at);
				records.reward(referral.id(), side, account, null, pointCount, at);
			}
		}
		catch (BusinessRuleException e) {
			records.refusal(referral.id(), side, ReferralRefusalReason.REWARD_UNAVAILABLE, e.getMessage(), orderId, at);
			log.warn("Referral {}: the {} reward could not be granted: {}", referral.id(), side, e.getMessage());
		}
	}

	private static String detail(ReferralRefusalReason reason, ReferralRule rule, Optional<Long> point) {
		return switch (reason) {
			case PICKUP_POINT_PATTERN -> "pickupPoint=" + point.orElse(null) + " max=" + rule.maxPerPointPerDay();
			default -> null;
		};
	}
}
