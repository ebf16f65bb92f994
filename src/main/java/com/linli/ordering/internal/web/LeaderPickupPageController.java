package com.linli.ordering.internal.web;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import com.linli.identity.CurrentUser;
import com.linli.ordering.OrderDeliveryManagement;
import com.linli.ordering.Order;
import com.linli.ordering.OrderLine;
import com.linli.ordering.OrderLineId;
import com.linli.ordering.internal.PickupPointOrders;
import com.linli.ordering.internal.PickupPointOrders.Filter;
import com.linli.shared.BusinessRuleException;
import com.linli.shared.InvalidInputException;
import com.linli.shared.Text;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.MessageSource;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The leader's phone pages at the pickup point: hand out an order by its pickup code or QR (核销),
 * whole or line by line, and the day's orders with their status.
 */
@Controller
class LeaderPickupPageController {

	private final OrderDeliveryManagement fulfilment;

	private final PickupPointOrders pointOrders;

	private final KeptPickupPoints points;

	private final MessageSource messages;

	LeaderPickupPageController(OrderDeliveryManagement fulfilment, PickupPointOrders pointOrders, KeptPickupPoints points,
			MessageSource messages) {
		this.fulfilment = fulfilment;
		this.pointOrders = pointOrders;
		this.points = points;
		this.messages = messages;
	}

	@GetMapping("/leader/pickup")
	String pickup(@RequestParam(required = false) String code, Model model, Locale locale,
			HttpServletResponse response) {
		var found = points.find();
		if (found.isEmpty()) {
			return noPoint("pickup", model, response);
		}
		var point = found.get();
		model.addAttribute("point", point);
		var zone = points.zone(point);
		var today = points.today(point);
		model.addAttribute("waiting", pointOrders.waiting(point.id()));
		model.addAttribute("pickedToday", pointOrders.pickedUpBetween(point.id(), today.atStartOfDay(zone).toInstant(),
				today.plusDays(1).atStartOfDay(zone).toInstant()));
		model.addAttribute("code", code == null ? "" : code.strip());
		if (code != null && !code.isBlank()) {
			var scanned = ScannedCode.parse(code);
			try {
				var order = fulfilment.orderToHandOut(point.id(), scanned.code());
				scanned.checkMatches(order);
				model.addAttribute("order", order);
			}
			catch (BusinessRuleException e) {
				if (!model.containsAttribute("error")) {
					model.addAttribute("error", error(e, locale));
				}
			}
		}
		return "ordering/leader-pickup";
	}

	@PostMapping("/leader/pickup")
	String handOut(@RequestParam String code, @RequestParam long orderId,
			@RequestParam(name = "lineId", required = false) List<Long> lineIds,
			@RequestParam(defaultValue = "all") String mode, Locale locale, RedirectAttributes flash) {
		var point = points.require();
		var scanned = ScannedCode.parse(code);
		String again = UriComponentsBuilder.fromPath("/leader/pickup").queryParam("code", code.strip()).encode().build()
			.toUriString();
		try {
			var before = fulfilment.orderToHandOut(point.id(), scanned.code());
			scanned.checkMatches(before);
			if (before.id().value() != orderId) {
				throw new BusinessRuleException("order-changed", "pickupCode",
						Text.of("ordering.problem.codeNowBelongsAnotherOrderLook"));
			}
			List<OrderLineId> lines;
			if ("selected".equals(mode)) {
				if (lineIds == null || lineIds.isEmpty()) {
					throw new InvalidInputException("lineId", Text.of("ordering.problem.tickItemsHandOut"));
				}
				lines = lineIds.stream().map(OrderLineId::new).toList();
			}
			else {
				lines = before.lines().stream().filter(l -> l.remainingQuantity() > 0).map(OrderLine::id).toList();
			}
			var after = fulfilment.verifyPickup(point.id(), scanned.code(), lines, CurrentUser.require().id());
			flash.addFlashAttribute("handedOut", handedOut(before, after));
			flash.addFlashAttribute("handedOutOrderNo", after.orderNo());
			flash.addFlashAttribute("complete", after.status().name().equals("PICKED_UP"));
			return after.status().name().equals("PICKED_UP") ? "redirect:/leader/pickup" : "redirect:" + again;
		}
		catch (BusinessRuleException e) {
			flash.addFlashAttribute("error", error(e, locale));
			return "redirect:" + again;
		}
	}

	@GetMapping("/leader/orders")
	String orders(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date,
			@RequestParam(defaultValue = "TO_PICK_UP") Filter status, @RequestParam(required = false) String q,
			@RequestParam(defaultValue = "0") int page, Model model, HttpServletResponse response) {
		var found = points.find();
		if (found.isEmpty()) {
			return noPoint("orders", model, response);
		}
		var point = found.get();
		LocalDate today = points.today(point);
		LocalDate day = date == null ? today : date;
		String query = q == null ? "" : q.strip();
		model.addAttribute("point", point);
		model.addAttribute("today", today);
		model.addAttribute("date", day);
		model.addAttribute("days", List.of(today.minusDays(1), today, today.plusDays(1)));
		model.addAttribute("status", status);
		model.addAttribute("filters", Filter.values());
		model.addAttribute("q", query);
		model.addAttribute("counts", pointOrders.counts(point.id(), day));
		try {
			model.addAttribute("page", pointOrders.search(point.id(), day, status, query, Math.max(page, 0), 30));
			model.addAttribute("totals", pointOrders.totals(point.id(), day, status, query));
		}
		catch (InvalidInputException e) {
			model.addAttribute("qError", e.getMessage());
			model.addAttribute("page", pointOrders.search(point.id(), day, status, "", 0, 30));
			model.addAttribute("totals", pointOrders.totals(point.id(), day, status, ""));
		}
		model.addAttribute("pageUrl", UriComponentsBuilder.fromPath("/leader/orders").queryParam("date", day)
			.queryParam("status", status).queryParam("q", query).encode().build().toUriString());
		return "ordering/leader-orders";
	}

	private String noPoint(String tab, Model model, HttpServletResponse response) {
		response.setStatus(HttpServletResponse.SC_FORBIDDEN);
		model.addAttribute("tab", tab);
		return "ordering/leader-no-point";
	}

	private PickupError error(BusinessRuleException e, Locale locale) {
		String code = e.code().equals("invalid-input") ? "invalid-" + e.field() : e.code();
		return new PickupError(code, messages.getMessage("pickup.error." + code, null, e.getMessage(), locale));
	}

	private static List<HandedOut> handedOut(Order before, Order after) {
		List<HandedOut> result = new ArrayList<>();
		for (OrderLine line : after.lines()) {
			int earlier = before.lines().stream().filter(l -> l.id().equals(line.id()))
				.mapToInt(OrderLine::pickedUpQuantity).findFirst().orElse(0);
			if (line.pickedUpQuantity() > earlier) {
				result.add(new HandedOut(line.skuName(), line.spec(), line.pickedUpQuantity() - earlier));
			}
		}
		return result;
	}

	/** Why an order could not be found or handed out: a stable code and the text for the leader. */
	record PickupError(String code, String message) {
	}

	/** Units of one line just handed out. */
	record HandedOut(String skuName, String spec, int quantity) {
	}
}
