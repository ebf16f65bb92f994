package com.linli.ordering;

import java.util.List;
import com.linli.identity.AccountId;
import com.linli.marketing.ListingId;
import com.linli.marketing.TeamIntent;
import com.linli.marketing.CouponChoice;
import org.springframework.stereotype.Service;

/**
 * A resident's one-item order that opens or joins a group-buy team (the shop's team buttons, the demo): the
 * order submit with the team intent, so that the engine prices it at the team price and a full team undoes it.
 */
@Service
public class TeamOrderManagement {

	private final OrderPlacementManagement placement;

	TeamOrderManagement(OrderPlacementManagement placement) {
		this.placement = placement;
	}

	/** Places one unit of the listing with the team intent; a refusal (full team, closed, sold out) changes nothing. */
	public Order place(AccountId resident, String key, ListingId listingId, TeamIntent team) {
		return placement.place(new PlaceOrder(resident, key, List.of(new OrderItem(listingId, 1)), null,
				CouponChoice.best(), 0, team));
	}
}
