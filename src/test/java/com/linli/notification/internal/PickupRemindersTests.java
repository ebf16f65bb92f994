package com.linli.notification.internal;

import java.time.LocalTime;

import com.linli.network.CommunityId;
import com.linli.network.PickupPoint;
import com.linli.network.PickupPointId;
import com.linli.network.RegionId;
import com.linli.network.WarehouseId;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PickupRemindersTests {

	@Test
	void residentsAreRemindedOnlyWhileTheirPickupPointIsOpen() {
		var point = point(true);
		assertThat(PickupReminders.openAt(point, LocalTime.of(7, 59))).isFalse();
		assertThat(PickupReminders.openAt(point, LocalTime.of(8, 0))).isTrue();
		assertThat(PickupReminders.openAt(point, LocalTime.of(20, 59))).isTrue();
		assertThat(PickupReminders.openAt(point, LocalTime.of(21, 0))).isFalse();
		assertThat(PickupReminders.openAt(point(false), LocalTime.NOON)).as("a closed-down point").isFalse();
	}

	private static PickupPoint point(boolean active) {
		return new PickupPoint(new PickupPointId(1), new RegionId(1), new CommunityId(1), "翠苑一区", new WarehouseId(1),
				"翠苑便利店", "幸福路 1 号", 30.28, 120.13, LocalTime.of(8, 0), LocalTime.of(21, 0), active);
	}
}
