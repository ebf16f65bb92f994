package com.linli.marketing.internal.coupons;

import java.time.Instant;

import com.linli.identity.AccountId;
import com.linli.marketing.CouponTemplate;
import com.linli.marketing.internal.CouponGrants;
import com.linli.shared.BusinessRuleException;
import com.linli.shared.Text;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Coupons other tools give (a referral reward, a level's monthly coupon, the points shop): within the template's
 * total and per-resident limit, once per source. A refusal (paused, run out, the limit reached) undoes its own
 * steps and does not mark the caller's transaction for rollback, so the caller may record it and go on.
 */
@Component
class TemplateCouponGrants implements CouponGrants {

	private final CouponTemplates templates;

	private final CouponIssuer issuer;

	TemplateCouponGrants(CouponTemplates templates, CouponIssuer issuer) {
		this.templates = templates;
		this.issuer = issuer;
	}

	@Override
	@Transactional(noRollbackFor = BusinessRuleException.class)
	public long grant(AccountId resident, long templateId, String source, Instant at) {
		if (source == null || source.isBlank() || source.length() > 80) {
			throw new IllegalArgumentException("a grant needs a source of at most 80 characters: " + source);
		}
		// a refusal, as the contract says: the caller (a referral reward, the points shop) records it and goes on
		CouponTemplate t = templates.find(templateId).orElseThrow(() -> new BusinessRuleException("coupon-template-unknown",
				"templateId", Text.of("marketing.coupons.problem.templateUnknown", templateId)));
		return issuer.issue(t, resident, source, at);
	}
}
