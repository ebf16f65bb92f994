package com.linli.demo.internal;

import java.time.LocalDate;
import java.util.List;

import com.linli.aftersales.QualityCheckManagement;
import com.linli.identity.Actor;
import com.linli.network.RegionId;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;

/**
 * The after-sales reports of the demo city read the requests the simulated days filed; what they need beside is the
 * daily quality check of each history day (the 07:00 job would only check yesterday), so that the reports page
 * lists the alerts the history earned. Call it after the history's after-sales requests are filed; idempotent (an
 * alert is recorded once per region, SKU and day).
 */
@Component
public class AfterSalesReportsDemo {

	private static final Logger log = LoggerFactory.getLogger(AfterSalesReportsDemo.class);

	private final QualityCheckManagement quality;

	AfterSalesReportsDemo(QualityCheckManagement quality) {
		this.quality = quality;
	}

	/** Runs the quality check of each day, oldest first, in the region. */
	public void checkHistory(RegionId region, List<LocalDate> days) {
		int raised = 0;
		for (LocalDate day : days.stream().sorted().toList()) {
			raised += quality.check(Actor.system("demo"), day, region).orElse(0);
		}
		log.info("Demo city: quality check of {} history day(s) in region {}: {} alert(s)", days.size(), region.value(),
				raised);
	}
}
