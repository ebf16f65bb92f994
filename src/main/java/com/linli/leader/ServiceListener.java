package com.linli.leader;

import java.time.Clock;
import java.time.Instant;

import com.linli.aftersales.ComplaintClosed;
import com.linli.aftersales.ComplaintFiled;
import com.linli.aftersales.ComplaintSubject;
import com.linli.aftersales.ReviewPosted;
import com.linli.leader.internal.Leaders;
import com.linli.leader.internal.ServiceRecords;
import com.linli.network.PickupPointId;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Reacts to after-sales: a review that rates the leader's service ({@code leaderStars}) and a complaint about
 * the leader (subject LEADER, naming the pickup point) count for the leader who held the pickup point at the
 * time. Runs after after-sales' transaction committed, in its own; one row per review or complaint, so an event
 * delivered twice changes nothing.
 */
@Component
class ServiceListener {

	private final Leaders leaders;

	private final ServiceRecords records;

	private final Clock clock;

	ServiceListener(Leaders leaders, ServiceRecords records, Clock clock) {
		this.leaders = leaders;
		this.records = records;
		this.clock = clock;
	}

	@ApplicationModuleListener
	void on(ReviewPosted event) {
		if (event.leaderStars() == null || event.pickupPointId() == null || event.leaderStars() < 1
				|| event.leaderStars() > 5) {
			return;
		}
		Instant at = at(event.at());
		leaders.holderAt(event.pickupPointId(), at)
			.ifPresent(leader -> records.rate(event.reviewId().value(), leader.id(), event.pickupPointId(),
					event.leaderStars(), at));
	}

	@ApplicationModuleListener
	void on(ComplaintFiled event) {
		if (event.subject() != ComplaintSubject.LEADER || event.pickupPointId() == null) {
			return;
		}
		Instant at = at(event.at());
		leaders.holderAt(event.pickupPointId(), at)
			.ifPresent(leader -> records.complaintFiled(event.complaintId().value(), leader.id(),
					event.pickupPointId(), at));
	}

	@ApplicationModuleListener
	void on(ComplaintClosed event) {
		if (event.subject() != ComplaintSubject.LEADER || event.pickupPointId() == null || event.satisfaction() < 1
				|| event.satisfaction() > 5) {
			return;
		}
		PickupPointId point = event.pickupPointId();
		Instant at = at(event.at());
		leaders.holderAt(point, at)
			.ifPresent(leader -> records.complaintClosed(event.complaintId().value(), leader.id(), point,
					event.satisfaction(), at));
	}

	private Instant at(Instant at) {
		return at != null ? at : clock.instant();
	}
}
