package com.linli.marketing.internal.controls;

import java.time.LocalDate;

import com.linli.network.RegionId;
import com.linli.shared.BusinessRuleException;
import com.linli.shared.Text;

import org.springframework.stereotype.Component;

/** The publishing rule of market-closed days (休市): no listing may be published for a closed pickup date. */
@Component
public class ClosedDays {

	private final ListingControls controls;

	ClosedDays(ListingControls controls) {
		this.controls = controls;
	}

	/** Throws a 409 naming {@code pickupDate} when the region's market is closed that day. */
	public void refuseIfClosed(RegionId region, LocalDate pickupDate) {
		controls.closedDay(region, pickupDate).ifPresent(d -> {
			throw new BusinessRuleException("market-closed", "pickupDate",
					Text.of("marketing.controls.problem.marketClosed", pickupDate, d.reason()));
		});
	}
}
