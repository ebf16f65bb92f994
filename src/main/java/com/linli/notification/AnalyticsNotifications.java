package com.linli.notification;

import com.linli.analytics.AlertRaised;
import com.linli.analytics.SegmentMessageSent;
import com.linli.identity.AccountId;
import com.linli.network.RegionId;
import com.linli.notification.internal.Notifier;
import com.linli.notification.internal.Notifier.Notice;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Analytics speaks through the message centre: an operator's message to an RFM segment reaches each of its
 * residents' inbox, and a fired alert the region's operators (in the app and through the outbound channels). Dedupe
 * keys per push or alert and recipient make a redelivered event write nothing.
 */
@Component
class AnalyticsNotifications {

	private final Notifier notifier;

	private final StaffDirectory directory;

	AnalyticsNotifications(Notifier notifier, StaffDirectory directory) {
		this.notifier = notifier;
		this.directory = directory;
	}

	@ApplicationModuleListener
	void on(SegmentMessageSent event) {
		for (Long resident : event.residentIds()) {
			notifier.post(new Notice(new AccountId(resident), MessageKind.SEGMENT_MESSAGE,
					"segment-push:" + event.pushId() + ":" + resident, "/shop", "notification.segmentMessage",
					new Object[0], new Object[] { event.text() }));
		}
	}

	@ApplicationModuleListener
	void on(AlertRaised event) {
		String value = number(event.value());
		String previous = event.previousValue() == null ? "—" : number(event.previousValue());
		String scope = event.pickupPointId() == null ? "" : "#" + event.pickupPointId();
		for (AccountId staff : directory.operatorsOf(new RegionId(event.regionId()))) {
			notifier.post(new Notice(staff, MessageKind.ANALYTICS_ALERT, "analytics-alert:" + event.alertId() + ":"
					+ staff.value(), "/console/analytics/alerts?regionId=" + event.regionId(),
					"notification.analyticsAlert", new Object[] { event.ruleName() },
					new Object[] { event.ruleName(), event.metricKey() + scope, event.periodKind(),
							event.periodStart().toString(), value, previous }));
		}
	}

	private static String number(double v) {
		return v == Math.rint(v) ? Long.toString((long) v) : String.format(java.util.Locale.ROOT, "%.4f", v);
	}
}
