package com.linli.aftersales.internal.complaints;

import com.linli.aftersales.ComplaintManagement;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Every minute, complaints whose SLA clock ran out go to their region's supervisor: the same
 * {@link ComplaintManagement#escalateOverdue()} the tests call, which takes the shared job lock itself (one run at
 * a time across nodes). Tests switch the schedule off ({@code linli.aftersales.complaints.escalation-schedule=-}).
 */
@Component
public class ComplaintEscalationJob {

	private final ComplaintManagement complaints;

	ComplaintEscalationJob(ComplaintManagement complaints) {
		this.complaints = complaints;
	}

	@Scheduled(cron = "${linli.aftersales.complaints.escalation-schedule:30 * * * * *}")
	void run() {
		runOnce();
	}

	/** One round of the check; answers how many complaints it escalated. */
	public int runOnce() {
		return complaints.escalateOverdue();
	}
}
