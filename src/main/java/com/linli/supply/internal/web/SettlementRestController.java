package com.linli.supply.internal.web;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

import com.linli.identity.Actor;
import com.linli.shared.Money;
import com.linli.shared.SupplierId;
import com.linli.shared.export.Spreadsheets;
import com.linli.supply.PurchaseOrderId;
import com.linli.supply.SettlementManagement;
import com.linli.supply.internal.SupplyWorkbooks;
import com.linli.supply.internal.web.SupplyViews.ChargebackView;
import com.linli.supply.internal.web.SupplyViews.StatementView;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Supplier settlement for operators: statements per payment period, chargebacks, settling, export. */
@RestController
@PreAuthorize("hasAnyRole('PLATFORM_ADMIN', 'OPERATOR')")
@Tag(name = "supplier settlement", description = "Statements: accepted goods minus chargebacks, per payment period")
class SettlementRestController {

	private final SettlementManagement settlement;

	private final Clock clock;

	SettlementRestController(SettlementManagement settlement, Clock clock) {
		this.settlement = settlement;
		this.clock = clock;
	}

	@GetMapping("/api/statements")
	List<StatementView> list(@RequestParam(required = false) Long supplierId, Actor actor) {
		return settlement.list(actor, supplierId == null ? null : new SupplierId(supplierId)).stream()
			.map(s -> StatementView.of(s, true)).toList();
	}

	@PostMapping("/api/suppliers/{id}/statements")
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Draw up (or update) the statement of the payment period containing the day (default today)")
	StatementView drawUp(@PathVariable long id, @RequestParam(required = false) LocalDate day, Actor actor) {
		return StatementView.of(settlement.drawUp(actor, new SupplierId(id), day == null ? LocalDate.now(clock) : day), true);
	}

	@GetMapping("/api/statements/{id}")
	StatementView get(@PathVariable long id, Actor actor) {
		return StatementView.of(settlement.get(actor, id), true);
	}

	@GetMapping("/api/statements/{id}.xlsx")
	ResponseEntity<byte[]> file(@PathVariable long id, Actor actor) {
		var s = settlement.get(actor, id);
		return Spreadsheets.file(SupplyWorkbooks.statement(s),
				"statement-" + s.supplierName() + "-" + s.periodStart() + ".xlsx", Spreadsheets.XLSX);
	}

	@PostMapping("/api/statements/{id}/settle")
	@Operation(summary = "Settle a statement whose period is over: its purchase orders become SETTLED")
	StatementView settle(@PathVariable long id, Actor actor) {
		return StatementView.of(settlement.settle(actor, id), true);
	}

	@PostMapping("/api/suppliers/{id}/chargebacks")
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Take money off the supplier's next statement (goods bad after acceptance, a penalty)")
	ChargebackView chargeback(@PathVariable long id, @Valid @RequestBody ChargebackRequest r, Actor actor) {
		return ChargebackView.of(settlement.chargeback(actor, new SupplierId(id),
				r.purchaseOrderId() == null ? null : new PurchaseOrderId(r.purchaseOrderId()), Money.ofFen(r.amountFen()),
				r.reason()));
	}

	record ChargebackRequest(Long purchaseOrderId, @NotNull @Positive Long amountFen,
			@NotBlank @Size(max = 200) String reason) {
	}
}
