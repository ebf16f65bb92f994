package com.linli.inventory;

import com.linli.Api;
import com.linli.Deadline;
import tools.jackson.databind.JsonNode;

/** The forecasting job through the API, for the tests that need its forecasts: waiting for a run to finish. */
final class ForecastRuns {

	private ForecastRuns() {
	}

	/** The job's status once no run is at work (or after a minute, whatever it is then). */
	static JsonNode await(Api staff) {
		Deadline deadline = Deadline.inMillis(60_000);
		JsonNode status = staff.get("/api/forecasts/runs/current").json();
		while (status.get("running").asBoolean() && !deadline.passed()) {
			try {
				Thread.sleep(50);
			}
			catch (InterruptedException e) {
				throw new IllegalStateException(e);
			}
			status = staff.get("/api/forecasts/runs/current").json();
		}
		return status;
	}
}
