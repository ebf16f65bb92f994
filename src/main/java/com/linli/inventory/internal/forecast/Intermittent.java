package com.linli.inventory.internal.forecast;

import java.util.ArrayList;
import java.util.List;

/**
 * Intermittent-demand methods over a series' open days (closed days are neither zeros nor demand),
 * each a flat rate per open day ahead, 0 on closed days:
 * <ul>
 * <li>Croston (1972): at the first demand (the {@code j}-th open day) size {@code z = y_j}, interval
 * {@code p = j}; at every later demand, {@code q} open days after the previous one,
 * {@code z ← z + α(y − z)}, {@code p ← p + α(q − p)}; rate {@code z / p};</li>
 * <li>SBA, the Syntetos–Boylan approximation (2005): Croston's rate × {@code (1 − α/2)};</li>
 * <li>TSB, Teunter–Syntetos–Babai (2011): at the first demand {@code z = y_j}, probability
 * {@code d = 1/j}; on every later open day {@code d ← d + β([y > 0] − d)} and, if {@code y > 0},
 * {@code z ← z + α(y − z)}; rate {@code d·z} (it decays when the item stops selling).</li>
 * </ul>
 * A series that never sold forecasts 0.
 */
public final class Intermittent implements DemandModel {

	/** The usual smoothing constants for intermittent demand (Syntetos &amp; Boylan 2005 use 0.05 to 0.2). */
	public static final double ALPHA = 0.1;

	public static final double BETA = 0.1;

	enum Kind {
		CROSTON, SBA, TSB
	}

	private final Kind kind;

	private final double alpha;

	private final double beta;

	private Intermittent(Kind kind, double alpha, double beta) {
		this.kind = kind;
		this.alpha = alpha;
		this.beta = beta;
	}

	public static Intermittent croston(double alpha) {
		return new Intermittent(Kind.CROSTON, alpha, 0);
	}

	public static Intermittent sba(double alpha) {
		return new Intermittent(Kind.SBA, alpha, 0);
	}

	public static Intermittent tsb(double alpha, double beta) {
		return new Intermittent(Kind.TSB, alpha, beta);
	}

	String name() {
		return kind.name().toLowerCase(java.util.Locale.ROOT);
	}

	@Override
	public List<Prediction> predict(List<DemandSeries> group, ForecastCalendar calendar, int horizon) {
		List<Prediction> predictions = new ArrayList<>(group.size());
		for (DemandSeries s : group) {
			double rate = rate(s.units(), calendar, s.days());
			double[] f = new double[horizon];
			for (int h = 0; h < horizon; h++) {
				f[h] = calendar.closed(s.days() + h) ? 0 : rate;
			}
			predictions.add(new Prediction(f, f, f, f, name()));
		}
		return predictions;
	}

	/** The rate per open day after the first {@code n} days. */
	double rate(double[] units, ForecastCalendar calendar, int n) {
		double z = 0;
		double p = 0;
		double d = 0;
		boolean started = false;
		int open = 0;
		int last = 0;
		for (int t = 0; t < n; t++) {
			if (calendar.closed(t)) {
				continue;
			}
			open++;
			double y = units[t];
			if (!started) {
				if (y > 0) {
					started = true;
					z = y;
					p = open;
					d = 1.0 / open;
					last = open;
				}
				continue;
			}
			if (kind == Kind.TSB) {
				d += beta * ((y > 0 ? 1 : 0) - d);
				if (y > 0) {
					z += alpha * (y - z);
				}
			}
			else if (y > 0) {
				z += alpha * (y - z);
				p += alpha * ((open - last) - p);
				last = open;
			}
		}
		if (!started) {
			return 0;
		}
		return switch (kind) {
			case CROSTON -> z / p;
			case SBA -> (1 - alpha / 2) * z / p;
			case TSB -> d * z;
		};
	}
}
