package com.linli.marketing.internal.controls.web;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;

import com.linli.identity.AccountId;
import com.linli.marketing.MarketClosedDayManagement;
import com.linli.marketing.internal.web.HomeSection;
import com.linli.network.PickupPoint;

import org.springframework.stereotype.Component;

/** Tells residents on the storefront's home which coming days the market is closed (休市) and why. */
@Component
class ClosedDaysHomeSection implements HomeSection {

	private final MarketClosedDayManagement closedDays;

	ClosedDaysHomeSection(MarketClosedDayManagement closedDays) {
		this.closedDays = closedDays;
	}

	@Override
	public int position() {
		return 5; // above everything: it explains why a day has nothing
	}

	@Override
	public String template() {
		return "marketing/controls-home";
	}

	@Override
	public Optional<Object> model(AccountId resident, PickupPoint point, Instant now, ZoneId zone) {
		List<MarketClosedDayManagement.Closed> days = closedDays.upcoming(point.regionId());
		return days.isEmpty() ? Optional.empty() : Optional.of(days);
	}
}
