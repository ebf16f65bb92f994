package com.linli.analytics.internal.tracking;

import java.time.Instant;

import com.linli.shared.TrackedEvent;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** A full buffer drops and counts, it never blocks the caller. */
class TrackingRecorderTests {

	@Test
	void aFullBufferDropsTheEventAndCountsIt() {
		var meters = new SimpleMeterRegistry();
		// not started: nothing drains the queue of 10
		var recorder = new TrackingRecorder(null, meters, 10, 500, 200);

		for (int i = 0; i < 15; i++) {
			recorder.record(TrackedEvent.of(TrackedEvent.Kind.PAGE_VIEW, Instant.EPOCH, (long) i, TrackedEvent.Client.H5));
		}

		assertThat(recorder.dropped()).isEqualTo(5);
		assertThat(meters.counter("linli.tracking.dropped").count()).isEqualTo(5.0);
		assertThat(meters.get("linli.tracking.queued").gauge().value()).isEqualTo(10.0);
	}

	@Test
	void aLongQueryIsCutToFiftyCharacters() {
		var e = TrackedEvent.of(TrackedEvent.Kind.SEARCH, Instant.EPOCH, null, TrackedEvent.Client.API)
			.search("苹".repeat(80), 3);
		assertThat(e.query()).hasSize(TrackedEvent.QUERY_MAX);
	}
}
