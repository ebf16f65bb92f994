package com.linli.aftersales.internal.requests;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import com.linli.aftersales.AfterSalesRequestId;
import com.linli.aftersales.AfterSalesRequestUpdated;
import com.linli.aftersales.AfterSalesRequested;
import com.linli.aftersales.RefundApproved;
import com.linli.aftersales.RequestKind;
import com.linli.aftersales.RequestReason;
import com.linli.aftersales.RequestStatus;
import com.linli.catalog.CategoryId;
import com.linli.catalog.SkuId;
import com.linli.identity.AccountId;
import com.linli.network.PickupPointId;
import com.linli.network.RegionId;
import com.linli.ordering.OrderId;
import com.linli.ordering.OrderLineId;
import com.linli.shared.BusinessRuleException;
import com.linli.shared.Money;
import com.linli.shared.Text;

/**
 * An after-sales request (售后申请) on units of one order line, the aggregate of the requests lifecycle
 * ({@link RequestStatus}). Plain Java: its methods refuse an illegal move (409 naming both statuses, or naming
 * what is missing), change the state and register the events; {@code Requests} saves it with a compare-and-set
 * on its version and publishes them.
 */
public final class AfterSalesRequest {

	/** What a request is about, fixed at submit. */
	public record Subject(AccountId residentId, OrderId orderId, String orderNo, OrderLineId lineId, RegionId regionId,
			PickupPointId pickupPointId, LocalDate pickupDate, SkuId skuId, Long productId, CategoryId categoryId,
			Long supplierId, String skuName, boolean afterPickup) {
	}

	private final AfterSalesRequestId id;

	private final String requestNo;

	private final Subject subject;

	private final RequestKind kind;

	private final RequestReason reason;

	private final String description;

	private final int quantity;

	private Money amount;

	private final String submitKey;

	private final Instant submittedAt;

	private final long version;

	private RequestStatus status;

	private boolean quick;

	private Money refunded;

	private Instant decidedAt;

	private Long decidedBy;

	private String decisionNote;

	private Instant returnCollectedAt;

	private Long returnCollectedBy;

	private Instant completedAt;

	private String refundReference;

	private final List<Object> events = new ArrayList<>();

	public AfterSalesRequest(AfterSalesRequestId id, String requestNo, Subject subject, RequestKind kind,
			RequestReason reason, String description, int quantity, Money amount, String submitKey, Instant submittedAt,
			RequestStatus status, boolean quick, Money refunded, Instant decidedAt, Long decidedBy, String decisionNote,
			Instant returnCollectedAt, Long returnCollectedBy, Instant completedAt, String refundReference,
			long version) {
		this.id = id;
		this.requestNo = requestNo;
		this.subject = subject;
		this.kind = kind;
		this.reason = reason;
		this.description = description;
		this.quantity = quantity;
		this.amount = amount;
		this.submitKey = submitKey;
		this.submittedAt = submittedAt;
		this.status = status;
		this.quick = quick;
		this.refunded = refunded;
		this.decidedAt = decidedAt;
		this.decidedBy = decidedBy;
		this.decisionNote = decisionNote;
		this.returnCollectedAt = returnCollectedAt;
		this.returnCollectedBy = returnCollectedBy;
		this.completedAt = completedAt;
		this.refundReference = refundReference;
		this.version = version;
	}

	/** A request just filed (its row inserted with {@code id}): SUBMITTED, registering {@link AfterSalesRequested}. */
	public static AfterSalesRequest submitted(AfterSalesRequestId id, String requestNo, Subject subject,
			RequestKind kind, RequestReason reason, String description, int quantity, Money amount, String submitKey,
			Instant at) {
		if (quantity < 1) {
			throw new IllegalArgumentException("a request is for at least one unit");
		}
		var request = new AfterSalesRequest(id, requestNo, subject, kind, reason, description, quantity, amount,
				submitKey, at, RequestStatus.SUBMITTED, false, null, null, null, null, null, null, null, null, 0);
		request.events.add(new AfterSalesRequested(id, requestNo, subject.orderId(), subject.lineId(),
				subject.residentId(), subject.regionId(), subject.pickupPointId(), subject.pickupDate(), subject.skuId(),
				subject.skuName(), subject.categoryId(), kind, reason, quantity, amount, at));
		return request;
	}

	// ---- moves ---------------------------------------------------------------------------------------------

	/** An operator (or the quick-refund rule, {@code by} null) approves it. */
	public void approve(Long by, boolean quick, Instant at) {
		status = status.to(RequestStatus.APPROVED);
		this.quick = quick;
		decidedAt = at;
		decidedBy = by;
		updated(null, at);
	}

	/** An operator rejects it with a reason (a stored text); no money moves. */
	public void reject(Long by, String reasonStored, Instant at) {
		status = status.to(RequestStatus.REJECTED);
		decidedAt = at;
		decidedBy = by;
		decisionNote = reasonStored;
		completedAt = at;
		updated(reasonStored, at);
	}

	/** An operator asks the resident for more. */
	public void askForInfo(Long by, String questionStored, Instant at) {
		status = status.to(RequestStatus.INFO_REQUESTED);
		decisionNote = questionStored;
		updated(questionStored, at);
	}

	/** The resident answered: the request waits for a decision again. */
	public void answer(Instant at) {
		status = status.to(RequestStatus.SUBMITTED);
		updated(null, at);
	}

	/** The leader of the pickup point confirms the goods came back (a return or an exchange, approved). */
	public void confirmReturn(long by, Instant at) {
		if (!kind.needsReturn()) {
			throw new BusinessRuleException("no-return", "id", Text.of("aftersales.problem.noReturnForKind", kind));
		}
		if (status != RequestStatus.APPROVED) {
			throw new BusinessRuleException("illegal-request-transition", "status",
					Text.of("aftersales.problem.returnNotApproved", status));
		}
		if (returnCollectedAt != null) {
			throw new BusinessRuleException("return-already-confirmed", "id",
					Text.of("aftersales.problem.returnAlreadyConfirmed", requestNo));
		}
		returnCollectedAt = at;
		returnCollectedBy = by;
	}

	/** Whether the money (or the replacement) may go now: approved, and the goods back when they must come back. */
	public boolean readyToSettle() {
		return status == RequestStatus.APPROVED && (!kind.needsReturn() || returnCollectedAt != null);
	}

	/** The refund went through ordering: REFUNDED, registering {@link RefundApproved} once. */
	public void refunded(Money amount, String reference, Instant at) {
		if (kind == RequestKind.EXCHANGE) {
			throw new BusinessRuleException("illegal-request-transition", "status",
					Text.of("aftersales.problem.illegalRequestTransition", status, RequestStatus.REFUNDED));
		}
		settleCheck(RequestStatus.REFUNDED);
		if (amount.compareTo(this.amount) > 0) {
			// the units' exact share once the line's earlier refunds are counted (a fen of rounding at most);
			// ordering never refunds beyond what the line paid
			this.amount = amount;
		}
		status = status.to(RequestStatus.REFUNDED);
		refunded = amount;
		refundReference = reference;
		completedAt = at;
		updated(null, at);
		settled(amount, at);
	}

	/**
	 * The replacement is in the next delivery, in the order placed under {@code reference}: EXCHANGED,
	 * registering {@link RefundApproved} (nothing refunded: the amount is the value replaced).
	 */
	public void exchanged(String reference, Instant at) {
		if (kind != RequestKind.EXCHANGE) {
			throw new BusinessRuleException("illegal-request-transition", "status",
					Text.of("aftersales.problem.illegalRequestTransition", status, RequestStatus.EXCHANGED));
		}
		settleCheck(RequestStatus.EXCHANGED);
		status = status.to(RequestStatus.EXCHANGED);
		refundReference = reference;
		completedAt = at;
		updated(null, at);
		settled(amount, at);
	}

	/** The resident withdraws it while it waits for a decision. */
	public void withdraw(Instant at) {
		status = status.to(RequestStatus.WITHDRAWN);
		completedAt = at;
		updated(null, at);
	}

	private void settleCheck(RequestStatus target) {
		if (status == RequestStatus.APPROVED && kind.needsReturn() && returnCollectedAt == null) {
			throw new BusinessRuleException("return-not-collected", "status",
					Text.of("aftersales.problem.returnNotCollected", requestNo));
		}
		status.to(target);
	}

	private void updated(String note, Instant at) {
		events.add(new AfterSalesRequestUpdated(id, requestNo, subject.orderId(), subject.residentId(),
				subject.regionId(), subject.pickupPointId(), kind, status, note, at));
	}

	private void settled(Money amount, Instant at) {
		events.add(new RefundApproved(id, subject.orderId(), subject.lineId(), subject.residentId(), subject.regionId(),
				subject.pickupPointId(), subject.pickupDate(), subject.skuId(), subject.skuName(),
				subject.categoryId(), kind, reason, quantity, amount, at));
	}

	// ---- reading -------------------------------------------------------------------------------------------

	public AfterSalesRequestId id() { return id; }

	public String requestNo() { return requestNo; }

	public Subject subject() { return subject; }

	public RequestKind kind() { return kind; }

	public RequestReason reason() { return reason; }

	public String description() { return description; }

	public int quantity() { return quantity; }

	public Money amount() { return amount; }

	public String submitKey() { return submitKey; }

	public Instant submittedAt() { return submittedAt; }

	public RequestStatus status() { return status; }

	public boolean quick() { return quick; }

	public Money refunded() { return refunded; }

	public Instant decidedAt() { return decidedAt; }

	public Long decidedBy() { return decidedBy; }

	public String decisionNote() { return decisionNote; }

	public Instant returnCollectedAt() { return returnCollectedAt; }

	public Long returnCollectedBy() { return returnCollectedBy; }

	public Instant completedAt() { return completedAt; }

	public String refundReference() { return refundReference; }

	public long version() { return version; }

	public List<Object> events() { return Collections.unmodifiableList(events); }

	/** The events registered so far, once: the repository publishes them. */
	List<Object> takeEvents() {
		var taken = List.copyOf(events);
		events.clear();
		return taken;
	}
}
