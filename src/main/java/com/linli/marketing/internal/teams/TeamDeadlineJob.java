package com.linli.marketing.internal.teams;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Every few seconds, teams past their deadline are closed (expired and refunded, or filled with fewer). */
@Component
@ConditionalOnProperty(name = "linli.marketing.teams.expiry.enabled", havingValue = "true", matchIfMissing = true)
class TeamDeadlineJob {

	private final TeamDeadlines deadlines;

	TeamDeadlineJob(TeamDeadlines deadlines) {
		this.deadlines = deadlines;
	}

	@Scheduled(fixedDelayString = "${linli.marketing.teams.expiry.interval:PT15S}", initialDelayString = "PT15S")
	void run() {
		deadlines.closeDue();
	}
}
