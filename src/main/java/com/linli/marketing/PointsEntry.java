package com.linli.marketing;

import java.time.Instant;

import com.linli.shared.Text;

/** One line of a resident's points ledger: what, how many points, why (a text) and when. */
public record PointsEntry(long id, PointsKind kind, long points, Text reason, String reference, Instant at) {

	/** The points with their sign as they moved the balance. */
	public long signedPoints() {
		return kind.adds() ? points : -points;
	}
}
