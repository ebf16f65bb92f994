package com.linli.leader.internal.recruitment;

import com.linli.leader.PickupPointKind;
import com.linli.leader.RecruitmentScore;

/**
 * The recruitment standards (招募标准) as points: households covered (30 at 600 or more, in proportion below),
 * followers in the community chat (30 at 300 or more), a shop with storage (20 for a shop with at least 5 m², 10 for
 * a shop or other place with some storage, 0 without), and distance to the nearest existing pickup point (20 at
 * 1 km or more or none in the region, 10 from 500 m, 0 closer: a second point next door serves no one new).
 */
public final class RecruitmentStandards {

	static final int FULL_HOUSEHOLDS = 600;

	static final int FULL_FOLLOWERS = 300;

	private RecruitmentStandards() {
	}

	public static RecruitmentScore score(int households, int followers, PickupPointKind kind, int storageSqm,
			Double nearestPointMeters) {
		int h = (int) Math.min(30, Math.floor(30.0 * households / FULL_HOUSEHOLDS));
		int f = (int) Math.min(30, Math.floor(30.0 * followers / FULL_FOLLOWERS));
		int s = kind == PickupPointKind.SHOP && storageSqm >= 5 ? 20 : storageSqm > 0 ? 10 : 0;
		int d;
		if (nearestPointMeters == null || nearestPointMeters >= 1000) {
			d = 20;
		}
		else if (nearestPointMeters >= 500) {
			d = 10;
		}
		else {
			d = 0;
		}
		return new RecruitmentScore(h, f, s, d, nearestPointMeters == null ? null : (int) Math.round(nearestPointMeters));
	}
}
