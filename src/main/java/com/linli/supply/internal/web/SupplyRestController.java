package com.linli.supply.internal.web;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

import com.linli.catalog.SkuId;
import com.linli.identity.Actor;
import com.linli.shared.Money;
import com.linli.shared.SupplierId;
import com.linli.supply.NewQualification;
import com.linli.supply.NewSupplierSku;
import com.linli.supply.PaymentPeriod;
import com.linli.supply.ScorePeriod;
import com.linli.supply.ScorecardManagement;
import com.linli.supply.QualificationManagement;
import com.linli.supply.SupplierManagement;
import com.linli.supply.SupplierSkuManagement;
import com.linli.supply.SupplierTerms;
import com.linli.supply.SupplierTier;
import com.linli.supply.internal.web.SupplyViews.AlertView;
import com.linli.supply.internal.web.SupplyViews.QualificationView;
import com.linli.supply.internal.web.SupplyViews.ScorecardView;
import com.linli.supply.internal.web.SupplyViews.SkuView;
import com.linli.supply.internal.web.SupplyViews.TermsView;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;

import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Suppliers' terms, licences, SKUs, licence alerts and scorecards, for operators and platform admins. */
@RestController
@PreAuthorize("hasAnyRole('PLATFORM_ADMIN', 'OPERATOR')")
@Tag(name = "supply", description = "Supplier terms, qualifications, SKUs, alerts and scorecards")
class SupplyRestController {

	private final SupplierManagement suppliers;

	private final QualificationManagement qualifications;

	private final SupplierSkuManagement supplierSkus;

	private final ScorecardManagement scorecards;

	private final Clock clock;

	SupplyRestController(SupplierManagement suppliers, QualificationManagement qualifications,
			SupplierSkuManagement supplierSkus, ScorecardManagement scorecards, Clock clock) {
		this.suppliers = suppliers;
		this.qualifications = qualifications;
		this.supplierSkus = supplierSkus;
		this.scorecards = scorecards;
		this.clock = clock;
	}

	@GetMapping("/api/suppliers/{id}/terms")
	TermsView terms(@PathVariable long id) {
		return TermsView.of(supplierSkus.terms(new SupplierId(id)));
	}

	@PutMapping("/api/suppliers/{id}/terms")
	@Operation(summary = "Set tier (STRATEGIC / PREFERRED / EMERGENCY) and payment period (WEEKLY / MONTHLY / DAYS + paymentDays)")
	TermsView setTerms(@PathVariable long id, @Valid @RequestBody TermsRequest r, Actor actor) {
		return TermsView.of(supplierSkus.setTerms(new SupplierTerms(new SupplierId(id), r.tier(), r.paymentPeriod(),
				r.paymentDays()), actor));
	}

	@GetMapping("/api/suppliers/{id}/qualifications")
	List<QualificationView> qualifications(@PathVariable long id) {
		LocalDate today = LocalDate.now(clock);
		return qualifications.qualifications(new SupplierId(id)).stream().map(q -> QualificationView.of(q, today)).toList();
	}

	@PostMapping("/api/suppliers/{id}/qualifications")
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Record a licence (营业执照, 食品经营许可证 ...); an expired one blocks new purchase orders")
	QualificationView addQualification(@PathVariable long id, @Valid @RequestBody QualificationRequest r,
			Actor actor) {
		return QualificationView.of(qualifications.addQualification(new SupplierId(id), r.toNew(), actor), LocalDate.now(clock));
	}

	@PutMapping("/api/suppliers/{id}/qualifications/{qualificationId}")
	QualificationView updateQualification(@PathVariable long id, @PathVariable long qualificationId,
			@Valid @RequestBody QualificationRequest r, Actor actor) {
		return QualificationView.of(qualifications.updateQualification(new SupplierId(id), qualificationId, r.toNew(), actor),
				LocalDate.now(clock));
	}

	@DeleteMapping("/api/suppliers/{id}/qualifications/{qualificationId}")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	void removeQualification(@PathVariable long id, @PathVariable long qualificationId, Actor actor) {
		qualifications.removeQualification(new SupplierId(id), qualificationId, actor);
	}

	@GetMapping("/api/suppliers/{id}/skus")
	List<SkuView> skus(@PathVariable long id) {
		return supplierSkus.skus(new SupplierId(id)).stream().map(SkuView::of).toList();
	}

	@PutMapping("/api/suppliers/{id}/skus/{skuId}")
	@Operation(summary = "Offer a SKU from this supplier (or change its price, lead time, MOQ, active)")
	SkuView offer(@PathVariable long id, @PathVariable long skuId, @Valid @RequestBody SkuRequest r, Actor actor) {
		return SkuView.of(supplierSkus.offerSku(new SupplierId(id), new NewSupplierSku(new SkuId(skuId),
				Money.ofFen(r.priceFen()), r.leadTimeDays(), r.moq(), r.active() == null || r.active()), actor));
	}

	@GetMapping("/api/supplier-alerts")
	@Operation(summary = "Open licence alerts: EXPIRED (blocks purchase orders) and EXPIRING (within 30 days)")
	List<AlertView> alerts() {
		return qualifications.alerts().stream().map(AlertView::of).toList();
	}

	@GetMapping("/api/supplier-scores")
	@Operation(summary = "Scorecards of every supplier with deliveries in the ISO week or month containing the day, best first")
	List<ScorecardView> ranking(@RequestParam(defaultValue = "MONTH") ScorePeriod period,
			@RequestParam(required = false) LocalDate day) {
		return scorecards.ranking(period, day == null ? LocalDate.now(clock) : day).stream().map(ScorecardView::of)
			.toList();
	}

	@GetMapping("/api/suppliers/{id}/scores")
	@Operation(summary = "A supplier's scorecards for the last periods, oldest first")
	List<ScorecardView> trend(@PathVariable long id, @RequestParam(defaultValue = "WEEK") ScorePeriod period,
			@RequestParam(defaultValue = "12") int count) {
		suppliers.get(new SupplierId(id));
		return scorecards.trend(new SupplierId(id), period, count).stream().map(ScorecardView::of).toList();
	}

	record TermsRequest(@NotNull SupplierTier tier, @NotNull PaymentPeriod paymentPeriod,
			@Min(1) @Max(180) Integer paymentDays) {
	}

	record QualificationRequest(@NotBlank @Size(max = 30) String kind, @NotBlank @Size(max = 60) String licenceNo,
			@NotNull LocalDate validFrom, @NotNull LocalDate validUntil) {

		NewQualification toNew() {
			return new NewQualification(kind, licenceNo, validFrom, validUntil);
		}
	}

	record SkuRequest(@Positive long priceFen, @Min(0) @Max(60) int leadTimeDays, @Min(1) @Max(100000) int moq,
			Boolean active) {
	}
}
