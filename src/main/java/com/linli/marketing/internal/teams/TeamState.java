package com.linli.marketing.internal.teams;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import com.linli.marketing.ListingId;
import com.linli.marketing.TeamExpired;
import com.linli.marketing.TeamFilled;
import com.linli.marketing.TeamStatus;
import com.linli.shared.BusinessRuleException;
import com.linli.shared.Text;

/**
 * A group-buy team's lifecycle (the aggregate): it fills when its size of members paid, and at its deadline
 * it expires unfilled (every member refunded) or, when the operator allowed it and someone paid, succeeds
 * with fewer. Each move checks the state, changes it and registers the event; {@link Teams#save} writes it
 * with a compare-and-set on the version. The places themselves are taken and freed by {@link Teams}'s
 * conditional updates (a team never holds more than its size), which also bump the version.
 */
public final class TeamState {

	private final long id;

	private final ListingId listing;

	private final int size;

	private final int members;

	private final int paidMembers;

	private final boolean allowFewer;

	private final Instant deadlineAt;

	private final int version;

	private TeamStatus status;

	private Instant closedAt;

	private final List<Object> events = new ArrayList<>();

	public TeamState(long id, ListingId listing, int size, int members, int paidMembers, boolean allowFewer,
			TeamStatus status, Instant deadlineAt, Instant closedAt, int version) {
		this.id = id;
		this.listing = listing;
		this.size = size;
		this.members = members;
		this.paidMembers = paidMembers;
		this.allowFewer = allowFewer;
		this.status = status;
		this.deadlineAt = deadlineAt;
		this.closedAt = closedAt;
		this.version = version;
	}

	/**
	 * Its size of members paid: FILLED, and {@link TeamFilled} with their orders. Refused unless OPEN and
	 * full of paid members.
	 */
	public void fill(List<Long> memberOrders, Instant at) {
		var next = status.to(TeamStatus.FILLED);
		if (paidMembers < size) {
			throw new BusinessRuleException("team-not-full", "teamId",
					Text.of("marketing.teams.problem.notFull", paidMembers, size));
		}
		close(next, at);
		events.add(new TeamFilled(id, listing, size, paidMembers, false, memberOrders, at));
	}

	/**
	 * The deadline passed unfilled: FILLED with fewer when the operator allowed it and at least one member
	 * paid, otherwise EXPIRED and {@link TeamExpired} naming every order that holds a place. Refused
	 * before the deadline and unless OPEN.
	 */
	public TeamStatus closeAtDeadline(List<Long> memberOrders, Instant at) {
		boolean succeeds = allowFewer && paidMembers > 0;
		var next = status.to(succeeds ? TeamStatus.FILLED : TeamStatus.EXPIRED);
		if (at.isBefore(deadlineAt)) {
			throw new BusinessRuleException("team-deadline-ahead", "teamId",
					Text.of("marketing.teams.problem.deadlineAhead", deadlineAt));
		}
		close(next, at);
		events.add(succeeds ? new TeamFilled(id, listing, size, paidMembers, true, memberOrders, at)
				: new TeamExpired(id, listing, memberOrders, at));
		return next;
	}

	private void close(TeamStatus next, Instant at) {
		status = next;
		closedAt = at;
	}

	public long id() { return id; }

	public ListingId listing() { return listing; }

	public int size() { return size; }

	public int members() { return members; }

	public int paidMembers() { return paidMembers; }

	public boolean allowFewer() { return allowFewer; }

	public TeamStatus status() { return status; }

	public Instant deadlineAt() { return deadlineAt; }

	public Instant closedAt() { return closedAt; }

	public int version() { return version; }

	public List<Object> events() { return Collections.unmodifiableList(events); }
}
