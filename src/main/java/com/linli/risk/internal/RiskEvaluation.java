package com.linli.risk.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import com.linli.network.RegionId;
import com.linli.risk.EvaluationOutcome;
import com.linli.risk.RiskFlag;
import com.linli.risk.RiskFlagged;
import com.linli.risk.internal.rules.RegionSignals;
import com.linli.risk.internal.rules.RiskProperties;
import com.linli.risk.internal.rules.RuleBook;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * One evaluation of a region: gather its data, run the rule book, record each flag in its subject's case and
 * publish {@link RiskFlagged} for what changed. Evaluations of one region are serialised by an advisory lock and
 * idempotent (a flag seen again updates its evidence, a decided finding does not come back).
 */
@Component
public class RiskEvaluation {

	private static final Logger log = LoggerFactory.getLogger(RiskEvaluation.class);

	private final RegionSignals signals;

	private final RiskCases cases;

	private final RiskProperties properties;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	RiskEvaluation(RegionSignals signals, RiskCases cases, RiskProperties properties, ApplicationEventPublisher events,
			Clock clock) {
		this.signals = signals;
		this.cases = cases;
		this.properties = properties;
		this.events = events;
		this.clock = clock;
	}

	@Transactional
	public EvaluationOutcome run(RegionId region) {
		cases.lockRegion(region.value());
		Instant now = clock.instant();
		var data = signals.gather(region, now, Duration.ofDays(properties.windowDays()));
		List<RiskFlag> flags = new RuleBook(properties).evaluate(data);
		int changed = 0;
		int opened = 0;
		for (RiskFlag flag : flags) {
			var raised = cases.raise(flag, now);
			if (raised.isEmpty() || !raised.get().changed()) {
				continue;
			}
			changed++;
			if (raised.get().newCase()) {
				opened++;
			}
			events.publishEvent(new RiskFlagged(raised.get().caseId(), flag.regionId(), flag.subjectKind(),
					flag.subjectKey(), flag.rule(), flag.score(), raised.get().newCase()));
		}
		log.info("Risk evaluation of region {}: {} accounts, {} orders, {} flags ({} new or changed), {} cases opened",
				region.value(), data.phones().size(), data.orders().size(), flags.size(), changed, opened);
		return new EvaluationOutcome(region.value(), flags.size(), changed, opened);
	}
}
