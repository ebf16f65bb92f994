package com.linli.marketing.internal.coupons;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.IntPredicate;

import com.linli.identity.AccountId;
import com.linli.marketing.CouponChoice;
import com.linli.marketing.CouponStatus;
import com.linli.marketing.CouponTemplate;
import com.linli.marketing.DiscountKind;
import com.linli.marketing.internal.pricing.PriceCalculator;
import com.linli.marketing.internal.pricing.PricingContext;
import com.linli.shared.BusinessRuleException;
import com.linli.shared.Money;
import com.linli.shared.Text;

import org.springframework.stereotype.Component;

/**
 * The coupon link of the price engine (after the full reduction, before points). With {@link CouponChoice#best()}
 * it takes, among the resident's usable coupons (valid now, in the order's region, some line in scope, the
 * threshold met by what the lines in scope still cost), the one that deducts most (a tie: the one that expires
 * first); with a chosen one it uses that one or refuses with the reason (field "couponId"); with none, none.
 * The deduction is split over the lines in scope. Templates come from a cache; the resident's coupons from one
 * indexed query, cached briefly (a resident without coupons costs nothing after the first quote).
 */
@Component
class CouponCalculator implements PriceCalculator {

	private final Coupons coupons;

	private final CouponTemplates templates;

	private final org.springframework.beans.factory.ObjectProvider<com.linli.shared.RiskHolds> holds;

	CouponCalculator(Coupons coupons, CouponTemplates templates,
			org.springframework.beans.factory.ObjectProvider<com.linli.shared.RiskHolds> holds) {
		this.coupons = coupons;
		this.templates = templates;
		this.holds = holds;
	}

	/**
	 * Whether a risk case holds the resident's coupon use (issue 16). No risk module: nothing is held (fail-open);
	 * a risk module that cannot answer fails the pricing (fail-closed).
	 */
	static boolean held(org.springframework.beans.factory.ObjectProvider<com.linli.shared.RiskHolds> holds,
			AccountId resident) {
		var risk = holds.getIfAvailable();
		return resident != null && risk != null && risk.couponsHeld(resident.value());
	}

	static BusinessRuleException heldByRisk(long couponId) {
		return new BusinessRuleException("coupon-held-by-risk", "couponId",
				Text.of("marketing.coupons.problem.heldByRisk", couponId));
	}

	@Override
	public int position() {
		return COUPON;
	}

	@Override
	public void apply(PricingContext context) {
		CouponChoice choice = context.request().coupon();
		AccountId resident = context.request().resident();
		switch (choice.mode()) {
			case NONE -> {
			}
			case BEST -> {
				// a held resident simply gets no automatic coupon; choosing one is refused below
				if (resident != null && !held(holds, resident)) {
					best(context, resident).ifPresent(o -> take(context, o));
				}
			}
			case CHOSEN -> {
				if (held(holds, resident)) {
					throw heldByRisk(choice.couponId());
				}
				take(context, chosen(context, resident, choice.couponId()));
			}
		}
	}

	/** A coupon that applies to this pricing, the lines it covers and what it would deduct. */
	record Offer(Coupon coupon, CouponTemplate template, IntPredicate eligible, Money amount) {
	}

	private Optional<Offer> best(PricingContext context, AccountId resident) {
		List<Coupon> held = coupons.usable(resident, context.now());
		if (held.isEmpty()) {
			return Optional.empty();
		}
		Map<Long, CouponTemplate> byId = templates.cached(held.stream().map(Coupon::templateId).distinct().toList());
		return held.stream()
			.map(c -> evaluate(context, c, byId.get(c.templateId())))
			.filter(r -> r.offer() != null && r.offer().amount().isGreaterThan(Money.ZERO))
			.map(Evaluation::offer)
			.min(Comparator.comparing((Offer o) -> o.amount()).reversed()
				.thenComparing(o -> o.coupon().validUntil()).thenComparingLong(o -> o.coupon().id()));
	}

	private Offer chosen(PricingContext context, AccountId resident, long couponId) {
		Coupon coupon = resident == null ? null : coupons.find(couponId, resident).orElse(null);
		if (coupon == null) {
			throw new BusinessRuleException("coupon-not-found", "couponId", Text.of("marketing.coupons.problem.notFound", couponId));
		}
		Evaluation e = evaluate(context, coupon, templates.cached(coupon.templateId()));
		if (e.offer() == null) {
			throw e.refusal();
		}
		return e.offer();
	}

	/** Either an offer or the reason the coupon does not apply to this pricing. */
	record Evaluation(Offer offer, BusinessRuleException refusal) {

		static Evaluation refused(String code, Text text) {
			return new Evaluation(null, new BusinessRuleException(code, "couponId", text));
		}
	}

	static Evaluation evaluate(PricingContext context, Coupon coupon, CouponTemplate template) {
		Instant now = context.now();
		long id = coupon.id();
		if (template == null) {
			return Evaluation.refused("coupon-not-found", Text.of("marketing.coupons.problem.notFound", id));
		}
		if (coupon.status() == CouponStatus.USED) {
			return Evaluation.refused("coupon-used", Text.of("marketing.coupons.problem.used", id));
		}
		if (coupon.status() == CouponStatus.EXPIRED || !now.isBefore(coupon.validUntil())) {
			return Evaluation.refused("coupon-expired", Text.of("marketing.coupons.problem.expired", id));
		}
		if (now.isBefore(coupon.validFrom())) {
			return Evaluation.refused("coupon-not-yet-valid", Text.of("marketing.coupons.problem.notYetValid", id));
		}
		if (!template.inRegion(context.request().region())) {
			return Evaluation.refused("coupon-not-in-region", Text.of("marketing.coupons.problem.notInRegion", template.name()));
		}
		IntPredicate eligible = i -> template.covers(context.line(i).sku(), context.line(i).category());
		boolean any = false;
		for (int i = 0; i < context.size() && !any; i++) {
			any = eligible.test(i);
		}
		if (!any) {
			return Evaluation.refused("coupon-not-in-scope", Text.of("marketing.coupons.problem.notInScope", template.name()));
		}
		Money payable = context.payable(eligible);
		if (template.threshold().isGreaterThan(payable)) {
			return Evaluation.refused("coupon-below-threshold", Text.of("marketing.coupons.problem.belowThreshold",
					template.threshold().toString(), template.threshold().minus(payable).toString()));
		}
		Money wanted = template.discountOn(payable);
		Money room = context.room(eligible);
		return new Evaluation(new Offer(coupon, template, eligible, wanted.isGreaterThan(room) ? room : wanted), null);
	}

	private static void take(PricingContext context, Offer offer) {
		Money taken = context.deduct(DiscountKind.COUPON, "coupon:" + offer.coupon().id(),
				Text.of("marketing.coupons.label", offer.template().terms()), offer.amount(), offer.eligible());
		if (taken.isGreaterThan(Money.ZERO)) {
			context.useCoupon(offer.coupon().id());
		}
	}
}
