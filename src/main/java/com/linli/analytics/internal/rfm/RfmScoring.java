package com.linli.analytics.internal.rfm;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import com.linli.ordering.ResidentOrderFigures.Buyer;

/**
 * Scores a region's buyers 1–5 on recency, frequency and monetary value by quintiles within the region (DESIGN.md
 * section 6). Ties: a resident's score is {@code 1 + floor(5 × b / n)}, where {@code n} is the number of buyers and
 * {@code b} the number whose value is strictly worse (longer since the last order; fewer orders; less paid). Equal
 * values therefore always get equal scores (the lower bound of their tie block), the best value of a region with
 * any spread gets a high score, and a region where everyone is equal scores everyone 1. No Spring: plain Java.
 */
public final class RfmScoring {

	private RfmScoring() {
	}

	/** One buyer's figures and scores as of a day. */
	public record Scored(long residentId, LocalDate firstOrderOn, LocalDate lastOrderOn, int recencyDays, int orders,
			long monetaryFen, int r, int f, int m, Segment segment) {
	}

	public static List<Scored> score(List<Buyer> buyers, LocalDate asOf) {
		int n = buyers.size();
		long[] recency = new long[n];
		long[] orders = new long[n];
		long[] monetary = new long[n];
		for (int i = 0; i < n; i++) {
			var b = buyers.get(i);
			recency[i] = -ChronoUnit.DAYS.between(b.lastOrderOn(), asOf); // fewer days is better: negate
			orders[i] = b.ordersInWindow();
			monetary[i] = b.paidInWindowFen();
		}
		int[] r = quintiles(recency);
		int[] f = quintiles(orders);
		int[] m = quintiles(monetary);
		List<Scored> scored = new ArrayList<>(n);
		for (int i = 0; i < n; i++) {
			var b = buyers.get(i);
			int days = (int) ChronoUnit.DAYS.between(b.lastOrderOn(), asOf);
			int sinceFirst = (int) ChronoUnit.DAYS.between(b.firstOrderOn(), asOf);
			scored.add(new Scored(b.residentId(), b.firstOrderOn(), b.lastOrderOn(), days, b.ordersInWindow(),
					b.paidInWindowFen(), r[i], f[i], m[i], Segment.of(r[i], f[i], m[i], sinceFirst)));
		}
		return scored;
	}

	/** Higher is better: {@code 1 + floor(5 × (values strictly lower) / n)}. */
	static int[] quintiles(long[] values) {
		int n = values.length;
		long[] sorted = values.clone();
		Arrays.sort(sorted);
		int[] scores = new int[n];
		for (int i = 0; i < n; i++) {
			int below = lowerBound(sorted, values[i]);
			scores[i] = 1 + (int) (5L * below / n);
		}
		return scores;
	}

	private static int lowerBound(long[] sorted, long value) {
		int lo = 0;
		int hi = sorted.length;
		while (lo < hi) {
			int mid = (lo + hi) >>> 1;
			if (sorted[mid] < value) {
				lo = mid + 1;
			}
			else {
				hi = mid;
			}
		}
		return lo;
	}
}
