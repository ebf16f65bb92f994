package com.linli.leader;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import com.linli.network.RegionId;
import com.linli.shared.InvalidInputException;
import com.linli.shared.Text;

/**
 * A penalty of a leader. Its methods refuse illegal moves (409 naming both statuses) and answer the changed penalty
 * with the event its save publishes; saving is a compare-and-set on {@code version}.
 */
public record Penalty(PenaltyId id, LeaderId leaderId, RegionId regionId, PenaltyKind kind, PenaltyReason reason,
		String detail, PenaltyStatus status, Instant createdAt, String createdBy, Instant startsAt, Instant endsAt,
		String decidedBy, String revokeReason, long version, List<Object> events) {

	public Penalty {
		events = events == null ? List.of() : List.copyOf(events);
	}

	/** A new penalty, not yet saved: PROPOSED, or ACTIVE from {@code at} when {@code active}. */
	public static Penalty create(LeaderId leader, RegionId region, PenaltyKind kind, PenaltyReason reason, String detail,
			boolean active, Instant at, String by) {
		if (detail == null || detail.isBlank() || detail.strip().length() > 300) {
			throw new InvalidInputException("reason", Text.of("leader.problem.penaltiesReason"));
		}
		var proposed = new Penalty(null, leader, region, kind, reason, detail.strip(), PenaltyStatus.PROPOSED, at, by,
				null, null, null, null, 0, List.of());
		return active ? proposed.activate(at, by) : proposed;
	}

	/** In force from {@code at}: for its kind's time, or (a suspension) until revoked. */
	public Penalty activate(Instant at, String by) {
		var next = status.to(PenaltyStatus.ACTIVE);
		Instant ends = kind.lasts().map(at::plus).orElse(null);
		return moved(next, at, at, ends, by, revokeReason);
	}

	/** Its time ran out (only once {@code at} reached its end). */
	public Penalty expire(Instant at) {
		var next = status.to(PenaltyStatus.EXPIRED);
		if (endsAt == null || at.isBefore(endsAt)) {
			throw new com.linli.shared.BusinessRuleException("penalty-not-ended", "status",
					Text.of("leader.problem.penaltiesNotEnded"));
		}
		return moved(next, at, startsAt, endsAt, decidedBy, revokeReason);
	}

	/** An operator takes it back, with a reason (1 to 200 characters). */
	public Penalty revoke(String why, Instant at, String by) {
		if (why == null || why.isBlank() || why.strip().length() > 200) {
			throw new InvalidInputException("reason", Text.of("leader.problem.penaltiesRevokeReason"));
		}
		var next = status.to(PenaltyStatus.REVOKED);
		return moved(next, at, startsAt, status == PenaltyStatus.ACTIVE ? at : endsAt, by, why.strip());
	}

	/** In force at this instant. */
	public boolean inForceAt(Instant at) {
		return status == PenaltyStatus.ACTIVE && !at.isBefore(startsAt) && (endsAt == null || at.isBefore(endsAt));
	}

	/** The same penalty as saved with this id (the events stay to be published). */
	public Penalty withId(PenaltyId saved) {
		return new Penalty(saved, leaderId, regionId, kind, reason, detail, status, createdAt, createdBy, startsAt,
				endsAt, decidedBy, revokeReason, version, events);
	}

	private Penalty moved(PenaltyStatus next, Instant at, Instant starts, Instant ends, String by, String revoke) {
		var registered = new ArrayList<>(events);
		registered.add(new PenaltyStatusChanged(id, leaderId, kind, status, next, at));
		return new Penalty(id, leaderId, regionId, kind, reason, detail, next, createdAt, createdBy, starts, ends, by,
				revoke, version, registered);
	}
}
