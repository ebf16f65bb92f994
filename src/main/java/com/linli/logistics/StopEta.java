package com.linli.logistics;

import java.time.Instant;

/** A stop as the tracking board sees it: planned arrival, the estimate for a stop still to come, and the window. */
public record StopEta(PlannedStop stop, Instant eta, boolean willMissWindow, boolean alerted, boolean inOrder) {
}
