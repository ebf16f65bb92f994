package com.linli.ordering.internal.web;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import com.linli.catalog.SkuManagement;
import com.linli.identity.AccountId;
import com.linli.identity.Actor;
import com.linli.marketing.ListingId;
import com.linli.marketing.ListingManagement;
import com.linli.marketing.PriceQuote;
import com.linli.ordering.OrderItem;
import com.linli.ordering.PriceQuoteManagement;
import com.linli.shared.BusinessRuleException;
import com.linli.shared.NotFoundException;
import com.linli.shared.Text;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The console's price preview: what a resident of the operator's region would pay now for a cart (their
 * own, or listings typed in as "id×quantity" lines), with every deduction explained, computed as placing
 * the order computes it. A read: a GET whose address can be shared.
 */
@Controller
@PreAuthorize("hasAnyRole('PLATFORM_ADMIN', 'OPERATOR')")
class PricePreviewPageController {

	private static final Pattern ITEM = Pattern.compile("\\s*(\\d{1,18})\\s*[×xX*]\\s*(\\d{1,2})\\s*");

	private final PriceQuoteManagement quotes;

	private final ListingManagement listings;

	private final SkuManagement catalog;

	PricePreviewPageController(PriceQuoteManagement quotes, ListingManagement listings, SkuManagement catalog) {
		this.quotes = quotes;
		this.listings = listings;
		this.catalog = catalog;
	}

	@GetMapping("/console/promotions/preview")
	String preview(Actor actor, @RequestParam(required = false) Long residentId,
			@RequestParam(required = false) String items, @RequestParam(defaultValue = "best") String coupon,
			@RequestParam(required = false) Long couponId, @RequestParam(required = false) Long points, Model model) {
		model.addAttribute("residentId", residentId);
		model.addAttribute("items", items == null ? "" : items);
		model.addAttribute("coupon", coupon);
		model.addAttribute("couponId", couponId);
		model.addAttribute("points", points);
		if (residentId != null) {
			try {
				PriceQuote quote = quotes.forOperator(actor, new AccountId(residentId), items(items),
						PromotionFields.coupon(couponId, couponId == null ? coupon : null), PromotionFields.points(points), null);
				model.addAttribute("quote", quote);
				model.addAttribute("names", names(quote));
			}
			catch (BusinessRuleException | NotFoundException e) {
				model.addAttribute("failure", e.getMessage());
			}
		}
		return "marketing/engine-preview";
	}

	/** "12×2" lines (× or x or *); blank: the resident's cart. */
	private static List<OrderItem> items(String text) {
		if (text == null || text.isBlank()) {
			return null;
		}
		List<OrderItem> items = new ArrayList<>();
		for (String line : text.split("[\\n,;]+")) {
			if (line.isBlank()) {
				continue;
			}
			var m = ITEM.matcher(line);
			if (!m.matches()) {
				throw new com.linli.shared.InvalidInputException("items", Text.of("marketing.engine.preview.badItems"));
			}
			items.add(new OrderItem(new ListingId(Long.parseLong(m.group(1))), Integer.parseInt(m.group(2))));
		}
		return items;
	}

	/** The product name of each quoted listing, for the table. */
	private Map<Long, String> names(PriceQuote quote) {
		Map<Long, String> names = new HashMap<>();
		for (var line : quote.lines()) {
			var listing = listings.get(line.listing());
			var sku = catalog.getSku(listing.skuId());
			names.put(line.listing().value(), sku.productName() + " " + sku.spec());
		}
		return names;
	}
}
