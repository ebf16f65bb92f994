package com.linli.demo.internal;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SimulationStatusTests {

	private final ZoneId zone = ZoneId.of("Asia/Shanghai");

	private final Instant start = Instant.parse("2026-11-20T00:00:00Z");

	@Test
	void theConsoleShowsHowFarTheSimulationIsWhileItRunsAndNothingOnceDone() {
		var status = new SimulationStatus();
		assertThat(status.figures(Optional.empty())).isEmpty();

		var progress = new DayProgress("青岛", zone, start, start.plus(Duration.ofHours(10)), status);
		progress.at(start.plus(Duration.ofHours(4)), List.of());
		assertThat(status.running()).isTrue();
		assertThat(status.figures(Optional.empty())).singleElement()
			.satisfies(f -> assertThat(f.value()).startsWith("青岛 40%"))
			.satisfies(f -> assertThat(f.labelKey()).isEqualTo("demo.figure.simulating"));

		progress.at(start.plus(Duration.ofHours(9)), List.of());
		assertThat(status.percent()).contains(90);

		progress.done();
		assertThat(status.running()).isFalse();
		assertThat(status.figures(Optional.empty())).isEmpty();
	}
}
