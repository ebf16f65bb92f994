package com.linli.ordering;

import java.util.List;

import com.linli.identity.AccountId;
import com.linli.identity.AccountManagement;
import com.linli.identity.Actor;
import com.linli.marketing.CouponChoice;
import com.linli.marketing.PriceQuote;
import com.linli.marketing.TeamIntent;
import com.linli.network.ResidentBindingManagement;
import com.linli.shared.BusinessRuleException;
import com.linli.shared.Text;

import org.springframework.stereotype.Service;

/**
 * What a resident would pay now, explained, before they order (the checkout preview) and for an operator
 * ("what would this resident pay for this cart"). The quote is computed exactly as placement computes it
 * ({@link OrderPlacementManagement#quote}): same pickup point, listings, group prices and price engine. The
 * resident's cart lives in ordering (marketing sits below it), so the preview is served here.
 */
@Service
public class PriceQuoteManagement {

	private final OrderPlacementManagement placement;

	private final CartManagement carts;

	private final ResidentBindingManagement network;

	private final AccountManagement accounts;

	PriceQuoteManagement(OrderPlacementManagement placement, CartManagement carts, ResidentBindingManagement network,
			AccountManagement accounts) {
		this.placement = placement;
		this.carts = carts;
		this.network = network;
		this.accounts = accounts;
	}

	/** The resident's quote for these items, or for what a checkout of their cart would order ({@code items} null). */
	public PriceQuote forResident(AccountId resident, List<OrderItem> items, CouponChoice coupon, long points,
			TeamIntent team) {
		if (items == null) {
			// the choices are checked before the cart is read (a bad value is named whatever the cart holds)
			placement.checkChoices(new PlaceOrder(resident, null, List.of(), null, coupon, points, team));
			return carts.quoteCheckout(resident, coupon, points, team);
		}
		return placement.quote(new PlaceOrder(resident, null, items, null, coupon, points, team));
	}

	/**
	 * An operator's preview for a resident of one of their regions (the region of the resident's pickup
	 * point): another region's resident is refused as not allowed.
	 */
	public PriceQuote forOperator(Actor actor, AccountId resident, List<OrderItem> items, CouponChoice coupon,
			long points, TeamIntent team) {
		accounts.get(resident);
		var point = network.cachedPickupPointOf(resident)
			.orElseThrow(() -> new BusinessRuleException("no-pickup-point", "residentId",
					Text.of("ordering.problem.choosePickupPointFirst")));
		actor.checkRegion(point.regionId().value());
		return forResident(resident, items, coupon, points, team);
	}
}
