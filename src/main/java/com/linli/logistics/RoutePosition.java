package com.linli.logistics;

import java.time.Instant;

/** A position the driver's phone posted while the route was on its way. */
public record RoutePosition(long id, long routeId, double latitude, double longitude, Double accuracyMetres,
		Instant recordedAt) {
}
