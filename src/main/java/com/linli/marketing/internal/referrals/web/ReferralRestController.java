package com.linli.marketing.internal.referrals.web;

import java.time.Instant;
import java.util.List;

import com.linli.identity.Actor;
import com.linli.marketing.Invitation;
import com.linli.marketing.ReferralDecision;
import com.linli.marketing.ReferralManagement;
import com.linli.marketing.ReferralRule;
import com.linli.marketing.ReferralRuleManagement;
import com.linli.network.RegionId;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Referrals over REST: a resident's invitation (code, link, friends and rewards) and binding to an
 * inviter's code; operators' reward rules per region and the rewards given or refused with the reasons.
 */
@RestController
@Tag(name = "referrals", description = "老带新: invite codes, binding, rewards on the first paid order")
class ReferralRestController {

	private final ReferralManagement referrals;

	private final ReferralRuleManagement rules;

	ReferralRestController(ReferralManagement referrals, ReferralRuleManagement rules) {
		this.referrals = referrals;
		this.rules = rules;
	}

	@GetMapping("/api/marketing/referrals/me")
	@Operation(summary = "My invitation: code, the friends I invited (names masked) with my rewards, who invited me")
	Invitation mine(Actor actor) {
		return referrals.invitation(actor);
	}

	@PostMapping("/api/marketing/referrals/bind")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	@Operation(summary = "Bind me to the inviter of a code, while I have no paid order",
			description = "The device id comes in the X-Device-Id header or the body. 400 names the field (code: "
					+ "missing or unknown; deviceId: missing or too long); 409 referral-self (my own code), "
					+ "referral-bound (bound already), referral-not-new (I have paid an order). Nothing changes then.")
	void bind(Actor actor, @RequestBody BindRequest request,
			@RequestHeader(name = "X-Device-Id", required = false) String deviceHeader) {
		String device = request.deviceId() != null && !request.deviceId().isBlank() ? request.deviceId() : deviceHeader;
		referrals.bind(actor, request.code(), device);
	}

	record BindRequest(String code, String deviceId) {
	}

	@GetMapping("/api/admin/marketing/referrals/rules/{regionId}")
	@PreAuthorize("hasAnyRole('PLATFORM_ADMIN', 'OPERATOR')")
	@Operation(summary = "The referral reward rule of a region (no rewards until configured)")
	ReferralRule rule(Actor actor, @PathVariable long regionId) {
		return rules.rule(actor, new RegionId(regionId));
	}

	@PutMapping("/api/admin/marketing/referrals/rules/{regionId}")
	@PreAuthorize("hasAnyRole('PLATFORM_ADMIN', 'OPERATOR')")
	@Operation(summary = "Set a region's referral rule", description = "Each side gets a coupon template or points "
			+ "(not both) or nothing; maxPerPointPerDay limits one inviter's rewarded invitees at one pickup point a day.")
	ReferralRule saveRule(Actor actor, @PathVariable long regionId, @RequestBody RuleRequest rule) {
		actor.checkRegion(regionId);
		return rules.save(actor, new RegionId(regionId), new ReferralRule(Boolean.TRUE.equals(rule.enabled()),
				rule.inviterCouponTemplate(), rule.inviterPoints(), rule.inviteeCouponTemplate(), rule.inviteePoints(),
				rule.maxPerPointPerDay() == null ? ReferralRule.DEFAULT_MAX_PER_POINT_PER_DAY : rule.maxPerPointPerDay()));
	}

	/** A rule as sent: a missing {@code enabled} is false, a missing limit the default. */
	record RuleRequest(Boolean enabled, Long inviterCouponTemplate, Long inviterPoints, Long inviteeCouponTemplate,
			Long inviteePoints, Integer maxPerPointPerDay) {
	}

	@GetMapping("/api/admin/marketing/referrals/refusals")
	@PreAuthorize("hasAnyRole('PLATFORM_ADMIN', 'OPERATOR')")
	@Operation(summary = "Refused referral rewards with their reasons, newest first, in my regions")
	List<DecisionView> refusals(Actor actor, @RequestParam(defaultValue = "100") int limit) {
		return rules.refusals(actor, limit).stream().map(DecisionView::of).toList();
	}

	@GetMapping("/api/admin/marketing/referrals/rewards")
	@PreAuthorize("hasAnyRole('PLATFORM_ADMIN', 'OPERATOR')")
	@Operation(summary = "Referral rewards given, newest first, in my regions")
	List<DecisionView> rewards(Actor actor, @RequestParam(defaultValue = "100") int limit) {
		return rules.rewards(actor, limit).stream().map(DecisionView::of).toList();
	}

	/** A decision as the API answers it: account ids as numbers. */
	record DecisionView(long referralId, long inviterId, String inviterName, long inviteeId, String inviteeName,
			Long orderId, String side, String reward, String reason, String detail, Instant at) {

		static DecisionView of(ReferralDecision d) {
			return new DecisionView(d.referralId(), d.inviter().value(), d.inviterName(), d.invitee().value(),
					d.inviteeName(), d.orderId(), d.side(), d.reward(), d.reason() == null ? null : d.reason().name(),
					d.detail(), d.at());
		}
	}
}
