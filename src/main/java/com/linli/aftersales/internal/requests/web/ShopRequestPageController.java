package com.linli.aftersales.internal.requests.web;

import org.springframework.http.CacheControl;
import com.linli.shared.web.UploadedImages;
import java.util.List;

import com.linli.aftersales.AfterSalesManagement;
import com.linli.aftersales.AfterSalesRequestId;
import com.linli.aftersales.NewRequest;
import com.linli.aftersales.RequestKind;
import com.linli.aftersales.RequestReason;
import com.linli.identity.Actor;
import com.linli.ordering.Order;
import com.linli.ordering.OrderId;
import com.linli.ordering.OrderLine;
import com.linli.ordering.OrderLineId;
import com.linli.ordering.OrderManagement;
import com.linli.ordering.OrderReplacementManagement;
import com.linli.shared.BusinessRuleException;

import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The resident's after-sales pages on the phone: the request form with photos, my requests, one with its thread. */
@Controller
class ShopRequestPageController {

	private final AfterSalesManagement requests;

	private final OrderManagement orders;

	private final OrderReplacementManagement replacements;

	ShopRequestPageController(AfterSalesManagement requests, OrderManagement orders,
			OrderReplacementManagement replacements) {
		this.requests = requests;
		this.orders = orders;
		this.replacements = replacements;
	}

	@GetMapping("/shop/aftersales/new")
	String form(@RequestParam long orderId, @RequestParam long lineId, Actor actor, Model model) {
		return form(actor, orderId, lineId, model, null, null);
	}

	@PostMapping("/shop/aftersales")
	String submit(@RequestParam long orderId, @RequestParam long lineId, @RequestParam(required = false) String kind,
			@RequestParam(required = false) String reason, @RequestParam(required = false) String quantity,
			@RequestParam(required = false) String description, @RequestParam(required = false) String submitKey,
			@RequestParam(name = "photos", required = false) List<MultipartFile> photos, Actor actor, Model model) {
		try {
			var id = requests.submit(actor, new NewRequest(new OrderId(orderId), new OrderLineId(lineId),
					Uploads.kind(kind), Uploads.reason(reason), Uploads.quantity(quantity), description,
					UploadedImages.of(photos), submitKey));
			return "redirect:/shop/aftersales/" + id.value();
		}
		catch (BusinessRuleException e) {
			return form(actor, orderId, lineId, model, e.field(), e.getMessage());
		}
	}

	@GetMapping("/shop/aftersales")
	String mine(Actor actor, Model model) {
		model.addAttribute("rows", requests.mine(actor));
		return "aftersales/requests-shop-list";
	}

	@GetMapping("/shop/aftersales/{id}")
	String one(@PathVariable long id, Actor actor, Model model) {
		model.addAttribute("view", requests.view(actor, new AfterSalesRequestId(id)));
		return "aftersales/requests-shop-detail";
	}

	@PostMapping("/shop/aftersales/{id}/answer")
	String answer(@PathVariable long id, @RequestParam(required = false) String text,
			@RequestParam(name = "photos", required = false) List<MultipartFile> photos, Actor actor,
			RedirectAttributes redirect) {
		try {
			requests.answer(actor, new AfterSalesRequestId(id), text, UploadedImages.of(photos));
		}
		catch (BusinessRuleException e) {
			redirect.addFlashAttribute("error", e.getMessage());
		}
		return "redirect:/shop/aftersales/" + id;
	}

	@PostMapping("/shop/aftersales/{id}/withdraw")
	String withdraw(@PathVariable long id, Actor actor, RedirectAttributes redirect) {
		try {
			requests.withdraw(actor, new AfterSalesRequestId(id));
		}
		catch (BusinessRuleException e) {
			redirect.addFlashAttribute("error", e.getMessage());
		}
		return "redirect:/shop/aftersales/" + id;
	}

	@GetMapping("/shop/aftersales/{id}/photos/{photoId}")
	ResponseEntity<byte[]> photo(@PathVariable long id, @PathVariable long photoId, Actor actor) {
		return UploadedImages.served(requests.photo(actor, new AfterSalesRequestId(id), photoId), CacheControl.noStore());
	}

	private String form(Actor actor, long orderId, long lineId, Model model, String field, String error) {
		Order order = orders.getFor(actor.requireAccount(), new OrderId(orderId));
		OrderLine line = order.line(new OrderLineId(lineId), "lineId");
		model.addAttribute("order", order);
		model.addAttribute("line", line);
		model.addAttribute("max", Math.max(1, line.pickedUpQuantity() > 0 ? line.pickedUpQuantity() : line.remainingQuantity()));
		// an exchange only when a coming delivery has the product (a listing with units left)
		boolean exchange = replacements.replacementListing(order.id(), line.id(), 1).isPresent();
		model.addAttribute("kinds", exchange ? List.of(RequestKind.REFUND_ONLY, RequestKind.RETURN_AND_REFUND,
				RequestKind.EXCHANGE) : List.of(RequestKind.REFUND_ONLY, RequestKind.RETURN_AND_REFUND));
		model.addAttribute("reasons", RequestReason.values());
		model.addAttribute("submitKey", java.util.UUID.randomUUID().toString());
		model.addAttribute("errorField", field);
		model.addAttribute("error", error);
		return "aftersales/requests-shop-form";
	}
}
