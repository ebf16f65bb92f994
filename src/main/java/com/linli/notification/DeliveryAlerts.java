package com.linli.notification;

import com.linli.identity.AccountId;
import com.linli.logistics.StopWillBeLate;
import com.linli.network.KeeperManagement;
import com.linli.network.PickupPointId;
import com.linli.network.RegionId;
import com.linli.notification.internal.Notifier;
import com.linli.notification.internal.Notifier.Notice;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * A morning's delivery that will miss a pickup point's window (logistics' tracking): the leader of the point hears
 * when the truck is now expected, and the region's operators see it in their inbox. Once per stop (dedupe key).
 */
@Component
class DeliveryAlerts {

	private final Notifier notifier;

	private final KeeperManagement keepers;

	private final StaffDirectory directory;

	DeliveryAlerts(Notifier notifier, KeeperManagement keepers, StaffDirectory directory) {
		this.notifier = notifier;
		this.keepers = keepers;
		this.directory = directory;
	}

	@ApplicationModuleListener
	void on(StopWillBeLate event) {
		Object[] title = { event.pickupPointName() };
		Object[] body = { event.pickupPointName(), event.etaText(), event.windowEndText(),
				Long.toString(event.minutesLate()), Integer.toString(event.routeNo()) };
		keepers.keeperOf(new PickupPointId(event.pickupPointId()))
			.ifPresent(leader -> notifier.post(new Notice(leader, MessageKind.LEADER_DELIVERY_LATE,
					"delivery-late:" + event.stopId(), "/leader/receipt?date=" + event.pickupDate(),
					"notification.deliveryLate.leader", title, body)));
		for (AccountId staff : directory.operatorsOf(new RegionId(event.regionId()))) {
			notifier.post(new Notice(staff, MessageKind.DELIVERY_LATE, "delivery-late:" + event.stopId() + ":" + staff.value(),
					"/console/logistics/tracking?date=" + event.pickupDate(), "notification.deliveryLate.staff", title, body));
		}
	}
}
