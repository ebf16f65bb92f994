package com.linli.network;

/**
 * The character of a community by its residents' age mix: an age band with at least half the residents names it
 * (under 35: {@code YOUNG}, 35 to 59: {@code FAMILY}, 60 and over: {@code SENIOR}), otherwise {@code MIXED}.
 * Communities of one type are "similar" for product selection.
 */
public enum CommunityType {

	YOUNG, FAMILY, SENIOR, MIXED;

	public static CommunityType of(int youngPercent, int middlePercent, int seniorPercent) {
		if (youngPercent >= 50) {
			return YOUNG;
		}
		if (middlePercent >= 50) {
			return FAMILY;
		}
		if (seniorPercent >= 50) {
			return SENIOR;
		}
		return MIXED;
	}
}
