package com.linli.marketing.internal.campaigns;

import java.time.Clock;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Moves scheduled campaigns to running on their first day and running ones to ended after their last. Each
 * move is one conditional update from the enum's from-status, so two nodes running it at once, or a rerun,
 * change nothing twice; no lock is needed. Discounts do not wait for it: a scheduled campaign already gives
 * them between its start and end.
 */
@Component
class CampaignClock {

	private final Campaigns campaigns;

	private final PromotionBook book;

	private final Clock clock;

	CampaignClock(Campaigns campaigns, PromotionBook book, Clock clock) {
		this.campaigns = campaigns;
		this.book = book;
		this.clock = clock;
	}

	@Scheduled(fixedDelayString = "${linli.marketing.campaign-clock.interval:PT1M}", initialDelayString = "PT20S")
	void tick() {
		var now = clock.instant();
		if (campaigns.startDue(now) + campaigns.endDue(now) > 0) {
			book.changed();
		}
	}
}
