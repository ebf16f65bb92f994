package com.linli.demo.internal;

import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/** Residents order at lunch and in the evening, and collect after work; the same seed gives the same times. */
class DayCurveTests {

	static final int DRAWS = 20_000;

	static List<LocalTime> draw(DayCurve curve, long seed, int count) {
		Random random = new Random(seed);
		List<LocalTime> times = new ArrayList<>();
		for (int i = 0; i < count; i++) {
			times.add(curve.sample(random));
		}
		return times;
	}

	static double share(List<LocalTime> times, LocalTime from, LocalTime to) {
		return times.stream().filter(t -> !t.isBefore(from) && t.isBefore(to)).count() / (double) times.size();
	}

	@Test
	void ordersFallBetweenOpeningAndCutoff() {
		assertThat(draw(DayCurve.ORDERING, 1, DRAWS))
			.allSatisfy(t -> assertThat(t).isAfterOrEqualTo(LocalTime.of(10, 0)).isBefore(LocalTime.of(23, 0)));
	}

	@Test
	void ordersPeakAtLunchAndInTheEvening() {
		var times = draw(DayCurve.ORDERING, 2, DRAWS);
		// 12:00–13:30 is 12% of the selling hours, 19:00–22:30 is 27%, 14:00–17:00 is 23%
		double lunch = share(times, LocalTime.of(12, 0), LocalTime.of(13, 30));
		double evening = share(times, LocalTime.of(19, 0), LocalTime.of(22, 30));
		double afternoon = share(times, LocalTime.of(14, 0), LocalTime.of(17, 0));
		assertThat(lunch).isGreaterThan(0.17);
		assertThat(evening).isGreaterThan(0.42);
		assertThat(afternoon).isLessThan(0.12);
		assertThat(lunch + evening).isGreaterThan(0.6);
	}

	@Test
	void samplesFollowTheCurve() {
		var times = draw(DayCurve.ORDERING, 3, DRAWS);
		for (int hour = 10; hour < 23; hour++) {
			var from = LocalTime.of(hour, 0);
			var to = hour == 22 ? LocalTime.of(23, 0) : LocalTime.of(hour + 1, 0);
			assertThat(share(times, from, to)).as("%s", from)
				.isCloseTo(DayCurve.ORDERING.share(from, to), org.assertj.core.data.Offset.offset(0.012));
		}
	}

	@Test
	void residentsCollectMostAfterWork() {
		var times = draw(DayCurve.PICKUP, 4, DRAWS);
		double afterWork = share(times, LocalTime.of(17, 30), LocalTime.of(19, 30));
		assertThat(afterWork).isGreaterThan(0.28);
		assertThat(share(times, LocalTime.of(6, 0), LocalTime.of(7, 0))).isLessThan(0.02);
	}

	@Test
	void aWindowKeepsSamplesInsideIt() {
		Random random = new Random(5);
		for (int i = 0; i < 5_000; i++) {
			assertThat(DayCurve.PICKUP.sample(random, LocalTime.of(8, 45), LocalTime.of(9, 10)))
				.isAfterOrEqualTo(LocalTime.of(8, 45)).isBefore(LocalTime.of(9, 10));
		}
		// a window reaching past the curve is cut to it
		assertThat(DayCurve.PICKUP.sample(random, LocalTime.of(5, 0), LocalTime.of(6, 1)))
			.isAfterOrEqualTo(LocalTime.of(6, 0)).isBefore(LocalTime.of(6, 1));
	}

	@Test
	void aWindowOutsideTheCurveIsAnError() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> DayCurve.ORDERING.sample(new Random(6), LocalTime.of(7, 0), LocalTime.of(9, 0)));
	}

	@Test
	void theSameSeedGivesTheSameTimes() {
		assertThat(draw(DayCurve.ORDERING, 42, 500)).isEqualTo(draw(DayCurve.ORDERING, 42, 500));
		assertThat(draw(DayCurve.ORDERING, 42, 500)).isNotEqualTo(draw(DayCurve.ORDERING, 43, 500));
	}
}
