package com.linli.marketing;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import com.linli.identity.AccountId;
import com.linli.network.RegionId;
import com.linli.shared.Money;

/**
 * A group-buy team as residents and operators see it: its listing and price, who opened it, its size, the
 * places held (orders placed and not cancelled) and paid, its status and deadline, and its members.
 */
public record Team(long id, ListingId listing, RegionId region, AccountId openedBy, int size, int members,
		int paidMembers, boolean allowFewer, Money teamPrice, TeamStatus status, Instant openedAt, Instant deadlineAt,
		Instant closedAt, List<Member> memberList) {

	/** A place in the team: the resident (a masked name for the share page), their order, paid or not. */
	public record Member(AccountId resident, String displayName, long orderId, Instant joinedAt, boolean paid) {
	}

	public Team {
		memberList = List.copyOf(memberList);
	}

	/** Places still free (only an open team has any). */
	public int placesLeft() {
		return status == TeamStatus.OPEN ? Math.max(size - members, 0) : 0;
	}

	/** Time until the deadline (zero when past or closed). */
	public Duration timeLeft(Instant now) {
		return status != TeamStatus.OPEN || !now.isBefore(deadlineAt) ? Duration.ZERO : Duration.between(now, deadlineAt);
	}

	/** May a resident join it now? (the order may still be refused: the database decides) */
	public boolean joinableAt(Instant now) {
		return placesLeft() > 0 && now.isBefore(deadlineAt);
	}

	public boolean hasMember(AccountId resident) {
		return memberList.stream().anyMatch(m -> m.resident().equals(resident));
	}
}
