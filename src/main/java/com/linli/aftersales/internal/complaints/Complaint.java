package com.linli.aftersales.internal.complaints;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import com.linli.aftersales.ComplaintClosed;
import com.linli.aftersales.ComplaintEscalated;
import com.linli.aftersales.ComplaintId;
import com.linli.aftersales.ComplaintStatus;
import com.linli.aftersales.ComplaintSubject;
import com.linli.catalog.SkuId;
import com.linli.network.PickupPointId;
import com.linli.network.RegionId;
import com.linli.shared.BusinessRuleException;
import com.linli.shared.InvalidInputException;
import com.linli.shared.Text;

/**
 * A complaint's lifecycle (the aggregate, plain Java): staff answer it first (RESPONDED, which stops the
 * first-response clock), resolve it with a summary, and the resident's satisfaction rating closes it. When a
 * clock runs out it is ESCALATED to the region's supervisor, once per clock. Each move checks the status
 * through {@link ComplaintStatus#to}, changes the state and registers its event; {@link Complaints#save} writes
 * it with a compare-and-set on the version.
 */
public final class Complaint {

	/** The two SLA clocks. */
	public enum Clock {
		FIRST_RESPONSE, RESOLUTION
	}

	private final long id;

	private final String complaintNo;

	private final long residentId;

	private final long regionId;

	private final ComplaintSubject subject;

	private final Long orderId;

	private final Long pickupPointId;

	private final Long skuId;

	private final String text;

	private final Instant filedAt;

	private final Instant firstResponseDue;

	private final Instant resolutionDue;

	private final long version;

	private ComplaintStatus status;

	private Long assigneeId;

	private Instant firstRespondedAt;

	private Instant resolvedAt;

	private String resolutionSummary;

	private Instant closedAt;

	private Integer satisfaction;

	private Instant escalatedAt;

	private Clock escalationClock;

	private boolean firstResponseEscalated;

	private boolean resolutionEscalated;

	private final List<Object> events = new ArrayList<>();

	public Complaint(long id, String complaintNo, long residentId, long regionId, ComplaintSubject subject, Long orderId,
			Long pickupPointId, Long skuId, String text, ComplaintStatus status, Long assigneeId, Instant filedAt,
			Instant firstResponseDue, Instant firstRespondedAt, Instant resolutionDue, Instant resolvedAt,
			String resolutionSummary, Instant closedAt, Integer satisfaction, Instant escalatedAt, Clock escalationClock,
			boolean firstResponseEscalated, boolean resolutionEscalated, long version) {
		this.id = id;
		this.complaintNo = complaintNo;
		this.residentId = residentId;
		this.regionId = regionId;
		this.subject = subject;
		this.orderId = orderId;
		this.pickupPointId = pickupPointId;
		this.skuId = skuId;
		this.text = text;
		this.status = status;
		this.assigneeId = assigneeId;
		this.filedAt = filedAt;
		this.firstResponseDue = firstResponseDue;
		this.firstRespondedAt = firstRespondedAt;
		this.resolutionDue = resolutionDue;
		this.resolvedAt = resolvedAt;
		this.resolutionSummary = resolutionSummary;
		this.closedAt = closedAt;
		this.satisfaction = satisfaction;
		this.escalatedAt = escalatedAt;
		this.escalationClock = escalationClock;
		this.firstResponseEscalated = firstResponseEscalated;
		this.resolutionEscalated = resolutionEscalated;
		this.version = version;
	}

	// ---- moves ----------------------------------------------------------------------------------------------

	/** Staff answer for the first time (or again after an escalation): RESPONDED, the first-response clock stops. */
	public void respond(Instant at) {
		status = status.to(ComplaintStatus.RESPONDED);
		if (firstRespondedAt == null) {
			firstRespondedAt = at;
		}
	}

	/**
	 * The clock ran out: ESCALATED to the supervisor (null: the platform admins), {@link ComplaintEscalated} naming
	 * the clock and the assignee who had it. Refused for a clock already escalated, stopped, or not yet run out.
	 */
	public void escalate(Clock clock, Long supervisorId, Instant at) {
		var next = status.to(ComplaintStatus.ESCALATED);
		if (!overdue(clock, at)) {
			throw new BusinessRuleException("complaint-not-overdue", "status",
					Text.of("aftersales.complaints.problem.notOverdue", complaintNo, clock));
		}
		status = next;
		Long previous = assigneeId;
		if (clock == Clock.FIRST_RESPONSE) {
			firstResponseEscalated = true;
		}
		else {
			resolutionEscalated = true;
		}
		escalatedAt = at;
		escalationClock = clock;
		assigneeId = supervisorId;
		events.add(new ComplaintEscalated(id(), complaintNo, new RegionId(regionId), clock.name(), previous, at));
	}

	/** Staff settle it with a summary: RESOLVED (a resolution without an earlier answer is the first answer too). */
	public void resolve(String summary, Instant at) {
		String s = summary == null ? "" : summary.strip();
		if (s.isEmpty() || s.length() > 1000) {
			throw new InvalidInputException("summary", Text.of("aftersales.complaints.problem.summary"));
		}
		status = status.to(ComplaintStatus.RESOLVED);
		if (firstRespondedAt == null) {
			firstRespondedAt = at;
		}
		resolvedAt = at;
		resolutionSummary = s;
	}

	/** The resident rates the resolution 1–5: CLOSED, {@link ComplaintClosed} saying whether both clocks were kept. */
	public void rate(int stars, Instant at) {
		if (stars < 1 || stars > 5) {
			throw new InvalidInputException("satisfaction", Text.of("aftersales.complaints.problem.satisfaction"));
		}
		status = status.to(ComplaintStatus.CLOSED);
		satisfaction = stars;
		closedAt = at;
		events.add(new ComplaintClosed(id(), new RegionId(regionId), subject,
				pickupPointId == null ? null : new PickupPointId(pickupPointId), skuId == null ? null : new SkuId(skuId),
				stars, withinSla(), at));
	}

	/** Staff hand it to another operator (or to nobody: every operator of the region sees it); not once closed. */
	public void assign(Long operatorId) {
		if (status == ComplaintStatus.CLOSED) {
			throw new BusinessRuleException("complaint-closed", "status",
					Text.of("aftersales.complaints.problem.closed", complaintNo));
		}
		assigneeId = operatorId;
	}

	/** A message in the thread is refused once the complaint is closed. */
	public void checkOpenForMessages() {
		if (status == ComplaintStatus.CLOSED) {
			throw new BusinessRuleException("complaint-closed", "status",
					Text.of("aftersales.complaints.problem.closed", complaintNo));
		}
	}

	// ---- the clocks -----------------------------------------------------------------------------------------

	/** Whether the clock ran out at {@code now} and was not escalated yet (stopped clocks never run out). */
	public boolean overdue(Clock clock, Instant now) {
		return switch (clock) {
			case FIRST_RESPONSE -> !firstResponseEscalated && firstRespondedAt == null && now.isAfter(firstResponseDue);
			case RESOLUTION -> !resolutionEscalated && resolvedAt == null && now.isAfter(resolutionDue);
		};
	}

	/** Both clocks kept: answered and resolved by their due times, and neither ever escalated. */
	public boolean withinSla() {
		return !firstResponseEscalated && !resolutionEscalated && Sla.kept(firstResponseDue, firstRespondedAt)
				&& Sla.kept(resolutionDue, resolvedAt);
	}

	// ---- reading --------------------------------------------------------------------------------------------

	public ComplaintId id() { return new ComplaintId(id); }

	public long idValue() { return id; }

	public String complaintNo() { return complaintNo; }

	public long residentId() { return residentId; }

	public long regionId() { return regionId; }

	public ComplaintSubject subject() { return subject; }

	public Long orderId() { return orderId; }

	public Long pickupPointId() { return pickupPointId; }

	public Long skuId() { return skuId; }

	public String text() { return text; }

	public ComplaintStatus status() { return status; }

	public Long assigneeId() { return assigneeId; }

	public Instant filedAt() { return filedAt; }

	public Instant firstResponseDue() { return firstResponseDue; }

	public Instant firstRespondedAt() { return firstRespondedAt; }

	public Instant resolutionDue() { return resolutionDue; }

	public Instant resolvedAt() { return resolvedAt; }

	public String resolutionSummary() { return resolutionSummary; }

	public Instant closedAt() { return closedAt; }

	public Integer satisfaction() { return satisfaction; }

	public Instant escalatedAt() { return escalatedAt; }

	public Clock escalationClock() { return escalationClock; }

	public boolean firstResponseEscalated() { return firstResponseEscalated; }

	public boolean resolutionEscalated() { return resolutionEscalated; }

	public long version() { return version; }

	/** The events registered since it was read (published when it is saved). */
	public List<Object> events() { return Collections.unmodifiableList(events); }
}
