package com.linli.marketing.internal.offers.web;

import java.time.Instant;
import java.util.List;
import java.util.function.Supplier;

import com.linli.identity.Actor;
import com.linli.marketing.Gift;
import com.linli.marketing.ListingId;
import com.linli.marketing.NewGift;
import com.linli.marketing.NewOffer;
import com.linli.marketing.Offer;
import com.linli.marketing.OfferManagement;
import com.linli.network.RegionId;
import com.linli.shared.InvalidInputException;
import com.linli.shared.Money;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;

import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Operators create and stop new-resident offers, 1-yuan offers and gifts with purchase in their regions. */
@RestController
@RequestMapping("/api/admin/marketing")
@PreAuthorize("hasAnyRole('PLATFORM_ADMIN', 'OPERATOR')")
@Tag(name = "offers", description = "新人首单价, 1元购 and 满赠 (operators)")
class OfferRestController {

	private final OfferManagement offers;

	OfferRestController(OfferManagement offers) {
		this.offers = offers;
	}

	@PostMapping("/offers")
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Create a new-resident or 1-yuan offer on a listing", description = "One unit at priceFen "
			+ "(above zero, below the group price). A 1-yuan offer is once per resident ever; audience NEW_RESIDENTS or "
			+ "EVERYONE (default). Dates default to the listing's sales window.")
	OfferView create(Actor actor, @Valid @RequestBody CreateOffer request) {
		return OfferView.of(apiFields(() -> offers.create(actor, new NewOffer(new ListingId(request.listingId()), request.kind(),
				request.audience(), Money.ofFen(request.priceFen()), request.startsAt(), request.endsAt()))));
	}

	@GetMapping("/offers")
	@Operation(summary = "The offers of the operator's regions (or of one)")
	List<OfferView> list(Actor actor, @RequestParam(required = false) Long regionId) {
		return offers.list(actor, regionId).stream().map(OfferView::of).toList();
	}

	@PostMapping("/offers/{id}/deactivate")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	@Operation(summary = "Stop an offer now")
	void deactivate(Actor actor, @PathVariable long id) {
		offers.deactivate(actor, id);
	}

	@PostMapping("/gifts")
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Create a gift with purchase", description = "Orders whose amount after prices and full "
			+ "reductions reaches thresholdFen get the gift (the highest threshold reached).")
	GiftView createGift(Actor actor, @Valid @RequestBody CreateGift request) {
		return GiftView.of(apiFields(() -> offers.createGift(actor, new NewGift(new RegionId(request.regionId()),
				Money.ofFen(request.thresholdFen()), request.giftName(), request.startsAt(), request.endsAt()))));
	}

	@GetMapping("/gifts")
	@Operation(summary = "The gifts with purchase of the operator's regions (or of one)")
	List<GiftView> gifts(Actor actor, @RequestParam(required = false) Long regionId) {
		return offers.gifts(actor, regionId).stream().map(GiftView::of).toList();
	}

	@PostMapping("/gifts/{id}/deactivate")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	@Operation(summary = "Stop a gift with purchase now")
	void deactivateGift(Actor actor, @PathVariable long id) {
		offers.deactivateGift(actor, id);
	}

	static <T> T apiFields(Supplier<T> call) {
		try {
			return call.get();
		}
		catch (InvalidInputException e) {
			if (List.of("price", "threshold").contains(e.field())) {
				throw new InvalidInputException(e.field() + "Fen", e.text());
			}
			throw e;
		}
	}

	record CreateOffer(@NotNull Long listingId, @NotNull Offer.Kind kind, Offer.Audience audience,
			@NotNull @Positive Long priceFen, Instant startsAt, Instant endsAt) {
	}

	record CreateGift(@NotNull Long regionId, @NotNull @Positive Long thresholdFen, @NotBlank @Size(max = 60) String giftName,
			Instant startsAt, @NotNull Instant endsAt) {
	}

	record OfferView(long id, long regionId, long listingId, Offer.Kind kind, Offer.Audience audience, long priceFen,
			Instant startsAt, Instant endsAt, boolean active) {

		static OfferView of(Offer o) {
			return new OfferView(o.id(), o.regionId().value(), o.listingId().value(), o.kind(), o.audience(), o.price().fen(),
					o.startsAt(), o.endsAt(), o.active());
		}
	}

	record GiftView(long id, long regionId, long thresholdFen, String giftName, Instant startsAt, Instant endsAt,
			boolean active) {

		static GiftView of(Gift g) {
			return new GiftView(g.id(), g.regionId().value(), g.threshold().fen(), g.giftName(), g.startsAt(), g.endsAt(),
					g.active());
		}
	}
}
