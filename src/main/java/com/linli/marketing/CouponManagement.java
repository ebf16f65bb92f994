package com.linli.marketing;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.linli.identity.AccountId;
import com.linli.identity.Actor;
import com.linli.marketing.internal.coupons.Coupon;
import com.linli.marketing.internal.coupons.CouponIssuer;
import com.linli.marketing.internal.coupons.CouponTemplates;
import com.linli.marketing.internal.coupons.Coupons;
import com.linli.marketing.internal.hotstock.HotStock;
import com.linli.network.PickupPoint;
import com.linli.network.RegionId;
import com.linli.network.ResidentBindingManagement;
import com.linli.shared.BusinessRuleException;
import com.linli.shared.NotFoundException;
import com.linli.shared.Text;

import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The resident's side of coupons: the coupon centre (templates of their region they may claim), claiming one,
 * and their own coupons. A claim never issues more than the template's total nor more than its per-resident
 * limit, under any concurrency (conditional updates in the database); the losers of a burst hear "all gone" at
 * once once this node has seen the template run out.
 */
@Service
public class CouponManagement {

	private final CouponTemplates templates;

	private final Coupons coupons;

	private final CouponIssuer issuer;

	private final ResidentBindingManagement bindings;

	private final TransactionTemplate transaction;

	private final Clock clock;

	/** Claims taken first in hot stock (Redis) when switched on; the database decides in any case. */
	private final HotStock hotStock;

	CouponManagement(CouponTemplates templates, Coupons coupons, CouponIssuer issuer, ResidentBindingManagement bindings,
			TransactionTemplate transaction, Clock clock, HotStock hotStock) {
		this.templates = templates;
		this.coupons = coupons;
		this.issuer = issuer;
		this.bindings = bindings;
		this.transaction = transaction;
		this.clock = clock;
		this.hotStock = hotStock;
	}

	/** A template in the coupon centre, with how many of it the resident already has. */
	public record Claimable(CouponTemplate template, int held, boolean canClaim) {
	}

	/** The templates a resident may claim in the region of their pickup point (none without one). */
	public List<Claimable> claimable(Actor actor) {
		AccountId resident = actor.requireAccount();
		Optional<RegionId> region = bindings.cachedPickupPointOf(resident).map(PickupPoint::regionId);
		if (region.isEmpty()) {
			return List.of();
		}
		Instant now = clock.instant();
		List<CouponTemplate> open = templates.claimable(region.get().value(), now);
		if (open.isEmpty()) {
			return List.of();
		}
		Map<Long, Integer> held = templates.heldBy(resident.value(), open.stream().map(CouponTemplate::id).toList());
		return open.stream().map(t -> {
			int h = held.getOrDefault(t.id(), 0);
			return new Claimable(t, h, h < t.perResidentLimit() && t.remaining() > 0);
		}).toList();
	}

	/**
	 * The resident claims a coupon of a template: it must be active, claimable, in the region of their pickup
	 * point, with some left and the resident under its limit; each refusal a 409 naming "templateId".
	 */
	public HeldCoupon claim(Actor actor, long templateId) {
		AccountId resident = actor.requireAccount();
		CouponTemplate t = templates.cached(templateId);
		if (t == null || !t.claimable()) {
			throw new NotFoundException("coupon template", templateId);
		}
		if (issuer.knownGone(templateId) || hotStock.couponsGone(templateId)) {
			throw new BusinessRuleException("coupons-gone", "templateId", Text.of("marketing.coupons.problem.gone", t.name()));
		}
		if (!t.isActive()) {
			throw new BusinessRuleException("coupon-template-paused", "templateId",
					Text.of("marketing.coupons.problem.paused", t.name()));
		}
		Instant now = clock.instant();
		if (t.windowEnded(now)) {
			throw new BusinessRuleException("coupon-template-ended", "templateId",
					Text.of("marketing.coupons.problem.ended", t.name()));
		}
		RegionId region = bindings.cachedPickupPointOf(resident).map(PickupPoint::regionId)
			.orElseThrow(() -> new BusinessRuleException("pickup-point-required", "templateId",
					Text.of("marketing.coupons.problem.pickupPointRequired")));
		if (!t.inRegion(region)) {
			throw new BusinessRuleException("coupon-not-in-region", "templateId",
					Text.of("marketing.coupons.problem.notInRegion", t.name()));
		}
		long id = transaction.execute(s -> {
			var refused = hotStock.takeCoupon(t, resident);
			if (refused != null) {
				// hot stock answers the losers before the database (which still decides for the winners)
				throw refused.why() == HotStock.Refusal.OVER_LIMIT
						? new BusinessRuleException("coupon-limit-reached", "templateId",
								Text.of("marketing.coupons.problem.limitReached", t.perResidentLimit()))
						: new BusinessRuleException("coupons-gone", "templateId",
								Text.of("marketing.coupons.problem.gone", t.name()));
			}
			return issuer.claim(t, resident, now);
		});
		return new HeldCoupon(id, t, CouponStatus.ISSUED, null, now, t.validFromFor(now), t.validUntilFor(now), null);
	}

	/** The resident's coupons, newest first; {@code status} null for all. */
	public List<HeldCoupon> mine(Actor actor, CouponStatus status) {
		List<Coupon> held = coupons.of(actor.requireAccount(), 500).stream()
			.filter(c -> status == null || c.status() == status).toList();
		Map<Long, CouponTemplate> byId = templates.cached(held.stream().map(Coupon::templateId).distinct().toList());
		return held.stream().map(c -> view(c, byId.get(c.templateId()))).toList();
	}

	/** The resident's coupons they may use now, those ending first first. */
	public List<HeldCoupon> usable(AccountId resident) {
		List<Coupon> held = coupons.usable(resident, clock.instant());
		Map<Long, CouponTemplate> byId = templates.cached(held.stream().map(Coupon::templateId).distinct().toList());
		return held.stream().map(c -> view(c, byId.get(c.templateId()))).toList();
	}

	static HeldCoupon view(Coupon c, CouponTemplate t) {
		return new HeldCoupon(c.id(), t, c.status(), c.source(), c.issuedAt(), c.validFrom(), c.validUntil(), c.orderId());
	}
}
