package com.linli.aftersales;

import java.time.LocalDate;
import java.util.Optional;

import com.linli.aftersales.internal.reports.QualityAlerts;
import com.linli.identity.Actor;
import com.linli.network.RegionId;

import org.springframework.stereotype.Service;

/**
 * The daily quality check for callers outside the module (the demo city checks its history days): the same check
 * as the 07:00 job and the staff's "check now", for an explicit day. Alerts are recorded once per region, SKU and
 * day and published as {@link QualityAlertRaised}.
 */
@Service
public class QualityCheckManagement {

	private final QualityAlerts alerts;

	QualityCheckManagement(QualityAlerts alerts) {
		this.alerts = alerts;
	}

	/**
	 * Checks the day in the region (or, with {@code region} null, every active region the actor manages): the
	 * number of alerts raised now; empty when another check holds the lock.
	 */
	public Optional<Integer> check(Actor actor, LocalDate day, RegionId region) {
		return alerts.check(actor, day, region).map(c -> c.raised().size());
	}
}
