package com.linli.marketing.internal.points.web;

import java.time.Instant;
import java.time.ZoneId;
import java.util.Optional;

import com.linli.identity.AccountId;
import com.linli.marketing.CheckInManagement;
import com.linli.marketing.internal.web.HomeSection;
import com.linli.network.PickupPoint;

import org.springframework.stereotype.Component;

/** The check-in strip on the storefront home: the streak, today's points, a button to check in. */
@Component
class CheckInHomeSection implements HomeSection {

	private final CheckInManagement checkIns;

	CheckInHomeSection(CheckInManagement checkIns) {
		this.checkIns = checkIns;
	}

	@Override
	public int position() {
		return 50;
	}

	@Override
	public String template() {
		return "marketing/points-home";
	}

	@Override
	public Optional<Object> model(AccountId resident, PickupPoint point, Instant now, ZoneId zone) {
		return Optional.of(checkIns.status(resident, now.atZone(zone).toLocalDate()));
	}
}
