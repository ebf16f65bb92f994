package com.linli.marketing.internal.coupons;

import java.time.Instant;

import com.linli.marketing.CouponTemplate;
import com.linli.marketing.NewCouponTemplate;
import com.linli.shared.InvalidInputException;
import com.linli.shared.Money;
import com.linli.shared.Text;

/** The checks of a new coupon template, each naming the field it is about (the database checks the same). */
public final class CouponTemplateRules {

	static final int MAX_TOTAL = 10_000_000;

	static final int MAX_LIMIT = 100;

	private CouponTemplateRules() {
	}

	public static void check(NewCouponTemplate t, Instant now) {
		checkName(t.name());
		if (t.kind() == null) {
			throw invalid("kind", "kindRequired");
		}
		if (t.kind() == CouponTemplate.Kind.FIXED) {
			if (t.amount() == null || !t.amount().isGreaterThan(Money.ZERO)) {
				throw invalid("amount", "amountRequired");
			}
			if (t.percentOff() != null || t.cap() != null) {
				throw invalid("percentOff", "percentOnlyForPercent");
			}
		}
		else {
			if (t.percentOff() == null || t.percentOff() < 1 || t.percentOff() > 99) {
				throw invalid("percentOff", "percentRange");
			}
			if (t.amount() != null) {
				throw invalid("amount", "amountOnlyForFixed");
			}
			if (t.cap() != null && !t.cap().isGreaterThan(Money.ZERO)) {
				throw invalid("cap", "capPositive");
			}
		}
		if (t.threshold().isNegative()) {
			throw invalid("threshold", "thresholdNotNegative");
		}
		if (t.scope() == null) {
			throw invalid("scope", "scopeRequired");
		}
		if ((t.scope() == CouponTemplate.Scope.ALL) != t.scopeIds().isEmpty()) {
			throw invalid("scopeIds", t.scope() == CouponTemplate.Scope.ALL ? "scopeIdsOnlyWhenScoped" : "scopeIdsRequired");
		}
		if (t.regionIds().isEmpty()) {
			throw invalid("regionIds", "regionsRequired");
		}
		if (t.validDays() != null) {
			if (t.validDays() < 1 || t.validDays() > 366) {
				throw invalid("validDays", "validDaysRange");
			}
			if (t.validFrom() != null || t.validUntil() != null) {
				throw invalid("validFrom", "validityEitherOr");
			}
		}
		else {
			if (t.validFrom() == null || t.validUntil() == null) {
				throw invalid("validDays", "validityRequired");
			}
			if (!t.validFrom().isBefore(t.validUntil())) {
				throw invalid("validUntil", "validUntilAfterFrom");
			}
			if (!now.isBefore(t.validUntil())) {
				throw invalid("validUntil", "validUntilPast");
			}
		}
		checkQuantities(t.perResidentLimit(), t.totalQuantity());
	}

	public static void checkName(String name) {
		if (name == null || name.isBlank()) {
			throw invalid("name", "nameRequired");
		}
		if (name.strip().length() > 60) {
			throw invalid("name", "nameTooLong");
		}
	}

	public static void checkQuantities(int perResidentLimit, int totalQuantity) {
		if (perResidentLimit < 1 || perResidentLimit > MAX_LIMIT) {
			throw new InvalidInputException("perResidentLimit", Text.of("marketing.coupons.problem.limitRange", MAX_LIMIT));
		}
		if (totalQuantity < 1 || totalQuantity > MAX_TOTAL) {
			throw new InvalidInputException("totalQuantity", Text.of("marketing.coupons.problem.totalRange", MAX_TOTAL));
		}
	}

	private static InvalidInputException invalid(String field, String key) {
		return new InvalidInputException(field, Text.of("marketing.coupons.problem." + key));
	}
}
