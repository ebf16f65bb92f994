package com.linli.marketing;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

import com.linli.identity.AccountId;
import com.linli.identity.Actor;
import com.linli.marketing.internal.CouponGrants;
import com.linli.marketing.internal.points.PointsLedger;
import com.linli.marketing.internal.points.PointsShopItems;
import com.linli.network.RegionId;
import com.linli.network.ResidentBindingManagement;
import com.linli.shared.AdminChange;
import com.linli.shared.BusinessRuleException;
import com.linli.shared.InvalidInputException;
import com.linli.shared.NotFoundException;
import com.linli.shared.Text;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The points shop (积分商城): operators list coupons for points in their regions; a resident exchanges
 * points for one. An exchange takes a unit of stock, spends the points and grants the coupon in one
 * transaction (all or nothing), and is keyed by the resident's idempotency key: a retry answers the
 * first exchange and spends nothing more.
 */
@Service
public class PointsShopManagement {

	public static final int MAX_STOCK = 1_000_000;

	public static final long MAX_PRICE = 10_000_000;

	private final PointsShopItems items;

	private final PointsLedger ledger;

	private final CouponGrants coupons;

	private final ApplicationEventPublisher events;

	private final ResidentBindingManagement bindings;

	private final Clock clock;

	PointsShopManagement(PointsShopItems items, PointsLedger ledger, CouponGrants coupons,
			ApplicationEventPublisher events, ResidentBindingManagement bindings, Clock clock) {
		this.bindings = bindings;
		this.items = items;
		this.ledger = ledger;
		this.coupons = coupons;
		this.events = events;
		this.clock = clock;
	}

	@Transactional
	public PointsShopItem list(Actor actor, NewPointsShopItem item) {
		actor.checkRegion(item.regionId().value());
		if (item.name() == null || item.name().isBlank() || item.name().strip().length() > 60) {
			throw new InvalidInputException("name", Text.of("marketing.pointsShop.problem.name"));
		}
		checkTerms(item.pointsPrice(), item.stock());
		PointsShopItem listed = items.insert(item, clock.instant());
		events.publishEvent(new AdminChange(actor.actedBy(), "points-shop.list", "points-shop-item:" + listed.id(),
				listed.name() + " " + listed.pointsPrice() + "pts ×" + listed.stock()));
		return listed;
	}

	@Transactional
	public PointsShopItem update(Actor actor, long id, long pointsPrice, int stock, boolean active) {
		PointsShopItem item = item(id);
		actor.checkRegion(item.regionId().value());
		checkTerms(pointsPrice, stock);
		if (!items.update(id, pointsPrice, stock, active)) {
			throw new BusinessRuleException("stock-below-exchanged", "stock",
					Text.of("marketing.pointsShop.problem.stockBelowExchanged", item(id).exchanged()));
		}
		events.publishEvent(new AdminChange(actor.actedBy(), "points-shop.update", "points-shop-item:" + id,
				pointsPrice + "pts ×" + stock + (active ? "" : " off")));
		return item(id);
	}

	public PointsShopItem item(long id) {
		return items.find(id).orElseThrow(() -> new NotFoundException("points shop item", id));
	}

	/** The region's items: residents see the listed ones, staff of the region all. */
	public List<PointsShopItem> items(Actor actor, RegionId region, boolean listedOnly) {
		if (!listedOnly) {
			actor.checkRegion(region.value());
		}
		return items.inRegion(region, listedOnly);
	}

	/**
	 * The resident exchanges points for the item. Refused (409, nothing changed) when it is sold out or
	 * not listed ("itemId") or the balance is short ("points"); the same key again answers the first
	 * exchange. Only items of the resident's own region (their pickup point's) may be exchanged.
	 */
	@Transactional
	public PointsExchange exchange(Actor actor, long itemId, String key) {
		AccountId resident = actor.requireAccount();
		if (key == null || key.isBlank() || key.length() > 64) {
			throw new InvalidInputException("idempotencyKey", Text.of("marketing.pointsShop.problem.key"));
		}
		PointsShopItem item = item(itemId);
		if (!bindings.cachedPickupPointOf(resident).map(p -> p.regionId().equals(item.regionId())).orElse(false)) {
			// only the shop of the resident's own region: another region's item is not there for them
			throw new NotFoundException("points shop item", itemId);
		}
		Instant now = clock.instant();
		var created = items.insertExchange(itemId, resident, key, item.pointsPrice(), now);
		if (created.isEmpty()) {
			return items.exchange(resident, key).orElseThrow();
		}
		long id = created.get();
		if (!items.takeOne(itemId)) {
			throw new BusinessRuleException("sold-out", "itemId", Text.of("marketing.pointsShop.problem.soldOut", item.name()));
		}
		ledger.spend(resident, item.pointsPrice(), Text.of("marketing.points.reason.shop", item.name()),
				"points-shop:" + id, now);
		long coupon = coupons.grant(resident, item.couponTemplateId(), "points-shop:" + id, now);
		items.setCoupon(id, coupon);
		return items.exchange(resident, key).orElseThrow();
	}

	public List<PointsExchange> exchanges(Actor actor, int limit) {
		return items.exchanges(actor.requireAccount(), limit);
	}

	private static void checkTerms(long pointsPrice, int stock) {
		if (pointsPrice <= 0 || pointsPrice > MAX_PRICE) {
			throw new InvalidInputException("pointsPrice", Text.of("marketing.pointsShop.problem.price", MAX_PRICE));
		}
		if (stock < 0 || stock > MAX_STOCK) {
			throw new InvalidInputException("stock", Text.of("marketing.pointsShop.problem.stock", MAX_STOCK));
		}
	}
}
