package com.linli.marketing.internal.points.web;

import java.util.List;

import com.linli.identity.Actor;
import com.linli.marketing.NewPointsShopItem;
import com.linli.marketing.PointsShopItem;
import com.linli.marketing.PointsShopManagement;
import com.linli.network.RegionId;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;

import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Operators list coupons for points in the points shop of their regions. */
@RestController
@RequestMapping("/api/admin/marketing/points-shop/items")
@PreAuthorize("hasAnyRole('PLATFORM_ADMIN', 'OPERATOR')")
@Tag(name = "points-shop", description = "积分商城: items of a region (operators)")
class PointsShopAdminRestController {

	private final PointsShopManagement shop;

	PointsShopAdminRestController(PointsShopManagement shop) {
		this.shop = shop;
	}

	@PostMapping
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "List an item: a coupon of a template for points, with a stock")
	PointsShopItem list(Actor actor, @Valid @RequestBody NewItem request) {
		return shop.list(actor, new NewPointsShopItem(new RegionId(request.regionId()), request.name(),
				request.couponTemplateId(), request.pointsPrice(), request.stock()));
	}

	@PutMapping("/{id}")
	@Operation(summary = "Change an item's price, stock (never below what was exchanged) or whether it is listed",
			description = "An omitted field keeps its value.")
	PointsShopItem update(Actor actor, @PathVariable long id, @Valid @RequestBody ItemChanges request) {
		PointsShopItem item = shop.item(id);
		actor.checkRegion(item.regionId().value());
		return shop.update(actor, id, request.pointsPrice() == null ? item.pointsPrice() : request.pointsPrice(),
				request.stock() == null ? item.stock() : request.stock(),
				request.active() == null ? item.active() : request.active());
	}

	@GetMapping("/{id}")
	@Operation(summary = "One item (in the operator's regions)")
	PointsShopItem get(Actor actor, @PathVariable long id) {
		PointsShopItem item = shop.item(id);
		actor.checkRegion(item.regionId().value());
		return item;
	}

	@GetMapping
	@Operation(summary = "The items of a region, listed ones first")
	List<PointsShopItem> items(Actor actor, @RequestParam long regionId) {
		return shop.items(actor, new RegionId(regionId), false);
	}

	record NewItem(@NotNull Long regionId, @NotBlank @Size(max = 60) String name, @NotNull Long couponTemplateId,
			@Positive long pointsPrice, @PositiveOrZero int stock) {
	}

	record ItemChanges(@Positive Long pointsPrice, @PositiveOrZero Integer stock, Boolean active) {
	}
}
