package com.linli.analytics;

import java.util.List;

/**
 * An operator sent a message to an RFM segment's residents (push {@code pushId} of region {@code regionId}); the
 * message centre puts {@code text} in each resident's inbox, once per push and resident.
 */
public record SegmentMessageSent(long pushId, long regionId, String segment, List<Long> residentIds, String text) {

	public SegmentMessageSent {
		residentIds = List.copyOf(residentIds);
	}
}
