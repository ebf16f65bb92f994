package com.linli.leader;

import java.time.Instant;

/**
 * A resident or an order moved from one pickup point to another (更换团长), or left where it was: as a leader was
 * suspended ({@code leaderId} the suspended leader) or by an operator. {@code toPointId} is null when nothing took it.
 */
public record Reassignment(Long id, Long leaderId, long regionId, Subject subject, long subjectId, long fromPointId,
		Long toPointId, Outcome outcome, String reason, Instant at, String by) {

	public enum Subject {
		RESIDENT, ORDER
	}

	/**
	 * MOVED to the new point; CANCELLED with a full refund (no point took it); STAYED at the old point (cut off
	 * already: the goods go there and are handed out there); UNMOVED (no active point nearby, the binding stays).
	 */
	public enum Outcome {
		MOVED, CANCELLED, STAYED, UNMOVED
	}
}
