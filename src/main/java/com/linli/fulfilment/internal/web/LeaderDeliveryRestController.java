package com.linli.fulfilment.internal.web;

import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.linli.fulfilment.DeliveryManagement;
import com.linli.fulfilment.Receipt;
import com.linli.fulfilment.internal.SortingLists.PointList;
import com.linli.identity.Actor;
import com.linli.network.PickupPoint;
import com.linli.ordering.Order;
import com.linli.ordering.OrderLine;
import com.linli.ordering.OrderLineId;
import com.linli.shared.InvalidInputException;
import com.linli.shared.NotFoundException;
import com.linli.shared.Text;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * The leader's pickup point (the one they run, 403 for anyone else): the goods expected on a pickup
 * date, the receipt (what is missing or damaged is refunded at once), and the sorting list with its
 * pickup codes.
 */
@RestController
@RequestMapping("/api/fulfilment/my-point")
@PreAuthorize("hasRole('LEADER')")
@Tag(name = "leader delivery", description = "Receipt at the leader's pickup point (到货确认) and its sorting list")
class LeaderDeliveryRestController {

	private final DeliveryManagement deliveries;

	private final FulfilmentViews views;

	LeaderDeliveryRestController(DeliveryManagement deliveries, FulfilmentViews views) {
		this.deliveries = deliveries;
		this.views = views;
	}

	@GetMapping("/{date}")
	@Operation(summary = "Goods expected at my pickup point on a pickup date: per product and per order, and receipts")
	MyPointView get(@PathVariable @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date, Actor actor) {
		return MyPointView.of(myPoint(deliveries, views, date, actor));
	}

	@PostMapping("/{date}/receipt")
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Confirm the goods arrived; shortages (missing or damaged units per order line) are refunded")
	ReceiptView receive(@PathVariable @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date,
			@Valid @RequestBody ReceiptRequest request, Actor actor) {
		PickupPoint point = deliveries.myPickupPoint(actor);
		Map<OrderLineId, Integer> shortages = new HashMap<>();
		if (request.shortages() != null) {
			for (int i = 0; i < request.shortages().size(); i++) {
				var s = request.shortages().get(i);
				if (shortages.put(new OrderLineId(s.orderLineId()), s.quantity()) != null) {
					throw new InvalidInputException("shortages[" + i + "].orderLineId",
							Text.of("fulfilment.problem.orderLineListedTwice"));
				}
			}
		}
		return ReceiptView.of(deliveries.receive(point.id(), date, shortages, request.reason(), actor));
	}

	@GetMapping("/{date}/sorting-list")
	@Operation(summary = "My pickup point's sorting list from the cutoff: products, then orders with codes and lines")
	PointList sortingList(@PathVariable @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date, Actor actor) {
		PickupPoint point = deliveries.myPickupPoint(actor);
		return views.leaderList(point, date).orElseThrow(() -> new NotFoundException("sorting list for", date));
	}

	@GetMapping("/{date}/sorting-list.pdf")
	@Operation(summary = "My pickup point's sorting list as a printable PDF")
	ResponseEntity<byte[]> sortingListPdf(@PathVariable @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date, Actor actor) {
		PickupPoint point = deliveries.myPickupPoint(actor);
		var list = views.leaderList(point, date).orElseThrow(() -> new NotFoundException("sorting list for", date));
		return views.pointListFile(views.runFor(point, date).orElseThrow(), list, "pdf");
	}

	static MyPoint myPoint(DeliveryManagement deliveries, FulfilmentViews views, LocalDate date, Actor actor) {
		PickupPoint point = deliveries.myPickupPoint(actor);
		return MyPoint.of(point, date, views.runFor(point, date).orElse(null), deliveries.ordersAt(point.id(), date, actor),
				deliveries.receipts(point.id(), date));
	}

	record ShortageRequest(@NotNull Long orderLineId, @NotNull @Min(0) @Max(99) Integer quantity) {
	}

	record ReceiptRequest(@Size(max = 2000) List<@Valid @NotNull ShortageRequest> shortages, @Size(max = 200) String reason) {
	}

	record ReceiptView(long id, long pickupPointId, LocalDate pickupDate, Instant receivedAt, int ordersReady,
			int ordersCancelled, int shortLines, int shortUnits, long refundedFen, String reason, String reasonCode) {

		/** The reason in the caller's language; its message code, or null for a reason the leader typed. */
		static ReceiptView of(Receipt r) {
			Text reason = Text.fromStored(r.reason());
			return new ReceiptView(r.id(), r.pickupPointId().value(), r.pickupDate(), r.receivedAt(), r.ordersReady(),
					r.ordersCancelled(), r.shortLines(), r.shortUnits(), r.refunded().fen(),
					reason == null ? null : reason.inReadersLanguage(), reason == null ? null : reason.code());
		}
	}

	record LineView(long orderLineId, long skuId, String skuName, String spec, String unit, int quantity,
			int refundedQuantity, int remainingQuantity) {

		static LineView of(OrderLine l) {
			return new LineView(l.id().value(), l.skuId().value(), l.skuName(), l.spec(), l.unit(), l.quantity(),
					l.refundedQuantity(), l.remainingQuantity());
		}
	}

	record OrderView(long orderId, String orderNo, String status, String recipientName, String phoneTail,
			String pickupCode, List<LineView> lines) {

		static OrderView of(Order o) {
			String phone = o.recipientPhone() == null ? "" : o.recipientPhone();
			return new OrderView(o.id().value(), o.orderNo(), o.status().name(), o.recipientName(),
					phone.length() <= 4 ? phone : phone.substring(phone.length() - 4), o.pickupCode(),
					o.lines().stream().map(LineView::of).toList());
		}
	}

	record ProductView(long skuId, String skuName, String spec, String unit, int units) {
	}

	record MyPointView(long pickupPointId, String pickupPointName, String address, LocalDate pickupDate,
			String cutoffStatus, int ordersToReceive, int ordersReceived, int ordersAwaitingCutoff, int unitsToReceive,
			List<ProductView> products, List<OrderView> orders, List<ReceiptView> receipts) {

		static MyPointView of(MyPoint p) {
			var orders = new java.util.ArrayList<OrderView>();
			p.toReceive().forEach(o -> orders.add(OrderView.of(o)));
			p.received().forEach(o -> orders.add(OrderView.of(o)));
			return new MyPointView(p.point().id().value(), p.point().name(), p.point().address(), p.pickupDate(),
					p.run() == null ? null : p.run().status().name(), p.toReceive().size(), p.received().size(),
					p.awaitingCutoff(), p.unitsToReceive(),
					p.products().stream().map(x -> new ProductView(x.skuId(), x.skuName(), x.spec(), x.unit(), x.units()))
						.toList(),
					orders, p.receipts().stream().map(ReceiptView::of).toList());
		}
	}
}
