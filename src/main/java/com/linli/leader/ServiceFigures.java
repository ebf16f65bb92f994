package com.linli.leader;

/**
 * A leader's service as residents rate it: {@code averageStars} (1–5, null without ratings) over {@code ratings}
 * reviews that rated the leader; {@code complaints30d} complaints about the leader filed in the last 30 days;
 * {@code satisfaction} the average satisfaction (1–5, null when none closed) of the {@code closedComplaints}
 * complaints about them that were closed; {@code complaints} every complaint about them.
 */
public record ServiceFigures(LeaderId leaderId, Double averageStars, int ratings, int complaints30d, int complaints,
		Double satisfaction, int closedComplaints) {

	public static ServiceFigures none(LeaderId leader) {
		return new ServiceFigures(leader, null, 0, 0, 0, null, 0);
	}
}
