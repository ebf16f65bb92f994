package com.linli.analytics;

import java.util.List;

import com.linli.analytics.internal.tracking.TrackingEvents;
import com.linli.shared.TrackedEvent;

import org.springframework.stereotype.Service;

/**
 * Writes past storefront events straight to the tracking table in one batch (the demo's and the simulator's history),
 * bypassing the live buffer; each event's day partition is created as needed.
 */
@Service
public class TrackingHistory {

	private final TrackingEvents events;

	TrackingHistory(TrackingEvents events) {
		this.events = events;
	}

	public void write(List<TrackedEvent> history) {
		for (int i = 0; i < history.size(); i += 2000) {
			events.insert(history.subList(i, Math.min(history.size(), i + 2000)));
		}
	}
}
