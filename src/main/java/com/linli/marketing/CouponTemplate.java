package com.linli.marketing;

import java.time.Duration;
import java.time.Instant;
import java.util.Set;

import com.linli.catalog.CategoryId;
import com.linli.catalog.SkuId;
import com.linli.network.RegionId;
import com.linli.shared.Money;
import com.linli.shared.Text;

/**
 * A coupon template (优惠券模板): a fixed amount off, or a percentage off with an optional cap; from a
 * threshold (满 X 可用) on the lines in scope (everything, some categories or some SKUs) in its regions; valid
 * N days after issue or in a fixed window; at most {@code perResidentLimit} per resident and
 * {@code totalQuantity} in all. {@code claimable}: shown in the coupon centre; {@code onRegistration} /
 * {@code onFirstOrder}: given automatically to a new resident / on a resident's first paid order.
 */
public record CouponTemplate(long id, String name, Kind kind, Money amount, Integer percentOff, Money cap,
		Money threshold, Scope scope, Set<Long> scopeIds, Set<Long> regionIds, Integer validDays, Instant validFrom,
		Instant validUntil, int perResidentLimit, int totalQuantity, int issued, boolean claimable,
		boolean onRegistration, boolean onFirstOrder, Status status, Instant createdAt) {

	public enum Kind {
		FIXED, PERCENT
	}

	public enum Scope {
		ALL, CATEGORIES, SKUS
	}

	public enum Status {
		ACTIVE, PAUSED
	}

	public CouponTemplate {
		scopeIds = Set.copyOf(scopeIds);
		regionIds = Set.copyOf(regionIds);
	}

	public boolean isActive() {
		return status == Status.ACTIVE;
	}

	public int remaining() {
		return totalQuantity - issued;
	}

	public boolean inRegion(RegionId region) {
		return region != null && regionIds.contains(region.value());
	}

	/** Does a line of this SKU and category count towards the threshold and take a share of the deduction? */
	public boolean covers(SkuId sku, CategoryId category) {
		return switch (scope) {
			case ALL -> true;
			case CATEGORIES -> category != null && scopeIds.contains(category.value());
			case SKUS -> sku != null && scopeIds.contains(sku.value());
		};
	}

	/** A coupon of this template issued at {@code at} is valid from (inclusive) ... */
	public Instant validFromFor(Instant at) {
		return validDays != null ? at : validFrom;
	}

	/** ... until (exclusive). */
	public Instant validUntilFor(Instant at) {
		return validDays != null ? at.plus(Duration.ofDays(validDays)) : validUntil;
	}

	/** A fixed window that has ended: nothing more can be issued. */
	public boolean windowEnded(Instant at) {
		return validUntil != null && !at.isBefore(validUntil);
	}

	/**
	 * What it takes off lines in scope that still cost {@code eligible} (the threshold met): the fixed amount, or
	 * the percentage rounded half-up to the fen and held to the cap. The engine also holds it to what the lines
	 * cost.
	 */
	public Money discountOn(Money eligible) {
		if (kind == Kind.FIXED) {
			return amount;
		}
		Money off = eligible.timesBasisPoints(percentOff * 100L);
		return cap != null && off.isGreaterThan(cap) ? cap : off;
	}

	/** The terms in words: "满39减5", "无门槛减3", "9折 最多减10", "满50享8.5折". */
	public Text terms() {
		String threshold = yuan(this.threshold);
		if (kind == Kind.FIXED) {
			return this.threshold.isZero() ? Text.of("marketing.coupons.terms.fixed", yuan(amount))
					: Text.of("marketing.coupons.terms.fixedThreshold", threshold, yuan(amount));
		}
		String rate = new java.math.BigDecimal(100 - percentOff).movePointLeft(1).stripTrailingZeros().toPlainString();
		Text base = this.threshold.isZero() ? Text.of("marketing.coupons.terms.percent", rate, percentOff)
				: Text.of("marketing.coupons.terms.percentThreshold", threshold, rate, percentOff);
		return cap == null ? base : Text.of("marketing.coupons.terms.capped", base, yuan(cap));
	}

	/** "39", "2.5": an amount as a coupon states it. */
	public static String yuan(Money money) {
		return money.yuan().stripTrailingZeros().toPlainString();
	}
}
