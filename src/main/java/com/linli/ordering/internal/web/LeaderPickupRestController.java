package com.linli.ordering.internal.web;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import com.linli.identity.CurrentUser;
import com.linli.ordering.OrderDeliveryManagement;
import com.linli.ordering.Order;
import com.linli.ordering.OrderLine;
import com.linli.ordering.OrderLineId;
import com.linli.ordering.internal.PickupPointOrders;
import com.linli.ordering.internal.PickupPointOrders.Counts;
import com.linli.ordering.internal.PickupPointOrders.Filter;
import com.linli.shared.Page;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The leader app at the pickup point: look up and hand out orders by pickup code or QR content
 * (核销), and the pickup point's orders of a day. Scoped to the pickup point the leader runs.
 */
@RestController
@Validated
@PreAuthorize("hasRole('LEADER')")
@Tag(name = "leader pickups", description = "Pickup verification (核销) and the pickup point's orders (leaders)")
class LeaderPickupRestController {

	private final OrderDeliveryManagement fulfilment;

	private final PickupPointOrders pointOrders;

	private final KeptPickupPoints points;

	LeaderPickupRestController(OrderDeliveryManagement fulfilment, PickupPointOrders pointOrders, KeptPickupPoints points) {
		this.fulfilment = fulfilment;
		this.pointOrders = pointOrders;
		this.points = points;
	}

	@GetMapping("/api/leader/pickups/{pickupCode}")
	@PreAuthorize("hasAnyRole('LEADER', 'VERIFIER')")
	@Operation(summary = "The order holding a pickup code at the leader's pickup point, before handing it out",
			description = "Errors (409, by code): pickup-code-wrong, pickup-code-used, pickup-code-other-point, not-ready, qr-order-mismatch")
	LeaderOrderView lookUp(@PathVariable String pickupCode) {
		var point = points.require();
		var scanned = ScannedCode.parse(pickupCode);
		var order = fulfilment.orderToHandOut(point.id(), scanned.code());
		scanned.checkMatches(order);
		return LeaderOrderView.of(order);
	}

	@PostMapping("/api/leader/pickups")
	@PreAuthorize("hasAnyRole('LEADER', 'VERIFIER')")
	@Operation(summary = "Hand out an order by its pickup code (or the QR's content): every remaining line, or only lineIds",
			description = "Errors (409, by code): pickup-code-wrong, pickup-code-used, pickup-code-other-point, not-ready, qr-order-mismatch, nothing-to-hand-out")
	PickupResult handOut(@Valid @RequestBody PickupRequest request) {
		var point = points.require();
		var scanned = ScannedCode.parse(request.pickupCode());
		var before = fulfilment.orderToHandOut(point.id(), scanned.code());
		scanned.checkMatches(before);
		List<OrderLineId> lines = request.lineIds() == null || request.lineIds().isEmpty()
				? before.lines().stream().filter(l -> l.remainingQuantity() > 0).map(OrderLine::id).toList()
				: request.lineIds().stream().map(OrderLineId::new).toList();
		var after = fulfilment.verifyPickup(point.id(), scanned.code(), lines, CurrentUser.require().id());
		List<HandedOutLine> handedOut = new ArrayList<>();
		for (OrderLine line : after.lines()) {
			int earlier = before.lines().stream().filter(l -> l.id().equals(line.id()))
				.mapToInt(OrderLine::pickedUpQuantity).findFirst().orElse(0);
			if (line.pickedUpQuantity() > earlier) {
				int quantity = line.pickedUpQuantity() - earlier;
				handedOut.add(new HandedOutLine(line.id().value(), line.skuName(), quantity,
						line.unitPrice().times(quantity).fen()));
			}
		}
		return new PickupResult(after.status().name().equals("PICKED_UP"), handedOut, LeaderOrderView.of(after));
	}

	@GetMapping("/api/leader/orders")
	@Operation(summary = "The pickup point's orders of a pickup date (default today), by status, searched by phone tail, code, order number or name")
	LeaderOrders orders(
			@Parameter(description = "pickup date, yyyy-MM-dd; default today in the region")
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date,
			@RequestParam(defaultValue = "ALL") Filter status, @RequestParam(required = false) String q,
			@RequestParam(defaultValue = "0") @Min(0) int page,
			@RequestParam(defaultValue = "50") @Min(1) @Max(200) int size) {
		var point = points.require();
		LocalDate day = date == null ? points.today(point) : date;
		var found = pointOrders.search(point.id(), day, status, q, page, size);
		var totals = pointOrders.totals(point.id(), day, status, q);
		return new LeaderOrders(point.id().value(), point.name(), day, status, pointOrders.counts(point.id(), day),
				new Totals(totals.orders(), totals.units(), totals.amount().fen()),
				new Page<>(found.items().stream().map(LeaderOrderView::of).toList(), found.total(), found.page(),
						found.size()));
	}

	record PickupRequest(
			@Parameter(description = "the six-digit code, or the QR's content LINLI-PICKUP:<code>:<orderNo>")
			@NotBlank @Size(max = 80) String pickupCode,
			@Parameter(description = "hand out only these lines; empty or absent: every remaining line")
			@Size(max = 100) List<@NotNull Long> lineIds) {
	}

	record PickupResult(boolean complete, List<HandedOutLine> handedOut, LeaderOrderView order) {
	}

	record HandedOutLine(long lineId, String skuName, int quantity, long amountFen) {
	}

	record LeaderOrders(long pickupPointId, String pickupPointName, LocalDate date, Filter status, Counts counts,
			Totals totals, Page<LeaderOrderView> orders) {
	}

	record Totals(long orders, long units, long amountFen) {
	}

	record LeaderOrderView(long id, String orderNo, String status, String pickupCode, String recipientName,
			String recipientPhone, LocalDate pickupDate, long paidFen, long refundedFen, Instant readyAt,
			Instant pickedUpAt, int remainingUnits, String note, List<LeaderLineView> lines) {

		static LeaderOrderView of(Order o) {
			return new LeaderOrderView(o.id().value(), o.orderNo(), o.status().name(), o.pickupCode(),
					o.recipientName(), o.recipientPhone(), o.pickupDate(), o.paid().fen(), o.refunded().fen(),
					o.readyAt(), o.pickedUpAt(), o.lines().stream().mapToInt(OrderLine::remainingQuantity).sum(),
					o.note(), o.lines().stream().map(LeaderLineView::of).toList());
		}
	}

	record LeaderLineView(long id, String skuName, String spec, String unit, long unitPriceFen, int quantity,
			int refundedQuantity, int pickedUpQuantity, int remainingQuantity, long amountFen) {

		static LeaderLineView of(OrderLine l) {
			return new LeaderLineView(l.id().value(), l.skuName(), l.spec(), l.unit(), l.unitPrice().fen(),
					l.quantity(), l.refundedQuantity(), l.pickedUpQuantity(), l.remainingQuantity(), l.amount().fen());
		}
	}
}
