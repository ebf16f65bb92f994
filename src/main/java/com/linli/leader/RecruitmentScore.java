package com.linli.leader;

/**
 * How an application meets the recruitment standards, in points out of 100: households covered (at most 30),
 * followers in the community chat (30), a shop with storage (20), distance to the nearest existing pickup point
 * (20: far from the others serves new residents). {@code nearestPointMeters} is empty when the region has none.
 */
public record RecruitmentScore(int households, int followers, int storage, int distance, Integer nearestPointMeters) {

	public int total() {
		return households + followers + storage + distance;
	}
}
