package com.linli.marketing.internal.campaigns;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.function.IntPredicate;

import com.linli.catalog.CategoryId;
import com.linli.marketing.DiscountKind;
import com.linli.marketing.Reduction;
import com.linli.marketing.internal.pricing.PriceCalculator;
import com.linli.marketing.internal.pricing.PricingContext;
import com.linli.shared.Money;
import com.linli.shared.Text;

import org.springframework.stereotype.Component;

/**
 * Full reduction (满减). Each reduction covers the lines of its scope (its category, or the whole order); the
 * tier is the best one that those lines' current payable amount (after member, promotional and offer
 * prices) reaches, deducted over those lines in proportion.
 * <p>
 * Stacking rule: per category, only the reduction that deducts the most applies (ties: the older one);
 * then at most one order-wide reduction, the one that deducts the most, measured on what the order still
 * costs after the category reductions. A reduction of a campaign applies only while the campaign gives
 * discounts and its remaining budget (as cached) covers the whole deduction; otherwise the next best one
 * in its scope is taken.
 */
@Component
class FullReductionCalculator implements PriceCalculator {

	private final PromotionSource promotions;

	FullReductionCalculator(PromotionSource promotions) {
		this.promotions = promotions;
	}

	@Override
	public int position() {
		return FULL_REDUCTION;
	}

	@Override
	public void apply(PricingContext context) {
		RegionPromotions book = promotions.of(context.request().region());
		if (book.reductions().isEmpty()) {
			return;
		}
		Instant now = context.now();
		List<Reduction> on = book.reductions().stream().filter(r -> r.isOnAt(now)).toList();
		Map<Long, List<Reduction>> byCategory = new TreeMap<>();
		List<Reduction> orderWide = new ArrayList<>();
		for (Reduction r : on) {
			if (r.isOrderWide()) {
				orderWide.add(r);
			}
			else {
				byCategory.computeIfAbsent(r.categoryId().value(), k -> new ArrayList<>()).add(r);
			}
		}
		byCategory.forEach((category, reductions) -> applyBest(context, book, reductions,
				i -> Objects.equals(context.line(i).category(), new CategoryId(category))));
		applyBest(context, book, orderWide, i -> true);
	}

	private void applyBest(PricingContext context, RegionPromotions book, List<Reduction> candidates, IntPredicate eligible) {
		Money base = context.payable(eligible);
		Money room = context.room(eligible);
		Reduction best = null;
		Reduction.Tier bestTier = null;
		Money bestAmount = Money.ZERO;
		for (Reduction r : candidates.stream().sorted(Comparator.comparingLong(Reduction::id)).toList()) {
			var tier = r.bestTier(base);
			if (tier.isEmpty()) {
				continue;
			}
			Money amount = tier.get().amount().compareTo(room) <= 0 ? tier.get().amount() : room;
			if (amount.isGreaterThan(bestAmount) && book.allows(r.campaignId(), amount, context.now())) {
				best = r;
				bestTier = tier.get();
				bestAmount = amount;
			}
		}
		if (best != null) {
			context.deduct(DiscountKind.FULL_REDUCTION, best.reference(), label(bestTier), bestTier.amount(), eligible);
		}
	}

	/** "满69减12" */
	static Text label(Reduction.Tier tier) {
		return Text.of("marketing.campaigns.reductionLabel", Reduction.Tier.yuan(tier.threshold()),
				Reduction.Tier.yuan(tier.amount()));
	}
}
