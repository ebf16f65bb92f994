package com.linli.leader;

import java.time.Instant;

/** A leader's progress in a course: not started (startedAt null), started, attempts, passed with a score. */
public record TrainingProgress(LeaderId leaderId, long courseId, Instant startedAt, int attempts, Integer lastScore,
		Integer bestScore, Instant passedAt) {

	public boolean passed() {
		return passedAt != null;
	}

	public static TrainingProgress none(LeaderId leader, long course) {
		return new TrainingProgress(leader, course, null, 0, null, null, null);
	}
}
