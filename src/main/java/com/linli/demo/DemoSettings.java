package com.linli.demo;

import java.util.regex.Pattern;

/**
 * What the simulator generates: a seed (same seed, same city), how many regions (杭州市, then 苏州市),
 * communities and residents per region. {@code tag} (empty for the real demo) is appended to region
 * names and codes so that a second, test-sized city never clashes with the first; the six demo logins
 * are {@code loginPhonePrefix} followed by 01 to 06.
 */
public record DemoSettings(long seed, int regions, int communitiesPerRegion, int residentsPerRegion, String tag,
		String loginPhonePrefix) {

	public static final long DEFAULT_SEED = 20261123L;

	public static final int MAX_REGIONS = 2;

	public static final int MAX_COMMUNITIES = 400;

	public static final int MAX_RESIDENTS = 200_000;

	private static final Pattern TAG = Pattern.compile("[A-Z0-9]{0,8}");

	private static final Pattern LOGIN_PREFIX = Pattern.compile("1[3-9][0-9]{7}");

	public DemoSettings {
		if (regions < 1 || regions > MAX_REGIONS) {
			throw new IllegalArgumentException("linli.demo.regions must be 1 or 2, not " + regions);
		}
		if (communitiesPerRegion < 1 || communitiesPerRegion > MAX_COMMUNITIES) {
			throw new IllegalArgumentException(
					"linli.demo.communities must be 1 to " + MAX_COMMUNITIES + ", not " + communitiesPerRegion);
		}
		if (residentsPerRegion < 1 || residentsPerRegion > MAX_RESIDENTS) {
			throw new IllegalArgumentException(
					"linli.demo.residents must be 1 to " + MAX_RESIDENTS + ", not " + residentsPerRegion);
		}
		tag = tag == null ? "" : tag;
		if (!TAG.matcher(tag).matches()) {
			throw new IllegalArgumentException("demo tag must be up to 8 capital letters or digits, not " + tag);
		}
		if (loginPhonePrefix == null || !LOGIN_PREFIX.matcher(loginPhonePrefix).matches()) {
			throw new IllegalArgumentException(
					"demo login phone prefix must be 9 digits of a mainland mobile number, not " + loginPhonePrefix);
		}
	}

	/** The demo of the issue: one region, 48 communities, 2,400 residents, logins 13800000001 to 13800000006. */
	public static DemoSettings defaults() {
		return new DemoSettings(DEFAULT_SEED, 1, 48, 2400, "", "138000000");
	}

	public DemoSettings withSeed(long newSeed) {
		return new DemoSettings(newSeed, regions, communitiesPerRegion, residentsPerRegion, tag, loginPhonePrefix);
	}

	public DemoSettings withRegions(int count) {
		return new DemoSettings(seed, count, communitiesPerRegion, residentsPerRegion, tag, loginPhonePrefix);
	}

	public DemoSettings withCommunities(int count) {
		return new DemoSettings(seed, regions, count, residentsPerRegion, tag, loginPhonePrefix);
	}

	public DemoSettings withResidents(int count) {
		return new DemoSettings(seed, regions, communitiesPerRegion, count, tag, loginPhonePrefix);
	}

	/** A tag and login prefix that keep this city apart from another one in the same database. */
	public DemoSettings taggedAs(String newTag, String newLoginPhonePrefix) {
		return new DemoSettings(seed, regions, communitiesPerRegion, residentsPerRegion, newTag, newLoginPhonePrefix);
	}

	/** The phone number of demo login number {@code n} (1 to 6). */
	public String loginPhone(int n) {
		return loginPhonePrefix + String.format("%02d", n);
	}
}
