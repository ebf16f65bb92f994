package com.linli.ordering.internal.web;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import com.linli.identity.Actor;
import com.linli.ordering.Order;
import com.linli.ordering.OrderId;
import com.linli.ordering.OrderLineId;
import com.linli.ordering.OrderRefund;
import com.linli.ordering.OrderSupportManagement;
import com.linli.ordering.StaffRefundReason;
import com.linli.ordering.internal.web.OrderRestController.LineView;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * The operator's actions on one order (refund a line, cancel before cutoff, internal note), each
 * audited; an operator reaches only the orders of their regions.
 */
@RestController
@PreAuthorize("hasAnyRole('PLATFORM_ADMIN', 'OPERATOR')")
@Tag(name = "order support", description = "Operators: one order, line refunds, cancellation, internal notes")
class ConsoleOrderRestController {

	private final OrderSupportManagement support;

	ConsoleOrderRestController(OrderSupportManagement support) {
		this.support = support;
	}

	@GetMapping("/api/admin/orders/{id}")
	@Operation(summary = "One order with its refunds (in a region the caller manages)")
	StaffOrderView get(@PathVariable long id, Actor actor) {
		return view(actor, support.get(actor, new OrderId(id)));
	}

	@PostMapping("/api/admin/orders/{id}/lines/{lineId}/refund")
	@Operation(summary = "Refund units of a line at the price paid; idempotent by Idempotency-Key")
	StaffOrderView refund(@PathVariable long id, @PathVariable long lineId,
			@Parameter(description = "unique per refund; a retry with the same key refunds nothing more")
			@RequestHeader("Idempotency-Key") String idempotencyKey, @Valid @RequestBody RefundRequest request,
			Actor actor) {
		return view(actor, support.refundLine(actor, new OrderId(id), new OrderLineId(lineId), request.quantity(), request.reason(),
				idempotencyKey));
	}

	@PostMapping("/api/admin/orders/{id}/cancel")
	@Operation(summary = "Cancel before cutoff (a paid order is refunded in full); a cancelled order is answered as it is")
	StaffOrderView cancel(@PathVariable long id, Actor actor) {
		return view(actor, support.cancel(actor, new OrderId(id)));
	}

	@PostMapping("/api/admin/orders/{id}/notes")
	@Operation(summary = "Write an internal note on the order's timeline (seen by staff only)")
	StaffOrderView note(@PathVariable long id, @Valid @RequestBody NoteRequest request, Actor actor) {
		return view(actor, support.addNote(actor, new OrderId(id), request.text()));
	}

	private StaffOrderView view(Actor actor, Order o) {
		return new StaffOrderView(o.id().value(), o.orderNo(), o.status().name(), o.regionId().value(),
				o.pickupPointId().value(), o.pickupDate(), o.total().fen(), o.paid().fen(), o.refunded().fen(),
				o.note(), o.lines().stream().map(LineView::of).toList(),
				support.refunds(actor, o.id()).stream().map(RefundView::of).toList());
	}

	record RefundRequest(@Min(1) @Max(99) int quantity, @NotNull StaffRefundReason reason) {
	}

	record NoteRequest(@NotBlank @Size(max = OrderSupportManagement.NOTE_MAX) String text) {
	}

	record StaffOrderView(long id, String orderNo, String status, long regionId, long pickupPointId,
			LocalDate pickupDate, long totalFen, long paidFen, long refundedFen, String note, List<LineView> lines,
			List<RefundView> refunds) {
	}

	record RefundView(Long lineId, int quantity, long amountFen, String reason, String status, Instant requestedAt) {

		static RefundView of(OrderRefund r) {
			return new RefundView(r.lineId() == null ? null : r.lineId().value(), r.quantity(), r.amount().fen(),
					r.reason(), r.status(), r.requestedAt());
		}
	}
}
