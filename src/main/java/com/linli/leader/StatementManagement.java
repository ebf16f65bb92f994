package com.linli.leader;

import java.time.Clock;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.EnumMap;
import java.util.Map;

import com.linli.identity.Actor;
import com.linli.identity.Role;
import com.linli.leader.internal.helpers.StatementQueries;
import com.linli.network.PickupPointManagement;
import com.linli.network.RegionManagement;
import com.linli.shared.InvalidInputException;
import com.linli.shared.Money;
import com.linli.shared.Text;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The leader's reconciliation statement of a month (团长对账单, see {@link LeaderStatement}): the leader reads their own,
 * operators any leader's of their regions. A month is written {@code yyyy-MM}; a future month or a malformed one is
 * refused (400, field {@code month}); the current month runs to now. Read in one snapshot so it ties out.
 */
@Service
public class StatementManagement {

	private final StatementQueries queries;

	private final LeaderManagement leaders;

	private final WithdrawalManagement withdrawals;

	private final PickupPointManagement points;

	private final RegionManagement regions;

	private final Clock clock;

	StatementManagement(StatementQueries queries, LeaderManagement leaders, WithdrawalManagement withdrawals,
			PickupPointManagement points, RegionManagement regions, Clock clock) {
		this.queries = queries;
		this.leaders = leaders;
		this.withdrawals = withdrawals;
		this.points = points;
		this.regions = regions;
		this.clock = clock;
	}

	/** The signed-in leader's statement of the month. */
	@Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
	public LeaderStatement mine(Actor actor, String month) {
		if (!actor.hasRole(Role.LEADER)) {
			throw new AccessDeniedException("not a leader");
		}
		var leader = leaders.leaderFor(actor.requireAccount()).orElseThrow(() -> new AccessDeniedException("not a leader"));
		return build(leader, month);
	}

	/** A leader's statement for staff of the leader's region (403 elsewhere). */
	@Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
	public LeaderStatement of(Actor actor, LeaderId id, String month) {
		var leader = leaders.get(id);
		actor.checkRegion(leader.regionId().value());
		return build(leader, month);
	}

	/** The month of a path or form, {@code yyyy-MM}, and not after the current month in the zone. */
	public static YearMonth month(String month, YearMonth current) {
		YearMonth m;
		try {
			m = month == null ? null : YearMonth.parse(month.strip());
		}
		catch (DateTimeParseException e) {
			m = null;
		}
		if (m == null || m.getYear() < 2000) {
			throw new InvalidInputException("month", Text.of("leader.problem.statementMonth"));
		}
		if (m.isAfter(current)) {
			throw new InvalidInputException("month", Text.of("leader.problem.statementFutureMonth", current.toString()));
		}
		return m;
	}

	private LeaderStatement build(Leader leader, String monthText) {
		ZoneId zone = regions.getRegion(leader.regionId()).zone();
		Instant now = clock.instant();
		YearMonth current = YearMonth.from(now.atZone(zone));
		YearMonth month = month(monthText, current);
		Instant start = month.atDay(1).atStartOfDay(zone).toInstant();
		Instant end = month.plusMonths(1).atDay(1).atStartOfDay(zone).toInstant();
		boolean complete = month.isBefore(current);
		var id = leader.id();

		Money openingLedger = queries.ledgerBefore(id, month);
		Money openingPending = queries.pendingAt(id, start);
		Money openingWithdrawn = queries.withdrawnAt(id, start);
		var opening = new LeaderStatement.Balances(openingLedger, openingPending,
				openingLedger.minus(openingPending).minus(openingWithdrawn), openingWithdrawn);

		Money closingLedger = queries.ledgerBefore(id, month.plusMonths(1));
		Money closingPending;
		Money closingWithdrawn;
		if (complete) {
			closingPending = queries.pendingAt(id, end);
			closingWithdrawn = queries.withdrawnAt(id, end);
		}
		else {
			// the month so far: the balances as they are now
			var balance = withdrawals.balance(id);
			closingPending = balance.pending();
			closingWithdrawn = balance.inFlight().plus(balance.paid());
		}
		var closing = new LeaderStatement.Balances(closingLedger, closingPending,
				closingLedger.minus(closingPending).minus(closingWithdrawn), closingWithdrawn);

		var entries = queries.entries(id, month);
		Map<CommissionEntryKind, Money> totals = new EnumMap<>(CommissionEntryKind.class);
		for (var e : entries) {
			totals.merge(e.kind(), e.amount(), Money::plus);
		}
		var list = queries.withdrawals(id, start, end);
		Money requested = Money.ZERO;
		Money paid = Money.ZERO;
		Money returned = Money.ZERO;
		for (var w : list) {
			if (!w.requestedAt().isBefore(start) && w.requestedAt().isBefore(end)) {
				requested = requested.plus(w.amount());
			}
			boolean completedIn = w.completedAt() != null && !w.completedAt().isBefore(start) && w.completedAt().isBefore(end);
			if (completedIn && w.status() == WithdrawalStatus.PAID) {
				paid = paid.plus(w.amount());
			}
			if (completedIn && (w.status() == WithdrawalStatus.REJECTED || w.status() == WithdrawalStatus.FAILED)) {
				returned = returned.plus(w.amount());
			}
		}
		String pointName = points.getPickupPoint(leader.pickupPointId()).name();
		return new LeaderStatement(leader, pointName, month, opening, closing, entries, totals, list, requested, paid,
				returned, complete, now);
	}
}
