package com.linli.ordering.internal.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.linli.identity.AccountId;
import com.linli.identity.Actor;
import com.linli.marketing.ListingId;
import com.linli.marketing.PriceQuote;
import com.linli.ordering.OrderItem;
import com.linli.ordering.PriceQuoteManagement;
import com.linli.shared.InvalidInputException;
import com.linli.shared.Text;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * The checkout preview: what an order would cost now under every promotion that applies, explained
 * line by line, computed as placing the order computes it (the same engine, the same prices). A resident
 * asks for their cart or given listings; an operator asks for a resident of their region.
 */
@RestController
@Tag(name = "price quotes", description = "Checkout preview: the price engine's quote with its explanation")
class PriceQuoteRestController {

	private final PriceQuoteManagement quotes;

	PriceQuoteRestController(PriceQuoteManagement quotes) {
		this.quotes = quotes;
	}

	@PostMapping("/api/marketing/price-quotes")
	@PreAuthorize("isAuthenticated()")
	@Operation(summary = "What the caller would pay for these items (none: what a checkout of their cart orders), "
			+ "with the coupon choice (couponId, or coupon \"best\"/\"none\"), points and team; changes nothing")
	QuoteView quote(Actor actor, @RequestBody(required = false) QuoteRequest request) {
		var r = request == null ? new QuoteRequest(null, null, null, null, null, null) : request;
		return QuoteView.of(quotes.forResident(actor.requireAccount(), items(r.items()),
				PromotionFields.coupon(r.couponId(), r.coupon()), PromotionFields.points(r.points()),
				PromotionFields.team(r.teamId(), r.openTeam())));
	}

	@PostMapping("/api/admin/marketing/price-quotes")
	@PreAuthorize("hasAnyRole('PLATFORM_ADMIN', 'OPERATOR')")
	@Operation(summary = "What a resident of the operator's region would pay for these items (none: their cart)")
	QuoteView preview(Actor actor, @RequestBody OperatorQuoteRequest request) {
		if (request.residentId() == null) {
			throw new InvalidInputException("residentId", "is required");
		}
		return QuoteView.of(quotes.forOperator(actor, new AccountId(request.residentId()), items(request.items()),
				PromotionFields.coupon(request.couponId(), request.coupon()), PromotionFields.points(request.points()),
				PromotionFields.team(request.teamId(), request.openTeam())));
	}

	static List<OrderItem> items(List<OrderRestController.ItemRequest> items) {
		if (items == null) {
			return null;
		}
		return items.stream()
			.map(i -> i == null || i.listingId() == null ? new OrderItem(null, i == null ? 0 : i.quantity())
					: new OrderItem(new ListingId(i.listingId()), i.quantity()))
			.toList();
	}

	/** A resident's preview: {@code items} (absent: the cart) and the promotion choices of a submit. */
	record QuoteRequest(List<OrderRestController.ItemRequest> items, Long couponId, String coupon, Long points,
			Long teamId, Boolean openTeam) {
	}

	/** An operator's preview: the resident, {@code items} (absent: the resident's cart) and the choices. */
	record OperatorQuoteRequest(Long residentId, List<OrderRestController.ItemRequest> items, Long couponId,
			String coupon, Long points, Long teamId, Boolean openTeam) {
	}

	/**
	 * The quote: each line at group price with its share of each deduction by kind and what is left to
	 * pay; the explanation (one line per deduction, in the reader's language); notes; the totals.
	 */
	record QuoteView(List<QuotedLineView> lines, List<DeductionView> deductions, List<String> notes, long subtotalFen,
			long discountFen, long payableFen, Long couponId, long pointsUsed) {

		static QuoteView of(PriceQuote q) {
			return new QuoteView(q.lines().stream().map(QuotedLineView::of).toList(),
					q.deductions().stream().map(DeductionView::of).toList(),
					q.notes().stream().map(Text::inReadersLanguage).toList(), q.subtotal().fen(), q.discount().fen(),
					q.payable().fen(), q.couponId(), q.pointsUsed());
		}
	}

	record QuotedLineView(long listingId, int quantity, long unitPriceFen, long amountFen,
			Map<String, Long> discountsFen, long payableFen) {

		static QuotedLineView of(PriceQuote.QuotedLine l) {
			Map<String, Long> discounts = new LinkedHashMap<>();
			new java.util.TreeMap<>(l.shares()).forEach((kind, share) -> discounts.put(kind.name(), share.fen()));
			return new QuotedLineView(l.listing().value(), l.quantity(), l.unitPrice().fen(), l.amount().fen(),
					discounts, l.payable().fen());
		}
	}

	/** One line of the explanation: its kind, what granted it, the words shown and the amount. */
	record DeductionView(String kind, String kindLabel, String reference, String label, long amountFen) {

		static DeductionView of(PriceQuote.Deduction d) {
			return new DeductionView(d.kind().name(), Text.of("marketing.engine.kind." + d.kind().name()).inReadersLanguage(),
					d.reference(), d.label().inReadersLanguage(), d.amount().fen());
		}
	}
}
