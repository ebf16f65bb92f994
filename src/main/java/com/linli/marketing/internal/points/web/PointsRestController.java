package com.linli.marketing.internal.points.web;

import java.time.Instant;
import java.util.List;

import com.linli.identity.Actor;
import com.linli.marketing.CheckIn;
import com.linli.marketing.CheckInManagement;
import com.linli.marketing.PointsEntry;
import com.linli.marketing.PointsExchange;
import com.linli.marketing.PointsManagement;
import com.linli.marketing.PointsShopItem;
import com.linli.marketing.PointsShopManagement;
import com.linli.network.ResidentBindingManagement;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** A resident's points, daily check-in and the points shop of their region (the mini-program's back end). */
@RestController
@RequestMapping("/api/marketing")
@Tag(name = "points", description = "积分, 签到, 积分商城: the caller's own points")
class PointsRestController {

	private final PointsManagement points;

	private final CheckInManagement checkIns;

	private final PointsShopManagement shop;

	private final ResidentBindingManagement bindings;

	PointsRestController(PointsManagement points, CheckInManagement checkIns, PointsShopManagement shop,
			ResidentBindingManagement bindings) {
		this.points = points;
		this.checkIns = checkIns;
		this.shop = shop;
		this.bindings = bindings;
	}

	@GetMapping("/points")
	@Operation(summary = "The caller's points: balance, what it is worth, the rules and the latest 50 entries")
	PointsView points(Actor actor) {
		var s = points.summary(actor, actor.requireAccount());
		return new PointsView(s.balance(), s.worth().fen(), s.pointsPerYuan(), s.capPercent(), s.earnPerYuan(),
				s.entries().stream().map(EntryView::of).toList());
	}

	@GetMapping("/check-in")
	@Operation(summary = "The caller's check-in today: done or not, the streak, the points of the next check-in")
	CheckIn checkInToday(Actor actor) {
		return checkIns.today(actor);
	}

	@PostMapping("/check-in")
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Check in today (签到)", description = "Once per day of the caller's region; every seventh "
			+ "day in a row gives more points. 409 checked-in-today (field day) for a second check-in.")
	CheckIn checkIn(Actor actor) {
		return checkIns.checkIn(actor);
	}

	@GetMapping("/points-shop/items")
	@Operation(summary = "The points shop of the caller's region (empty before they choose a pickup point)")
	List<PointsShopItem> shopItems(Actor actor) {
		return bindings.cachedPickupPointOf(actor.requireAccount())
			.map(p -> shop.items(actor, p.regionId(), true)).orElse(List.of());
	}

	@PostMapping("/points-shop/items/{id}/exchange")
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Exchange points for an item", description = "Spends the points and grants the coupon at once. "
			+ "The same idempotencyKey again answers the first exchange. 409 sold-out (itemId), "
			+ "points-above-balance (points).")
	PointsExchange exchange(Actor actor, @PathVariable long id, @Valid @RequestBody ExchangeRequest request) {
		return shop.exchange(actor, id, request.idempotencyKey());
	}

	@GetMapping("/points-shop/exchanges")
	@Operation(summary = "The caller's latest exchanges")
	List<PointsExchange> exchanges(Actor actor) {
		return shop.exchanges(actor, 50);
	}

	record ExchangeRequest(@NotBlank @Size(max = 64) String idempotencyKey) {
	}

	record PointsView(long balance, long worthFen, long pointsPerYuan, int capPercent, long earnPerYuan,
			List<EntryView> entries) {
	}

	record EntryView(long id, String kind, long points, String reason, String reasonCode, Instant at) {

		static EntryView of(PointsEntry e) {
			return new EntryView(e.id(), e.kind().name(), e.signedPoints(), e.reason().inReadersLanguage(),
					e.reason().code(), e.at());
		}
	}
}
