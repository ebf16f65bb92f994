package com.linli.fulfilment.internal.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.linli.identity.Actor;
import com.linli.shared.Money;

import com.linli.fulfilment.DeliveryHandoverManagement;
import com.linli.fulfilment.DeliveryManagement;
import com.linli.fulfilment.Receipt;
import com.linli.fulfilment.ReceiptPhotoManagement;
import com.linli.fulfilment.ReceiptPhotoManagement.Photo;
import com.linli.network.PickupPoint;
import com.linli.ordering.OrderLineId;
import com.linli.shared.BusinessRuleException;
import com.linli.shared.InvalidInputException;
import com.linli.shared.Money;
import com.linli.shared.NotFoundException;

import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The leader's phone pages for the goods of a day: receipt (到货确认: everything arrived, or what is
 * missing or damaged per order line) and the sorting list with pickup codes. They open on today in
 * the region's zone, with yesterday and tomorrow one tap away. Units reported missing are not refunded
 * at once: a confirmation step sums up the units and amounts to refund and takes a photo of them.
 */
@Controller
class LeaderDeliveryPageController {

	private final DeliveryManagement deliveries;

	private final FulfilmentViews views;

	private final ReceiptPhotoManagement photos;

	private final DeliveryHandoverManagement handovers;

	LeaderDeliveryPageController(DeliveryManagement deliveries, FulfilmentViews views, ReceiptPhotoManagement photos,
			DeliveryHandoverManagement handovers) {
		this.handovers = handovers;
		this.deliveries = deliveries;
		this.views = views;
		this.photos = photos;
	}

	@GetMapping("/leader/receipt")
	String receipt(@RequestParam(required = false) String date, Model model, Actor actor) {
		PickupPoint point = deliveries.myPickupPoint(actor);
		LocalDate day = day(point, date);
		show(model, point, day, actor);
		return "fulfilment/leader-receipt";
	}

	@PostMapping("/leader/receipt")
	String receive(@RequestParam String date, @RequestParam(required = false) String reason,
			@RequestParam(defaultValue = "false") boolean confirmed, @RequestParam(defaultValue = "false") boolean back,
			@RequestParam(required = false) MultipartFile photo, @RequestParam Map<String, String> form, Model model,
			RedirectAttributes redirect, Actor actor) {
		PickupPoint point = deliveries.myPickupPoint(actor);
		LocalDate day = day(point, date);
		Map<OrderLineId, Integer> shortages = new LinkedHashMap<>();
		Map<String, String> errors = new HashMap<>();
		form.forEach((name, value) -> {
			if (name.startsWith("short-") && value != null && !value.isBlank()) {
				try {
					int quantity = Integer.parseInt(value.trim());
					if (quantity < 0 || quantity > 99) {
						errors.put(name, "range");
					}
					else if (quantity > 0) {
						shortages.put(new OrderLineId(Long.parseLong(name.substring(6))), quantity);
					}
				}
				catch (NumberFormatException e) {
					errors.put(name, "range");
				}
			}
		});
		if (errors.isEmpty() && !back && !shortages.isEmpty() && !confirmed) {
			// nothing is refunded before the leader has seen what will be, and may add a photo
			return confirmation(model, point, day, shortages, form, null, actor);
		}
		if (errors.isEmpty() && !back) {
			Photo picture = null;
			if (photo != null && !photo.isEmpty()) {
				picture = new Photo(photo.getContentType(), bytes(photo));
				try {
					photos.check(picture);
				}
				catch (InvalidInputException e) {
					return confirmation(model, point, day, shortages, form, "fulfilment.photo.invalid", actor);
				}
			}
			try {
				Receipt receipt = photos.receive(point.id(), day, shortages, reason, picture, actor);
				redirect.addFlashAttribute("received", receipt);
				return "redirect:/leader/receipt?date=" + day;
			}
			catch (InvalidInputException e) {
				// shortages.<line id> names the line whose quantity is wrong
				errors.put(e.field().startsWith("shortages.") ? "short-" + e.field().substring(10) : e.field(),
						e.getMessage());
			}
			catch (BusinessRuleException e) {
				redirect.addFlashAttribute("failure", e.getMessage());
				return "redirect:/leader/receipt?date=" + day;
			}
		}
		redirect.addFlashAttribute("errors", errors);
		redirect.addFlashAttribute("typed", form);
		return "redirect:/leader/receipt?date=" + day;
	}

	private String confirmation(Model model, PickupPoint point, LocalDate day, Map<OrderLineId, Integer> shortages,
			Map<String, String> form, String photoError, Actor actor) {
		MyPoint my = show(model, point, day, actor);
		Map<OrderLineId, MyPoint.Item> items = new HashMap<>();
		my.products().forEach(p -> p.items().forEach(i -> items.put(i.line().id(), i)));
		List<ShortageSummary.Line> lines = new ArrayList<>();
		int units = 0;
		Money amount = Money.ZERO;
		for (var entry : shortages.entrySet()) {
			var item = items.get(entry.getKey());
			if (item == null) {
				continue; // not a line still to receive: the service says so when confirmed
			}
			Money refund = item.line().unitPrice().times(entry.getValue());
			lines.add(new ShortageSummary.Line(item.order(), item.line(), entry.getValue(), refund));
			units += entry.getValue();
			amount = amount.plus(refund);
		}
		model.addAttribute("confirm", new ShortageSummary(lines, units, amount));
		model.addAttribute("typed", form);
		model.addAttribute("photoError", photoError);
		return "fulfilment/leader-receipt";
	}

	private MyPoint show(Model model, PickupPoint point, LocalDate day, Actor actor) {
		MyPoint my = LeaderDeliveryRestController.myPoint(deliveries, views, day, actor);
		model.addAttribute("my", my);
		model.addAttribute("photoReceipts", photos.withPhoto(my.receipts().stream().map(Receipt::id).toList()));
		// the driver's hand-over (logistics), if any: the leader counts and confirms below
		model.addAttribute("handover", handovers.handover(point.id(), day).orElse(null));
		days(model, point, day);
		return my;
	}

	private static byte[] bytes(MultipartFile file) {
		try {
			return file.getBytes();
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	@GetMapping("/leader/sorting")
	String sorting(@RequestParam(required = false) String date, Model model, Actor actor) {
		PickupPoint point = deliveries.myPickupPoint(actor);
		LocalDate day = day(point, date);
		model.addAttribute("point", point);
		model.addAttribute("run", views.runFor(point, day).orElse(null));
		model.addAttribute("list", views.leaderList(point, day).orElse(null));
		days(model, point, day);
		return "fulfilment/leader-sorting";
	}

	@GetMapping("/leader/sorting.pdf")
	ResponseEntity<byte[]> sortingPdf(@RequestParam String date, Actor actor) {
		PickupPoint point = deliveries.myPickupPoint(actor);
		LocalDate day = day(point, date);
		var list = views.leaderList(point, day).orElseThrow(() -> new NotFoundException("sorting list for", day));
		return views.pointListFile(views.runFor(point, day).orElseThrow(), list, "pdf");
	}

	private void days(Model model, PickupPoint point, LocalDate day) {
		LocalDate today = views.today(views.regionOf(point));
		model.addAttribute("day", day);
		model.addAttribute("today", today);
		model.addAttribute("point", point);
	}

	private LocalDate day(PickupPoint point, String date) {
		if (date == null || date.isBlank()) {
			return views.today(views.regionOf(point));
		}
		try {
			return LocalDate.parse(date.trim());
		}
		catch (DateTimeParseException e) {
			// a mistyped date in the address: show today rather than an error page
			return views.today(views.regionOf(point));
		}
	}
}
