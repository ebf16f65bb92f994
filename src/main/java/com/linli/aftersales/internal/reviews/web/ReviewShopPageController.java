package com.linli.aftersales.internal.reviews.web;

import com.linli.shared.web.UploadedImages;
import java.util.List;

import com.linli.aftersales.NewReview;
import com.linli.aftersales.ReviewManagement;
import com.linli.catalog.ProductId;
import com.linli.identity.Actor;
import com.linli.ordering.OrderId;
import com.linli.ordering.OrderLine;
import com.linli.ordering.OrderLineId;
import com.linli.ordering.OrderManagement;
import com.linli.shared.BusinessRuleException;

import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The resident's side of reviews on the phone: the reviews block of a product page (loaded by htmx), the "评价"
 * link of a picked-up order line, the review form, and "my reviews".
 */
@Controller
class ReviewShopPageController {

	private final ReviewManagement reviews;

	private final OrderManagement orders;

	ReviewShopPageController(ReviewManagement reviews, OrderManagement orders) {
		this.reviews = reviews;
		this.orders = orders;
	}

	@GetMapping("/shop/reviews/products/{productId}")
	String productBlock(@PathVariable long productId, Model model) {
		var product = new ProductId(productId);
		model.addAttribute("rating", reviews.ratingOf(product));
		model.addAttribute("reviews", reviews.visibleOf(product, 10));
		model.addAttribute("productId", productId);
		return "aftersales/reviews-product :: block";
	}

	@GetMapping("/shop/reviews/orders/{orderId}/lines/{lineId}/link")
	String lineLink(Actor actor, @PathVariable long orderId, @PathVariable long lineId, Model model) {
		var order = orders.getFor(actor.requireAccount(), new OrderId(orderId));
		OrderLine line = order.line(new OrderLineId(lineId), "lineId");
		boolean reviewable = reviews.reviewableLines(actor, order.id()).stream().anyMatch(l -> l.id().equals(line.id()));
		model.addAttribute("orderId", orderId);
		model.addAttribute("lineId", lineId);
		model.addAttribute("reviewable", reviewable);
		model.addAttribute("reviewed", !reviewable && line.pickedUpQuantity() > 0);
		return "aftersales/reviews-mine :: lineLink";
	}

	@GetMapping("/shop/reviews/new")
	String form(Actor actor, @RequestParam long orderId, @RequestParam long lineId, Model model) {
		var order = orders.getFor(actor.requireAccount(), new OrderId(orderId));
		model.addAttribute("order", order);
		model.addAttribute("line", order.line(new OrderLineId(lineId), "lineId"));
		return "aftersales/reviews-form";
	}

	@PostMapping("/shop/reviews")
	String post(Actor actor, @RequestParam long orderId, @RequestParam long lineId,
			@RequestParam(required = false) Integer productStars, @RequestParam(required = false) Integer leaderStars,
			@RequestParam(required = false) String text,
			@RequestPart(name = "photos", required = false) List<MultipartFile> photos, Model model,
			RedirectAttributes redirect) {
		try {
			reviews.post(actor, new NewReview(new OrderId(orderId), new OrderLineId(lineId),
					productStars == null ? 0 : productStars, leaderStars, text, UploadedImages.of(photos)));
		}
		catch (BusinessRuleException e) {
			var order = orders.getFor(actor.requireAccount(), new OrderId(orderId));
			model.addAttribute("order", order);
			model.addAttribute("line", order.line(new OrderLineId(lineId), "lineId"));
			model.addAttribute("error", e.getMessage());
			model.addAttribute("productStars", productStars);
			model.addAttribute("leaderStars", leaderStars);
			model.addAttribute("text", text);
			return "aftersales/reviews-form";
		}
		redirect.addFlashAttribute("posted", true);
		return "redirect:/shop/reviews";
	}

	@GetMapping("/shop/reviews")
	String mine(Actor actor, Model model) {
		model.addAttribute("reviews", reviews.mine(actor));
		return "aftersales/reviews-mine";
	}

	@GetMapping("/shop/reviews/photos/{photoId}")
	ResponseEntity<byte[]> photo(Actor actor, @PathVariable long photoId) {
		return ReviewViews.photo(reviews.photo(actor, photoId, ReviewManagement.PhotoReader.PUBLIC));
	}
}
