package com.linli.demo.internal;

import java.util.Random;

/**
 * Independent random streams from one seed, one per purpose: adding residents does not move the
 * communities, and a second region does not change the first.
 */
public final class Seeds {

	private Seeds() {
	}

	public static Random stream(long seed, String purpose, int index) {
		return new Random(mix(mix(seed ^ purpose.hashCode()) + index));
	}

	/** SplitMix64's finaliser: nearby inputs give unrelated outputs. */
	static long mix(long z) {
		z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
		z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
		return z ^ (z >>> 31);
	}
}
