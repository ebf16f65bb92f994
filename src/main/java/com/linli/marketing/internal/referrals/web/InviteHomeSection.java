package com.linli.marketing.internal.referrals.web;

import java.time.Instant;
import java.time.ZoneId;
import java.util.Optional;

import com.linli.identity.AccountId;
import com.linli.marketing.internal.web.HomeSection;
import com.linli.network.PickupPoint;

import org.springframework.stereotype.Component;

/** A small banner on the storefront's home leading to the invite page. */
@Component
class InviteHomeSection implements HomeSection {

	@Override
	public int position() {
		return 950;
	}

	@Override
	public String template() {
		return "marketing/referrals-home";
	}

	@Override
	public Optional<Object> model(AccountId resident, PickupPoint point, Instant now, ZoneId zone) {
		return Optional.of(Boolean.TRUE);
	}
}
