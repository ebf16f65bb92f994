package com.linli.marketing.internal.posters.web;

import java.time.format.DateTimeFormatter;
import java.util.Optional;

import com.linli.identity.Actor;
import com.linli.identity.CurrentUser;
import com.linli.marketing.ListingId;
import com.linli.marketing.ReferralManagement;
import com.linli.marketing.Storefront;
import com.linli.marketing.StorefrontItem;
import com.linli.marketing.internal.posters.Poster;
import com.linli.marketing.internal.posters.PosterRenderer;
import com.linli.network.PickupPoint;
import com.linli.network.ResidentBindingManagement;
import com.linli.shared.NotFoundException;
import com.linli.shared.Text;

import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * Share posters a resident saves and sends to the community chat: a product's (name, price, the
 * resident's pickup point and the pickup date) and the invitation's; each with a QR code of the
 * resident's invite link, which leads the scanning friend to the product after the invitation.
 */
@Controller
class PosterController {

	private final PosterRenderer renderer;

	private final Storefront storefront;

	private final ReferralManagement referrals;

	private final ResidentBindingManagement bindings;

	PosterController(PosterRenderer renderer, Storefront storefront, ReferralManagement referrals,
			ResidentBindingManagement bindings) {
		this.renderer = renderer;
		this.storefront = storefront;
		this.referrals = referrals;
		this.bindings = bindings;
	}

	@GetMapping(value = "/shop/listings/{id}/poster.png", produces = MediaType.IMAGE_PNG_VALUE)
	ResponseEntity<byte[]> listingPoster(@PathVariable long id, Actor actor) {
		StorefrontItem item = storefront.item(new ListingId(id)).orElseThrow(() -> new NotFoundException("listing", id));
		String code = referrals.codeOf(actor);
		Optional<PickupPoint> point = myPoint();
		var listPrice = item.listing().listPrice();
		var poster = new Poster(item.sku().productName(), item.sku().spec(), item.listing().groupPrice().toString(),
				listPrice == null ? null : listPrice.toString(), point.map(PickupPoint::name).orElse(null),
				Text.of("marketing.poster.pickupOn", DateTimeFormatter.ISO_LOCAL_DATE.format(item.listing().pickupDate()))
					.inReadersLanguage(),
				Text.of("marketing.poster.scanToBuy", code).inReadersLanguage(), inviteUrl(code) + "?listing=" + id);
		return png(renderer.png(poster));
	}

	@GetMapping(value = "/shop/invite/poster.png", produces = MediaType.IMAGE_PNG_VALUE)
	ResponseEntity<byte[]> invitePoster(Actor actor) {
		String code = referrals.codeOf(actor);
		Optional<PickupPoint> point = myPoint();
		var poster = new Poster(Text.of("marketing.poster.inviteHeadline").inReadersLanguage(),
				Text.of("marketing.poster.inviteSubline").inReadersLanguage(), null, null,
				point.map(PickupPoint::name).orElse(null), point.map(PickupPoint::address).orElse(null),
				Text.of("marketing.poster.inviteCode", code).inReadersLanguage(), inviteUrl(code));
		return png(renderer.png(poster));
	}

	/** The absolute invite link of a code, on the host the resident reached us by. */
	static String inviteUrl(String code) {
		return ServletUriComponentsBuilder.fromCurrentContextPath().path("/shop/invite/{code}").buildAndExpand(code)
			.toUriString();
	}

	private Optional<PickupPoint> myPoint() {
		return bindings.pickupPointOf(CurrentUser.require().id());
	}

	private static ResponseEntity<byte[]> png(byte[] bytes) {
		return ResponseEntity.ok().contentType(MediaType.IMAGE_PNG)
			.cacheControl(CacheControl.maxAge(java.time.Duration.ofMinutes(5)).cachePrivate())
			.body(bytes);
	}
}
