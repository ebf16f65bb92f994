package com.linli.marketing.internal.coupons.web;

import java.time.Instant;
import java.util.List;
import java.util.Set;

import com.linli.identity.Actor;
import com.linli.marketing.CouponManagement;
import com.linli.marketing.CouponStatus;
import com.linli.marketing.CouponTemplate;
import com.linli.marketing.HeldCoupon;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;

import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** The resident's coupon centre: what they may claim in their region, claiming, their own coupons. */
@RestController
@RequestMapping("/api/marketing/coupons")
@PreAuthorize("hasRole('RESIDENT')")
@Tag(name = "coupons", description = "优惠券: the coupon centre and the resident's coupons")
class CouponRestController {

	private final CouponManagement coupons;

	CouponRestController(CouponManagement coupons) {
		this.coupons = coupons;
	}

	@GetMapping("/claimable")
	@Operation(summary = "Coupons the resident may claim", description = "Active templates of the region of the "
			+ "resident's pickup point (none without one), with how many the resident already holds.")
	List<ClaimableView> claimable(Actor actor) {
		return coupons.claimable(actor).stream()
			.map(c -> new ClaimableView(TemplateView.of(c.template()), c.held(), c.canClaim())).toList();
	}

	@GetMapping("/mine")
	@Operation(summary = "The resident's coupons", description = "Newest first; status filters (ISSUED, USED, RETURNED, EXPIRED).")
	List<CouponView> mine(Actor actor, @RequestParam(required = false) CouponStatus status) {
		return coupons.mine(actor, status).stream().map(CouponView::of).toList();
	}

	@PostMapping("/claims")
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Claim a coupon", description = "409 with field templateId: coupons-gone (none left), "
			+ "coupon-limit-reached (the per-resident limit), coupon-template-paused, coupon-template-ended, "
			+ "coupon-not-in-region, pickup-point-required; 404 for an unknown template.")
	CouponView claim(Actor actor, @Valid @RequestBody Claim request) {
		return CouponView.of(coupons.claim(actor, request.templateId()));
	}

	record Claim(@NotNull Long templateId) {
	}

	record ClaimableView(TemplateView template, int held, boolean canClaim) {
	}

	/** A template as residents and operators read it; money in integer fen. */
	record TemplateView(long id, String name, String terms, CouponTemplate.Kind kind, Long amountFen, Integer percentOff,
			Long capFen, long thresholdFen, CouponTemplate.Scope scope, Set<Long> scopeIds, Set<Long> regionIds,
			Integer validDays, Instant validFrom, Instant validUntil, int perResidentLimit, int totalQuantity, int issued,
			int remaining, boolean claimable, boolean onRegistration, boolean onFirstOrder, CouponTemplate.Status status) {

		static TemplateView of(CouponTemplate t) {
			return new TemplateView(t.id(), t.name(), t.terms().inReadersLanguage(), t.kind(),
					t.amount() == null ? null : t.amount().fen(), t.percentOff(), t.cap() == null ? null : t.cap().fen(),
					t.threshold().fen(), t.scope(), t.scopeIds(), t.regionIds(), t.validDays(), t.validFrom(), t.validUntil(),
					t.perResidentLimit(), t.totalQuantity(), t.issued(), t.remaining(), t.claimable(), t.onRegistration(),
					t.onFirstOrder(), t.status());
		}
	}

	record CouponView(long id, long templateId, String name, String terms, CouponStatus status, Instant issuedAt,
			Instant validFrom, Instant validUntil, Long orderId) {

		static CouponView of(HeldCoupon c) {
			return new CouponView(c.id(), c.template().id(), c.template().name(), c.template().terms().inReadersLanguage(),
					c.status(), c.issuedAt(), c.validFrom(), c.validUntil(), c.orderId());
		}
	}
}
