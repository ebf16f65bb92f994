package com.linli.notification.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import com.linli.network.KeeperManagement;
import com.linli.network.PickupPoint;
import com.linli.network.PickupPointId;
import com.linli.network.PickupPointManagement;
import com.linli.network.RegionId;
import com.linli.network.RegionManagement;
import com.linli.notification.MessageKind;
import com.linli.notification.internal.MessageTexts.Joined;
import com.linli.notification.internal.Notifier.Notice;
import com.linli.ordering.OrderDeliveryManagement;
import com.linli.ordering.Order;
import com.linli.ordering.OrderId;
import com.linli.shared.Text;

import org.springframework.stereotype.Component;

/**
 * Pickup reminders (run hourly by {@link PickupReminderSchedule}): residents whose order has waited at
 * the pickup point longer than {@code reminder-after} are reminded once, while the point is open; and
 * from {@code leader-summary-at} on, each leader gets one summary a day of the orders still waiting at
 * their point. Dedupe keys make every run after the first a no-op for the same order and day.
 */
@Component
public class PickupReminders {

	private static final int BATCH = 500;

	private static final int LISTED_IN_SUMMARY = 10;

	private final OrderDeliveryManagement orders;

	private final KeeperManagement network;

	private final RegionManagement regions;

	private final PickupPointManagement pickupPoints;

	private final Notifier notifier;

	private final NotificationProperties properties;

	private final Clock clock;

	PickupReminders(OrderDeliveryManagement orders, KeeperManagement network, RegionManagement regions,
			PickupPointManagement pickupPoints, Notifier notifier,
			NotificationProperties properties, Clock clock) {
		this.orders = orders;
		this.network = network;
		this.regions = regions;
		this.pickupPoints = pickupPoints;
		this.notifier = notifier;
		this.properties = properties;
		this.clock = clock;
	}

	/**
	 * Reminds, once per order, the residents whose orders became ready between
	 * {@code reminder-after + reminder-window} and {@code reminder-after} before {@code now} and are
	 * still waiting, if their pickup point is open at {@code now}. Returns how many were reminded.
	 */
	public int remindResidents(Instant now) {
		Instant readyBefore = now.minus(properties.reminderAfter());
		Instant readySince = readyBefore.minus(properties.reminderWindow());
		var places = new Places();
		int[] reminded = { 0 };
		forEachBatch(readySince, readyBefore, batch -> {
			var taken = notifier.taken(batch.stream().map(PickupReminders::reminderKey).toList());
			for (Order order : batch) {
				if (taken.contains(reminderKey(order))) {
					continue;
				}
				PickupPoint point = places.point(order.pickupPointId());
				ZoneId zone = places.zone(order.regionId());
				if (point == null || !openAt(point, now.atZone(zone).toLocalTime())) {
					continue; // a later run, when the point is open, reminds them
				}
				var readyAt = order.readyAt().atZone(zone).toLocalDateTime();
				var posted = notifier.post(new Notice(order.residentId(), MessageKind.PICKUP_REMINDER,
						reminderKey(order), "/shop/orders/" + order.id(), "notification.reminder", new Object[0],
						new Object[] { order.orderNo(), readyAt, point.name(), point.address(), Notifier.hours(point),
								order.pickupCode() }));
				if (posted.isPresent()) {
					reminded[0]++;
				}
			}
		});
		return reminded[0];
	}

	/**
	 * Sends each leader whose pickup point has orders waiting (ready within the reminder window) one
	 * summary for the local day of {@code now}, once that day has reached {@code leader-summary-at}.
	 * Returns how many summaries were sent.
	 */
	public int summariseForLeaders(Instant now) {
		Instant readySince = now.minus(properties.reminderAfter()).minus(properties.reminderWindow());
		Map<PickupPointId, List<Order>> waiting = new LinkedHashMap<>();
		forEachBatch(readySince, now, batch -> batch
			.forEach(o -> waiting.computeIfAbsent(o.pickupPointId(), p -> new ArrayList<>()).add(o)));
		var places = new Places();
		int sent = 0;
		for (var entry : waiting.entrySet()) {
			PickupPoint point = places.point(entry.getKey());
			if (point == null) {
				continue;
			}
			ZonedDateTime local = now.atZone(places.zone(point.regionId()));
			if (local.toLocalTime().isBefore(properties.leaderSummaryAt())) {
				continue;
			}
			var keeper = network.keeperOf(point.id());
			if (keeper.isEmpty()) {
				continue;
			}
			String key = "leader-summary:" + point.id() + ":" + local.toLocalDate();
			if (!notifier.taken(List.of(key)).isEmpty()) {
				continue;
			}
			var list = entry.getValue();
			var listed = new ArrayList<Text>();
			for (Order o : list.subList(0, Math.min(list.size(), LISTED_IN_SUMMARY))) {
				listed.add(Text.of("notification.leaderSummary.order", o.orderNo(), o.recipientName(), o.pickupCode()));
			}
			var orders = new Joined(listed, "notification.leaderSummary.separator",
					list.size() > LISTED_IN_SUMMARY ? "notification.leaderSummary.more" : null);
			String count = Integer.toString(list.size());
			if (notifier.post(new Notice(keeper.get(), MessageKind.LEADER_PICKUP_SUMMARY, key, "/leader",
					"notification.leaderSummary", new Object[] { count }, new Object[] { point.name(), count, orders }))
				.isPresent()) {
				sent++;
			}
		}
		return sent;
	}

	private void forEachBatch(Instant readySince, Instant readyBefore, Consumer<List<Order>> consumer) {
		OrderId after = null;
		while (true) {
			var batch = orders.readyNotPickedUp(readySince, readyBefore, after, BATCH);
			if (batch.isEmpty()) {
				return;
			}
			consumer.accept(batch);
			if (batch.size() < BATCH) {
				return;
			}
			after = batch.get(batch.size() - 1).id();
		}
	}

	static String reminderKey(Order order) {
		return "reminder:" + order.id();
	}

	static boolean openAt(PickupPoint point, LocalTime time) {
		return point.active() && !time.isBefore(point.opensAt()) && time.isBefore(point.closesAt());
	}

	/** Pickup points and region zones looked up once per run. */
	private final class Places {

		private final Map<PickupPointId, PickupPoint> points = new HashMap<>();

		private final Map<RegionId, ZoneId> zones = new HashMap<>();

		PickupPoint point(PickupPointId id) {
			if (!points.containsKey(id)) {
				points.putAll(pickupPoints.pickupPoints(List.of(id)));
				points.putIfAbsent(id, null);
			}
			return points.get(id);
		}

		ZoneId zone(RegionId id) {
			return zones.computeIfAbsent(id, r -> regions.getRegion(r).zone());
		}
	}
}
