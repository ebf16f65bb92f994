package com.linli.notification;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import com.linli.aftersales.AfterSalesRequestUpdated;
import com.linli.aftersales.AfterSalesRequested;
import com.linli.aftersales.ComplaintEscalated;
import com.linli.aftersales.QualityAlertRaised;
import com.linli.aftersales.RefundApproved;
import com.linli.aftersales.RequestKind;
import com.linli.aftersales.ReviewHidden;
import com.linli.identity.AccountId;
import com.linli.network.KeeperManagement;
import com.linli.network.RegionId;
import com.linli.notification.internal.Notifier;
import com.linli.notification.internal.Notifier.Notice;
import com.linli.shared.Text;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Tells people what happened in after-sales: the resident how their request went (approved, information asked
 * with the question, refunded with the amount, rejected with the reason, exchanged) and that a review of theirs
 * was hidden (with the reason); the leader of the pickup point that a request was filed there and which goods to
 * collect for an approved return or exchange; the region's operators (and the assignee) that a complaint ran out
 * of time and was escalated, and of a quality alert. Each message has its dedupe key: an event delivered twice
 * writes one message.
 */
@Component
class AfterSalesNotifications {

	private final Notifier notifier;

	private final KeeperManagement keepers;

	private final StaffDirectory directory;

	AfterSalesNotifications(Notifier notifier, KeeperManagement keepers, StaffDirectory directory) {
		this.notifier = notifier;
		this.keepers = keepers;
		this.directory = directory;
	}

	@ApplicationModuleListener
	void on(AfterSalesRequested event) {
		keepers.keeperOf(event.pickupPointId())
			.ifPresent(leader -> notifier.post(new Notice(leader, MessageKind.LEADER_AFTERSALES,
					"aftersales-filed:" + event.requestId().value(), LEADER_LINK, "notification.aftersales.leaderFiled",
					args(event.requestNo()), args(event.requestNo(), event.skuName(),
							Integer.toString(event.quantity()), Text.of("notification.aftersales.kind." + event.kind()),
							Text.of("notification.aftersales.reason." + event.reason())))));
	}

	@ApplicationModuleListener
	void on(AfterSalesRequestUpdated event) {
		long id = event.requestId().value();
		String link = requestLink(id);
		String no = event.requestNo();
		switch (event.status()) {
			case APPROVED -> {
				boolean back = event.kind().needsReturn();
				notifier.post(new Notice(event.residentId(), MessageKind.AFTERSALES_UPDATE, "aftersales-approved:" + id,
						link, event.kind() == RequestKind.EXCHANGE ? "notification.aftersales.approvedExchange"
								: back ? "notification.aftersales.approvedReturn" : "notification.aftersales.approved",
						args(no), args(no, Text.of("notification.aftersales.kind." + event.kind()))));
				if (back) {
					keepers.keeperOf(event.pickupPointId())
						.ifPresent(leader -> notifier.post(new Notice(leader, MessageKind.LEADER_AFTERSALES,
								"aftersales-collect:" + id, LEADER_LINK, "notification.aftersales.leaderCollect",
								args(no), args(no, Text.of("notification.aftersales.kind." + event.kind())))));
				}
			}
			// information may be asked more than once: each question is its own message
			case INFO_REQUESTED -> notifier.post(new Notice(event.residentId(), MessageKind.AFTERSALES_UPDATE,
					"aftersales-info:" + id + ":" + (event.at() == null ? 0 : event.at().toEpochMilli()), link,
					"notification.aftersales.infoRequested", args(no), args(no, note(event.note()))));
			case REJECTED -> notifier.post(new Notice(event.residentId(), MessageKind.AFTERSALES_UPDATE,
					"aftersales-rejected:" + id, link, "notification.aftersales.rejected", args(no),
					args(no, note(event.note()))));
			case EXCHANGED -> notifier.post(new Notice(event.residentId(), MessageKind.AFTERSALES_UPDATE,
					"aftersales-exchanged:" + id, link, "notification.aftersales.exchanged", args(no), args(no)));
			// REFUNDED: told with its amount from RefundApproved; SUBMITTED and WITHDRAWN are the resident's own doing
			default -> {
			}
		}
	}

	@ApplicationModuleListener
	void on(RefundApproved event) {
		if (event.kind() == RequestKind.EXCHANGE || event.amount() == null) {
			return;
		}
		String amount = event.amount().toString();
		notifier.post(new Notice(event.residentId(), MessageKind.AFTERSALES_UPDATE,
				"aftersales-refunded:" + event.requestId().value(), requestLink(event.requestId().value()),
				"notification.aftersales.refunded", args(amount),
				args(event.skuName(), Integer.toString(event.quantity()), amount)));
	}

	@ApplicationModuleListener
	void on(ReviewHidden event) {
		notifier.post(new Notice(event.residentId(), MessageKind.REVIEW_HIDDEN,
				"review-hidden:" + event.reviewId().value(), "/shop/aftersales/reviews", "notification.reviewHidden",
				args(event.skuName()), args(event.skuName(), note(event.reason()))));
	}

	@ApplicationModuleListener
	void on(ComplaintEscalated event) {
		Set<AccountId> to = new LinkedHashSet<>(directory.operatorsOf(event.regionId()));
		if (event.assigneeId() != null) {
			to.add(new AccountId(event.assigneeId()));
		}
		String clock = event.clock() == null ? "RESOLUTION" : event.clock().toUpperCase(Locale.ROOT);
		for (AccountId staff : to) {
			notifier.post(new Notice(staff, MessageKind.COMPLAINT_ESCALATED,
					"complaint-escalated:" + event.complaintId().value() + ":" + clock + ":" + staff.value(),
					"/console/complaints/" + event.complaintId().value(),
					"notification.complaintEscalated", args(event.complaintNo()),
					args(event.complaintNo(), notifier.textOrElse("notification.complaintEscalated.clock." + clock,
							"notification.complaintEscalated.clock.RESOLUTION"))));
		}
	}

	@ApplicationModuleListener
	void on(QualityAlertRaised event) {
		String rate = percent(event.rate());
		String baseline = percent(event.baselineRate());
		// the SKU by its name (its id is catalog's type, a module notification does not depend on)
		String sku = event.skuName() == null ? "" : event.skuName().length() > 80 ? event.skuName().substring(0, 80)
				: event.skuName();
		for (AccountId staff : directory.operatorsOf(event.regionId())) {
			notifier.post(new Notice(staff, MessageKind.QUALITY_ALERT,
					"quality-alert:" + event.regionId().value() + ":" + event.day() + ":" + staff.value() + ":" + sku,
					"/console/aftersales/reports", "notification.qualityAlert", args(event.skuName()),
					args(event.skuName(), event.day(), Integer.toString(event.requests()), rate, baseline)));
		}
	}

	/** A stored text (a code with its arguments, put into words for the reader), or the words typed. */
	private static Object note(String stored) {
		if (stored == null || stored.isBlank()) {
			return "—";
		}
		Text text = Text.fromStored(stored);
		return text.code() != null ? text : stored;
	}

	private static String percent(double rate) {
		return String.format(Locale.ROOT, "%.1f%%", rate * 100);
	}

	static String requestLink(long requestId) {
		return "/shop/aftersales/" + requestId;
	}

	private static final String LEADER_LINK = "/leader/aftersales";

	private static Object[] args(Object... args) {
		return args;
	}
}
