package com.linli.shared;

/**
 * Where the storefront reports what shoppers do (page views, searches, carts, checkouts, share-link opens), so that
 * modules below analytics need not know it: analytics implements it. {@link #record} only hands the event over (a
 * bounded in-memory queue written in batches in the background); it never blocks and never fails the request: when
 * the queue is full the event is dropped and counted.
 */
public interface Tracking {

	void record(TrackedEvent event);
}
