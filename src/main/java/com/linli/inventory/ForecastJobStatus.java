package com.linli.inventory;

import java.time.Instant;

/**
 * The forecasting job (nightly, or started from the console): whether it runs, how far it got
 * (percent of the regions' series), and what the last run did.
 */
public record ForecastJobStatus(boolean running, int percent, Instant startedAt, Instant finishedAt, int regions,
		int series, String lastError) {
}
