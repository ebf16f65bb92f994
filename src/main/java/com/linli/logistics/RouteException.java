package com.linli.logistics;

import java.time.Instant;

/** An exception the driver reported on a route (at a stop, or on the way), with a photo or not. */
public record RouteException(long id, long routeId, Long stopId, ExceptionKind kind, String reason, boolean hasPhoto,
		Long reportedBy, Instant reportedAt) {
}
