package com.linli.leader;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import com.linli.network.RegionId;
import com.linli.shared.InvalidInputException;
import com.linli.shared.Money;
import com.linli.shared.Text;

/**
 * A leader's withdrawal (提现) of available commission. The state-changing methods refuse illegal moves (409
 * naming both statuses), answer the changed withdrawal and register the event its save publishes; the balance
 * moves that go with them are the repository's, in the same transaction.
 */
public final class Withdrawal {

	private final WithdrawalId id;

	private final LeaderId leaderId;

	private final RegionId regionId;

	private final Money amount;

	private final WithdrawalStatus status;

	private final Instant requestedAt;

	private final Instant decidedAt;

	private final Long decidedBy;

	private final String rejectReason;

	private final Instant completedAt;

	private final String failureReason;

	private final int version;

	private final List<Object> events;

	public Withdrawal(WithdrawalId id, LeaderId leaderId, RegionId regionId, Money amount, WithdrawalStatus status,
			Instant requestedAt, Instant decidedAt, Long decidedBy, String rejectReason, Instant completedAt,
			String failureReason, int version) {
		this(id, leaderId, regionId, amount, status, requestedAt, decidedAt, decidedBy, rejectReason, completedAt,
				failureReason, version, List.of());
	}

	private Withdrawal(WithdrawalId id, LeaderId leaderId, RegionId regionId, Money amount, WithdrawalStatus status,
			Instant requestedAt, Instant decidedAt, Long decidedBy, String rejectReason, Instant completedAt,
			String failureReason, int version, List<Object> events) {
		this.id = id;
		this.leaderId = leaderId;
		this.regionId = regionId;
		this.amount = amount;
		this.status = status;
		this.requestedAt = requestedAt;
		this.decidedAt = decidedAt;
		this.decidedBy = decidedBy;
		this.rejectReason = rejectReason;
		this.completedAt = completedAt;
		this.failureReason = failureReason;
		this.version = version;
		this.events = List.copyOf(events);
	}

	/** An operator approves: the payout goes out next. */
	public Withdrawal approve(Long operator, Instant at) {
		return move(WithdrawalStatus.APPROVED, at, operator, null, null);
	}

	/** An operator rejects with a reason (1 to 200 characters): the amount goes back to the available balance. */
	public Withdrawal reject(Long operator, String reason, Instant at) {
		if (reason == null || reason.isBlank() || reason.strip().length() > 200) {
			throw new InvalidInputException("reason", Text.of("leader.problem.payoutsRejectReason"));
		}
		return move(WithdrawalStatus.REJECTED, at, operator, reason.strip(), null);
	}

	/** The provider paid the leader. */
	public Withdrawal paid(Instant at) {
		return move(WithdrawalStatus.PAID, at, decidedBy, rejectReason, null);
	}

	/** The provider refused the payout: the amount goes back to the available balance. */
	public Withdrawal failed(String reason, Instant at) {
		return move(WithdrawalStatus.FAILED, at, decidedBy, rejectReason,
				reason == null ? "payout failed" : reason.substring(0, Math.min(200, reason.length())));
	}

	private Withdrawal move(WithdrawalStatus target, Instant at, Long decider, String reject, String failure) {
		var next = status.to(target);
		boolean decision = target == WithdrawalStatus.APPROVED || target == WithdrawalStatus.REJECTED;
		var registered = new ArrayList<>(events);
		registered.add(new WithdrawalStatusChanged(id, leaderId, regionId, amount, status, next, at));
		boolean finished = next.next().isEmpty();
		return new Withdrawal(id, leaderId, regionId, amount, next, requestedAt, decision ? at : decidedAt,
				decision ? decider : decidedBy, reject, finished ? at : null, failure, version, registered);
	}

	/** The reference of this withdrawal's payout at the provider: one payout per withdrawal, whatever the retries. */
	public String payoutReference() {
		return "leader-withdrawal:" + id.value();
	}

	public WithdrawalId id() {
		return id;
	}

	public LeaderId leaderId() {
		return leaderId;
	}

	public RegionId regionId() {
		return regionId;
	}

	public Money amount() {
		return amount;
	}

	public WithdrawalStatus status() {
		return status;
	}

	public Instant requestedAt() {
		return requestedAt;
	}

	public Instant decidedAt() {
		return decidedAt;
	}

	public Long decidedBy() {
		return decidedBy;
	}

	public String rejectReason() {
		return rejectReason;
	}

	public Instant completedAt() {
		return completedAt;
	}

	public String failureReason() {
		return failureReason;
	}

	public int version() {
		return version;
	}

	/** Events registered by the moves since loading, for the repository to publish when it saves. */
	public List<Object> events() {
		return events;
	}
}
