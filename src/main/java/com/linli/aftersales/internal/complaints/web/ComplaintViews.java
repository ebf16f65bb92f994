package com.linli.aftersales.internal.complaints.web;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import com.linli.aftersales.ComplaintStatus;
import com.linli.aftersales.ComplaintSubject;
import com.linli.aftersales.internal.complaints.Complaint;
import com.linli.aftersales.internal.complaints.Complaints;
import com.linli.aftersales.internal.complaints.RegionStaff;
import com.linli.aftersales.internal.complaints.Sla;

import org.springframework.stereotype.Component;

/** Complaints as the API and the pages show them, with the SLA timer computed from the server's clock. */
@Component
class ComplaintViews {

	private final Complaints complaints;

	private final RegionStaff staff;

	ComplaintViews(Complaints complaints, RegionStaff staff) {
		this.complaints = complaints;
		this.staff = staff;
	}

	/** The running clock nearest to its due time: which, when due, minutes left (negative: overdue by that much). */
	record Timer(String clock, Instant due, long minutesLeft, boolean overdue, String span) {

		static Timer of(Complaint c, Instant now) {
			if (c.status() == ComplaintStatus.RESOLVED || c.status() == ComplaintStatus.CLOSED) {
				return null;
			}
			Duration first = Sla.left(c.firstResponseDue(), c.firstRespondedAt(), now);
			Duration resolution = Sla.left(c.resolutionDue(), c.resolvedAt(), now);
			boolean firstRuns = first != null && (resolution == null || first.compareTo(resolution) <= 0);
			Duration left = firstRuns ? first : resolution;
			if (left == null) {
				return null;
			}
			return new Timer(firstRuns ? "FIRST_RESPONSE" : "RESOLUTION",
					firstRuns ? c.firstResponseDue() : c.resolutionDue(), left.toMinutes(), left.isNegative(), Sla.span(left));
		}
	}

	record MessageView(long id, String role, Long authorId, String authorName, String body, Instant at) {
	}

	record ComplaintView(long id, String complaintNo, ComplaintStatus status, ComplaintSubject subject, long regionId,
			long residentId, Long orderId, Long pickupPointId, Long skuId, String text, Long assigneeId, String assigneeName,
			Instant filedAt, Instant firstResponseDue, Instant firstRespondedAt, Instant resolutionDue, Instant resolvedAt,
			String resolutionSummary, Instant closedAt, Integer satisfaction, Instant escalatedAt, String escalationClock,
			Timer timer, boolean withinSlaSoFar, List<String> photos, List<MessageView> thread) {
	}

	ComplaintView of(Complaint c, Instant now, boolean withThread, String photoBase) {
		List<String> photos = new ArrayList<>();
		List<MessageView> thread = null;
		if (withThread) {
			complaints.photos(c.idValue()).forEach(p -> photos.add(photoBase + "/" + c.idValue() + "/photos/" + p.position()));
			thread = complaints.thread(c.idValue()).stream()
				.map(m -> new MessageView(m.id(), m.role().name(), m.authorId(),
						m.role() == Complaints.Role.STAFF ? staff.nameOf(m.authorId()) : null, m.body(), m.at()))
				.toList();
		}
		boolean soFar = !c.firstResponseEscalated() && !c.resolutionEscalated()
				&& (c.firstRespondedAt() == null ? !now.isAfter(c.firstResponseDue()) : Sla.kept(c.firstResponseDue(), c.firstRespondedAt()))
				&& (c.resolvedAt() == null ? !now.isAfter(c.resolutionDue()) : Sla.kept(c.resolutionDue(), c.resolvedAt()));
		return new ComplaintView(c.idValue(), c.complaintNo(), c.status(), c.subject(), c.regionId(), c.residentId(),
				c.orderId(), c.pickupPointId(), c.skuId(), c.text(), c.assigneeId(), staff.nameOf(c.assigneeId()),
				c.filedAt(), c.firstResponseDue(), c.firstRespondedAt(), c.resolutionDue(), c.resolvedAt(),
				c.resolutionSummary(), c.closedAt(), c.satisfaction(), c.escalatedAt(),
				c.escalationClock() == null ? null : c.escalationClock().name(), Timer.of(c, now), soFar, photos, thread);
	}

}
