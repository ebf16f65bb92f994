package com.linli.leader;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import com.linli.identity.Actor;
import com.linli.leader.internal.payouts.Balances;
import com.linli.leader.internal.payouts.Settlement;
import com.linli.leader.internal.payouts.Withdrawals;
import com.linli.network.RegionManagement;
import com.linli.payment.Payee;
import com.linli.payment.PayoutManagement;
import com.linli.shared.AdminChange;
import com.linli.shared.BusinessRuleException;
import com.linli.shared.InvalidInputException;
import com.linli.shared.Money;
import com.linli.shared.NotFoundException;
import com.linli.shared.Page;
import com.linli.shared.Text;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Withdrawals (提现) of available commission: the leader requests (at least the minimum, at most what is
 * available, at most N a calendar month), the region's operators approve (several at once) or reject with a
 * reason, and an approved withdrawal is paid out through the payment module; a rejection or a failed payout gives
 * the amount back to the available balance, once. Leaders reach only their own withdrawals, operators those of
 * their regions' leaders.
 */
@Service
@Transactional(readOnly = true)
public class WithdrawalManagement {

	private final Withdrawals withdrawals;

	private final Balances balances;

	private final LeaderManagement leaders;

	private final RegionManagement regions;

	private final PayoutManagement payouts;

	private final PayoutRules rules;

	private final Settlement settlement;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	/** Risk control's holds (issue 16): none deployed, nothing is held (fail-open); one that fails, fails the move. */
	private final org.springframework.beans.factory.ObjectProvider<com.linli.shared.RiskHolds> holds;

	WithdrawalManagement(Withdrawals withdrawals, Balances balances, LeaderManagement leaders, RegionManagement regions,
			PayoutManagement payouts, PayoutRules rules, Settlement settlement, ApplicationEventPublisher events,
			Clock clock, org.springframework.beans.factory.ObjectProvider<com.linli.shared.RiskHolds> holds) {
		this.holds = holds;
		this.settlement = settlement;
		this.withdrawals = withdrawals;
		this.balances = balances;
		this.leaders = leaders;
		this.regions = regions;
		this.payouts = payouts;
		this.rules = rules;
		this.events = events;
		this.clock = clock;
	}

	public PayoutRules rules() {
		return rules;
	}

	/** The signed-in leader (403 for anybody else). */
	public Leader leaderOf(Actor actor) {
		return leaders.leaderFor(actor.requireAccount()).orElseThrow(() -> new AccessDeniedException("not a leader"));
	}

	/** The leader the actor is, if any. */
	public java.util.Optional<Leader> leaders(Actor actor) {
		return actor.accountId().flatMap(leaders::leaderFor);
	}

	public CommissionBalance balance(LeaderId leader) {
		return balances.of(leader);
	}

	/** A leader's balance for staff: 403 outside their regions. */
	public CommissionBalance balance(Actor actor, LeaderId leaderId) {
		var leader = leaders.get(leaderId);
		actor.checkRegion(leader.regionId().value());
		return balances.of(leaderId);
	}

	/** The calendar month now, in the leader's region. */
	public YearMonth month(Leader leader) {
		return YearMonth.now(clock.withZone(regions.getRegion(leader.regionId()).zone()));
	}

	/** Withdrawals the leader may still request this month. */
	public int leftThisMonth(Leader leader) {
		return Math.max(0, rules.perMonth() - withdrawals.countInMonth(leader.id(), month(leader)));
	}

	/**
	 * The signed-in leader asks to withdraw {@code amount}: at least the minimum (400), at most the available
	 * balance (409), at most {@link PayoutRules#perMonth()} a calendar month (409). The amount leaves the available
	 * balance at once, by a conditional update, so concurrent requests never take more than there is.
	 */
	@Transactional
	public Withdrawal request(Actor actor, Money amount) {
		var leader = leaderOf(actor);
		if (amount == null || amount.fen() <= 0) {
			throw new InvalidInputException("amountFen", Text.of("leader.problem.payoutsAmountPositive"));
		}
		if (amount.compareTo(rules.minimum()) < 0) {
			throw new InvalidInputException("amountFen", Text.of("leader.problem.payoutsBelowMinimum", rules.minimum()));
		}
		if (leader.status() == LeaderStatus.CLOSED) {
			throw new BusinessRuleException("leader-closed", "leader", Text.of("leader.problem.payoutsLeaderClosed"));
		}
		if (!balances.take(leader.id(), amount)) {
			throw new BusinessRuleException("above-available", "amountFen",
					Text.of("leader.problem.payoutsAboveAvailable", balances.of(leader.id()).available()));
		}
		// the balance row is locked now: a concurrent request of the same leader waits, so the count is exact
		YearMonth month = month(leader);
		if (withdrawals.countInMonth(leader.id(), month) >= rules.perMonth()) {
			throw new BusinessRuleException("too-many-withdrawals", "amountFen",
					Text.of("leader.problem.payoutsTooManyThisMonth", rules.perMonth()));
		}
		Instant now = clock.instant();
		var id = withdrawals.insert(leader.id(), leader.regionId(), amount, month, now);
		events.publishEvent(new WithdrawalRequested(id, leader.id(), leader.regionId(), amount, now));
		return withdrawals.find(id).orElseThrow();
	}

	/** The signed-in leader's withdrawals, newest first. */
	public Page<WithdrawalLine> mine(Actor actor, int page, int size) {
		var leader = leaderOf(actor);
		return withdrawals.list(new Withdrawals.Filter(null, leader.id(), null, null), Math.max(page, 0), Page.size(size));
	}

	/** One of the signed-in leader's withdrawals; another leader's is not found (404). */
	public Withdrawal mine(Actor actor, WithdrawalId id) {
		var leader = leaderOf(actor);
		return withdrawals.find(id).filter(w -> w.leaderId().equals(leader.id()))
			.orElseThrow(() -> new NotFoundException("withdrawal", id));
	}

	/** Withdrawals of the actor's regions (one region asked for: 403 unless theirs), newest first. */
	public Page<WithdrawalLine> list(Actor actor, Long region, WithdrawalStatus status, String text, int page,
			int size) {
		var scope = actor.regionFilter(region).idsOrNull();
		return withdrawals.list(new Withdrawals.Filter(scope, null, status, text), Math.max(page, 0), Page.size(size));
	}

	/** The total of the listed withdrawals. */
	public Money total(Actor actor, Long region, WithdrawalStatus status, String text) {
		return withdrawals.total(new Withdrawals.Filter(actor.regionFilter(region).idsOrNull(), null, status, text));
	}

	/** What was approved today (platform zone) in the actor's regions: the day's total of payouts. */
	public Money approvedToday(Actor actor, Long region) {
		ZoneId zone = clock.getZone();
		LocalDate today = LocalDate.now(clock);
		return withdrawals.approvedBetween(actor.regionFilter(region).idsOrNull(), today.atStartOfDay(zone).toInstant(),
				today.plusDays(1).atStartOfDay(zone).toInstant());
	}

	/**
	 * Approves the withdrawals, all or none: each must be REQUESTED (409 naming it otherwise) and of a leader in
	 * the actor's regions (403). Their payouts go out once this commits.
	 */
	@Transactional
	public List<Withdrawal> approve(Actor actor, List<WithdrawalId> ids) {
		if (ids == null || ids.isEmpty() || ids.size() > 200) {
			throw new InvalidInputException("ids", Text.of("leader.problem.payoutsChooseWithdrawals"));
		}
		Instant now = clock.instant();
		List<Withdrawal> approved = new ArrayList<>();
		for (var id : new LinkedHashSet<>(ids)) {
			var loaded = staffGet(actor, id);
			if (held(loaded)) {
				throw new BusinessRuleException("withdrawal-held-by-risk", "ids",
						Text.of("leader.problem.payoutsHeldByRisk", id));
			}
			approved.add(withdrawals.save(loaded, loaded.approve(actor.accountIdOrNull(), now)));
		}
		events.publishEvent(new AdminChange(actor.actedBy(), "withdrawal.approve", "withdrawals:" + ids,
				approved.stream().map(w -> w.id() + ":" + w.amount()).toList().toString()));
		return approved;
	}

	/** Rejects a requested withdrawal with a reason; the amount goes back to the leader's available balance. */
	@Transactional
	public Withdrawal reject(Actor actor, WithdrawalId id, String reason) {
		var loaded = staffGet(actor, id);
		var saved = withdrawals.save(loaded, loaded.reject(actor.accountIdOrNull(), reason, clock.instant()));
		events.publishEvent(new AdminChange(actor.actedBy(), "withdrawal.reject", "withdrawal:" + id, saved.rejectReason()));
		return saved;
	}

	/** A withdrawal for staff: 404 when there is none, 403 outside their regions. */
	public Withdrawal staffGet(Actor actor, WithdrawalId id) {
		var found = withdrawals.find(id).orElseThrow(() -> new NotFoundException("withdrawal", id));
		actor.checkManagesRegion(found.regionId().value());
		return found;
	}

	/**
	 * Pays an approved withdrawal out through the payment module and records the outcome: PAID, or FAILED with
	 * the amount back in the available balance. Idempotent: the payout is one per withdrawal (its reference), and
	 * a withdrawal no longer APPROVED is left alone, so a redelivery or a retry changes nothing.
	 */
	@Transactional
	public Withdrawal payOut(WithdrawalId id) {
		var loaded = withdrawals.find(id).orElseThrow(() -> new NotFoundException("withdrawal", id));
		if (loaded.status() != WithdrawalStatus.APPROVED || held(loaded)) {
			return loaded; // held by a risk case since the approval: the payout job tries again once it is cleared
		}
		var leader = leaders.get(loaded.leaderId());
		var payout = payouts.payout(loaded.payoutReference(), new Payee("wx:" + leader.phone(), leader.name()),
				loaded.amount());
		Instant now = clock.instant();
		return withdrawals.save(loaded, payout.succeeded() ? loaded.paid(now) : loaded.failed(payout.failureReason(), now));
	}

	/**
	 * Matures the accruals whose after-sales window has passed by {@code now} (what the settlement job does every
	 * few minutes); answers how many. The demo and tools call it; the job calls it under its lock.
	 */
	@Transactional(propagation = Propagation.NOT_SUPPORTED)
	public int matureDue(Instant now) {
		return settlement.matureDue(now);
	}

	/** Whether a risk case holds the payouts of the withdrawal's leader. */
	private boolean held(Withdrawal withdrawal) {
		var risk = holds.getIfAvailable();
		return risk != null && risk.payoutsHeld(leaders.get(withdrawal.leaderId()).accountId().value());
	}

	/** Ids of approved withdrawals whose payout is still open since before {@code before}. */
	public List<WithdrawalId> unpaidApprovedBefore(Instant before) {
		return withdrawals.approvedBefore(before);
	}

}
