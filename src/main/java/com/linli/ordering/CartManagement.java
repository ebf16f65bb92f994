package com.linli.ordering;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import com.linli.identity.AccountId;
import com.linli.marketing.Listing;
import com.linli.marketing.CouponChoice;
import com.linli.marketing.ListingId;
import com.linli.marketing.PriceQuote;
import com.linli.marketing.TeamIntent;
import com.linli.marketing.ListingManagement;
import com.linli.marketing.ListingStatus;
import com.linli.catalog.SkuManagement;
import com.linli.shared.BusinessRuleException;
import com.linli.shared.InvalidInputException;
import com.linli.shared.NotFoundException;
import com.linli.shared.Text;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The resident's cart (购物车): collect listings, then check out into one order per pickup date. */
@Service
public class CartManagement {

	private final JdbcClient jdbc;

	private final ListingManagement listings;

	private final SkuManagement catalog;

	private final OrderManagement orders;

	private final OrderPlacementManagement placement;

	private final Clock clock;

	CartManagement(JdbcClient jdbc, ListingManagement listings, SkuManagement catalog, OrderManagement orders,
			OrderPlacementManagement placement, Clock clock) {
		this.placement = placement;
		this.jdbc = jdbc;
		this.listings = listings;
		this.catalog = catalog;
		this.orders = orders;
		this.clock = clock;
	}

	/** Adds units of a listing (added to what is already in the cart, at most 99). */
	@Transactional
	public Cart add(AccountId resident, ListingId listingId, int quantity) {
		if (quantity < 1 || quantity > 99) {
			throw new InvalidInputException("quantity", "must be between 1 and 99");
		}
		Listing listing = openListing(listingId);
		jdbc.sql("""
				insert into ordering.cart_item (resident_id, listing_id, quantity, added_at) values (?, ?, least(?, ?), ?)
				on conflict (resident_id, listing_id)
				do update set quantity = least(cart_item.quantity + excluded.quantity, ?)""")
			.params(resident.value(), listing.id().value(), quantity, 99, Timestamp.from(clock.instant()), 99).update();
		return view(resident);
	}

	/** Sets the quantity of a listing in the cart; zero removes it. */
	@Transactional
	public Cart set(AccountId resident, ListingId listingId, int quantity) {
		if (quantity < 0 || quantity > 99) {
			throw new InvalidInputException("quantity", "must be between 0 and 99");
		}
		if (quantity == 0) {
			jdbc.sql("delete from ordering.cart_item where resident_id = ? and listing_id = ?")
				.params(resident.value(), listingId.value()).update();
		}
		else {
			int n = jdbc.sql("update ordering.cart_item set quantity = ? where resident_id = ? and listing_id = ?")
				.params(quantity, resident.value(), listingId.value()).update();
			if (n == 0) {
				return add(resident, listingId, quantity);
			}
		}
		return view(resident);
	}

	public Cart view(AccountId resident) {
		record Row(long listingId, int quantity) {
		}
		var rows = jdbc.sql("select listing_id, quantity from ordering.cart_item where resident_id = ? order by added_at")
			.param(resident.value()).query((rs, n) -> new Row(rs.getLong(1), rs.getInt(2))).list();
		Instant now = clock.instant();
		List<Cart.Item> items = new ArrayList<>();
		for (Row row : rows) {
			Listing listing;
			try {
				listing = listings.get(new ListingId(row.listingId()));
			}
			catch (NotFoundException e) {
				continue;
			}
			var sku = catalog.getSku(listing.skuId());
			String problem = null;
			int remaining = listing.stockCap() - listing.sold();
			if (listing.status() != ListingStatus.ACTIVE || !now.isBefore(listing.cutoffAt())) {
				problem = Text.of("ordering.cart.closed").inReadersLanguage();
			}
			else if (now.isBefore(listing.opensAt())) {
				problem = Text.of("ordering.cart.notOpenYet").inReadersLanguage();
			}
			else if (remaining <= 0) {
				problem = Text.of("ordering.cart.soldOut").inReadersLanguage();
			}
			else if (row.quantity() > remaining) {
				problem = Text.of("ordering.cart.onlyLeft", remaining).inReadersLanguage();
			}
			else if (row.quantity() > listing.perResidentLimit()) {
				problem = Text.of("ordering.cart.limit", listing.perResidentLimit()).inReadersLanguage();
			}
			items.add(new Cart.Item(listing.id(), sku.productName(), sku.spec(), sku.unit(), sku.imageUrl(),
					listing.groupPrice(), listing.listPrice(), row.quantity(), listing.perResidentLimit(),
					Math.max(remaining, 0), listing.pickupDate(), listing.cutoffAt(), problem));
		}
		return new Cart(items);
	}

	/**
	 * Checks out the orderable items of the earliest pickup date into one order (idempotent by key);
	 * those items leave the cart, the rest stay.
	 */
	public Order checkout(AccountId resident, String idempotencyKey) {
		return checkout(resident, idempotencyKey, null);
	}

	/**
	 * As {@link #checkout(AccountId, String)}, with the resident's note to the leader. A retry with the key
	 * of a checkout that went through answers with its order (the cart no longer holds those items).
	 */
	public Order checkout(AccountId resident, String idempotencyKey, String note) {
		return checkout(resident, idempotencyKey, note, CouponChoice.best(), 0, null);
	}

	/**
	 * As {@link #checkout(AccountId, String, String)}, with the resident's promotion choices: the coupon
	 * (best, none or chosen), the points to spend and the group-buy team (null: none).
	 */
	public Order checkout(AccountId resident, String idempotencyKey, String note, CouponChoice coupon, long points,
			TeamIntent team) {
		var earlier = orders.placedWith(resident, idempotencyKey);
		if (earlier.isPresent()) {
			return earlier.get();
		}
		Order order = placement.place(new PlaceOrder(resident, idempotencyKey, itemsToOrder(resident), note, coupon,
				points, team));
		Long[] ordered = order.lines().stream().map(l -> l.listingId().value()).toArray(Long[]::new);
		jdbc.sql("delete from ordering.cart_item where resident_id = ? and listing_id = any(?)")
			.params(resident.value(), ordered).update();
		return order;
	}

	/**
	 * What a checkout of the resident's cart would cost now with these choices, explained: the quote
	 * the order would be placed at ({@link OrderPlacementManagement#quote}).
	 */
	public PriceQuote quoteCheckout(AccountId resident, CouponChoice coupon, long points, TeamIntent team) {
		return placement.quote(new PlaceOrder(resident, null, itemsToOrder(resident), null, coupon, points, team));
	}

	private List<OrderItem> itemsToOrder(AccountId resident) {
		return toOrder(view(resident)).stream().map(i -> new OrderItem(i.listingId(), i.quantity())).toList();
	}

	/**
	 * What a checkout of this cart would order: the orderable items of the earliest pickup date (for the
	 * review step before paying).
	 */
	public List<Cart.Item> toOrder(Cart cart) {
		var orderable = cart.items().stream().filter(Cart.Item::orderable).toList();
		if (orderable.isEmpty()) {
			throw new BusinessRuleException("cart-empty", "items", Text.of("ordering.problem.nothingCartCanOrderedNow"));
		}
		var date = orderable.stream().map(Cart.Item::pickupDate).min(Comparator.naturalOrder()).orElseThrow();
		return orderable.stream().filter(i -> i.pickupDate().equals(date)).toList();
	}

	private Listing openListing(ListingId id) {
		Listing listing;
		try {
			listing = listings.get(id);
		}
		catch (NotFoundException e) {
			throw new InvalidInputException("listingId", Text.of("ordering.problem.noSuchListing"));
		}
		Instant now = clock.instant();
		if (listing.status() != ListingStatus.ACTIVE || now.isBefore(listing.opensAt())
				|| !now.isBefore(listing.cutoffAt())) {
			throw new BusinessRuleException("listing-closed", "listingId", Text.of("ordering.problem.listingNotOpenNow"));
		}
		return listing;
	}
}
