package com.linli.network;

/** A community's age mix as the operator recorded it (percent of residents; the three add up to 100). */
public record CommunityProfile(CommunityId communityId, int youngPercent, int middlePercent, int seniorPercent) {

	public CommunityType type() {
		return CommunityType.of(youngPercent, middlePercent, seniorPercent);
	}
}
