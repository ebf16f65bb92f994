package com.linli.shared;

import java.time.Instant;

/**
 * One thing a shopper did on the storefront, for funnels and active users: what ({@link Kind}), who (the resident's
 * account id, null when anonymous), where (pickup point and region ids, either may be null when unknown: the
 * recorder fills them from the resident's pickup point), through which client, on which listing and SKU (null when
 * the event is not about one product), the search query and its number of results, the order (checkout and payment)
 * and when. Plain ids: {@code shared} knows no module's types.
 */
public record TrackedEvent(Kind kind, Instant at, Long residentId, Long pickupPointId, Long regionId, Client client,
		Long listingId, Long skuId, Long orderId, String query, Integer results) {

	/** The longest search query kept; longer ones are cut. */
	public static final int QUERY_MAX = 50;

	public TrackedEvent {
		java.util.Objects.requireNonNull(kind, "kind");
		java.util.Objects.requireNonNull(at, "at");
		java.util.Objects.requireNonNull(client, "client");
		if (query != null && query.length() > QUERY_MAX) {
			query = query.substring(0, QUERY_MAX);
		}
	}

	/** What happened; the code is what the table keeps (a smallint), never reorder. */
	public enum Kind {

		PAGE_VIEW(1), SEARCH(2), PRODUCT_VIEW(3), ADD_TO_CART(4), CHECKOUT(5), PAYMENT(6), SHARE_OPEN(7);

		private final int code;

		Kind(int code) {
			this.code = code;
		}

		public int code() {
			return code;
		}

		public static Kind of(int code) {
			for (var k : values()) {
				if (k.code == code) {
					return k;
				}
			}
			throw new IllegalArgumentException("no tracked event kind " + code);
		}
	}

	/**
	 * The storefront the shopper used: the mobile H5 pages or the API (the mini-program); {@code SERVER} for what the
	 * platform records itself (a payment, applied from the provider's notification).
	 */
	public enum Client {

		H5(1), API(2), SERVER(3);

		private final int code;

		Client(int code) {
			this.code = code;
		}

		public int code() {
			return code;
		}

		public static Client of(int code) {
			return code == 1 ? H5 : code == 2 ? API : SERVER;
		}
	}

	public static TrackedEvent of(Kind kind, Instant at, Long residentId, Client client) {
		return new TrackedEvent(kind, at, residentId, null, null, client, null, null, null, null, null);
	}

	public TrackedEvent at(Long pickupPointId, Long regionId) {
		return new TrackedEvent(kind, at, residentId, pickupPointId, regionId, client, listingId, skuId, orderId, query,
				results);
	}

	public TrackedEvent product(Long listingId, Long skuId) {
		return new TrackedEvent(kind, at, residentId, pickupPointId, regionId, client, listingId, skuId, orderId, query,
				results);
	}

	public TrackedEvent order(Long orderId) {
		return new TrackedEvent(kind, at, residentId, pickupPointId, regionId, client, listingId, skuId, orderId, query,
				results);
	}

	public TrackedEvent search(String query, int results) {
		return new TrackedEvent(kind, at, residentId, pickupPointId, regionId, client, listingId, skuId, orderId, query,
				results);
	}
}
