package com.linli.marketing.internal.coupons.web;

import java.time.Instant;
import java.util.List;
import java.util.Set;

import com.linli.identity.Actor;
import com.linli.marketing.CouponTemplate;
import com.linli.marketing.CouponTemplateManagement;
import com.linli.marketing.NewCouponTemplate;
import com.linli.marketing.internal.coupons.web.CouponRestController.TemplateView;
import com.linli.shared.InvalidInputException;
import com.linli.shared.Money;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;

import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Operators and admins manage coupon templates in their regions and push coupons to residents. */
@RestController
@RequestMapping("/api/admin/marketing/coupon-templates")
@PreAuthorize("hasAnyRole('PLATFORM_ADMIN', 'OPERATOR')")
@Tag(name = "coupon templates", description = "优惠券模板: create, change, pause, push (operators, in their regions)")
class CouponTemplateRestController {

	private final CouponTemplateManagement templates;

	CouponTemplateRestController(CouponTemplateManagement templates) {
		this.templates = templates;
	}

	@PostMapping
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Create a coupon template", description = "FIXED needs amountFen; PERCENT percentOff (1-99, "
			+ "10 = 9折) and optionally capFen. Validity: validDays, or validFrom and validUntil. Scope ALL, or "
			+ "CATEGORIES / SKUS with scopeIds. 400 names the wrong field; 403 outside the operator's regions.")
	TemplateView create(Actor actor, @Valid @RequestBody NewTemplate r) {
		return TemplateView.of(withApiFieldNames(() -> templates.create(actor, new NewCouponTemplate(r.name(), r.kind(), money(r.amountFen()),
				r.percentOff(), money(r.capFen()), money(r.thresholdFen()), r.scope(), r.scopeIds(), r.regionIds(),
				r.validDays(), r.validFrom(), r.validUntil(), r.perResidentLimit(), r.totalQuantity(),
				r.claimable() == null || r.claimable(), Boolean.TRUE.equals(r.onRegistration()),
				Boolean.TRUE.equals(r.onFirstOrder())))));
	}

	/** The service names money fields as the domain does; clients send them as ...Fen. */
	private static <T> T withApiFieldNames(java.util.function.Supplier<T> call) {
		try {
			return call.get();
		}
		catch (InvalidInputException e) {
			if (List.of("amount", "cap", "threshold").contains(e.field())) {
				throw new InvalidInputException(e.field() + "Fen", e.text());
			}
			throw e;
		}
	}

	@GetMapping
	@Operation(summary = "Templates with issued and used counts", description = "Newest first; those of the operator's regions.")
	List<TemplateSummaryView> list(Actor actor, @RequestParam(required = false) Long regionId) {
		return templates.list(actor, regionId).stream()
			.map(s -> new TemplateSummaryView(TemplateView.of(s.template()), s.used())).toList();
	}

	@GetMapping("/{id}")
	@Operation(summary = "One template (404 outside the operator's regions)")
	TemplateView get(Actor actor, @PathVariable long id) {
		return TemplateView.of(templates.get(actor, id));
	}

	@PutMapping("/{id}")
	@Operation(summary = "Change name, per-resident limit or total", description = "The total never below what was issued (400 totalQuantity).")
	TemplateView revise(Actor actor, @PathVariable long id, @Valid @RequestBody Revision r) {
		return TemplateView.of(templates.revise(actor, id, r.name(), r.perResidentLimit(), r.totalQuantity()));
	}

	@DeleteMapping("/{id}")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	@Operation(summary = "Delete a template nobody was given", description = "409 coupon-template-issued once one was: pause it instead.")
	void delete(Actor actor, @PathVariable long id) {
		templates.delete(actor, id);
	}

	@PostMapping("/{id}/pause")
	@Operation(summary = "Stop issuing (coupons given stay usable)")
	TemplateView pause(Actor actor, @PathVariable long id) {
		return TemplateView.of(templates.pause(actor, id));
	}

	@PostMapping("/{id}/resume")
	@Operation(summary = "Issue again")
	TemplateView resume(Actor actor, @PathVariable long id) {
		return TemplateView.of(templates.resume(actor, id));
	}

	@PostMapping("/{id}/push")
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Push a coupon to residents by phone", description = "phones: one per line, or separated by "
			+ "commas, spaces or semicolons (a CSV's first column). All or nothing: 400 phones lists unknown phones; "
			+ "409 phones when too few are left (coupons-gone) or residents are at their limit (coupon-limit-reached).")
	PushView push(Actor actor, @PathVariable long id, @Valid @RequestBody Push r) {
		var result = templates.push(actor, id, r.phones());
		return new PushView(result.pushId(), result.templateId(), result.residents(), result.couponIds());
	}

	private static Money money(Long fen) {
		return fen == null ? null : Money.ofFen(fen);
	}

	record NewTemplate(@NotBlank String name, @NotNull CouponTemplate.Kind kind, Long amountFen, Integer percentOff,
			Long capFen, Long thresholdFen, @NotNull CouponTemplate.Scope scope, Set<Long> scopeIds,
			@NotEmpty Set<Long> regionIds, Integer validDays, Instant validFrom, Instant validUntil,
			@NotNull Integer perResidentLimit, @NotNull Integer totalQuantity, Boolean claimable, Boolean onRegistration,
			Boolean onFirstOrder) {
	}

	record Revision(@NotBlank String name, @NotNull Integer perResidentLimit, @NotNull Integer totalQuantity) {
	}

	record Push(@NotBlank String phones) {
	}

	record TemplateSummaryView(TemplateView template, long used) {
	}

	record PushView(long pushId, long templateId, int residents, List<Long> couponIds) {
	}
}
