package com.linli.inventory.internal.forecast;

import java.util.ArrayList;
import java.util.List;

/**
 * Reconciles the forecasts of one SKU's pickup points with its region forecast (middle-out, proportional):
 * the region's expected units of each day are the anchor and are split between the points so that the
 * points always sum to them.
 * <ol>
 * <li>every point has a share {@code s_p} of the SKU's units over the points' recent history
 * ({@link PointLevel#SHARE_DAYS} days), the shares summing to 1;</li>
 * <li>points with enough volume were forecast directly (their own level and weekday pattern): together
 * they get {@code R_h × Σ_direct s_p} of the region's mean {@code R_h} on day {@code h}, split in proportion
 * to their own means {@code d_p,h}: {@code mean_p,h = d_p,h × R_h Σs / Σ d}, and their quantiles are scaled
 * by the same factor (their shape kept);</li>
 * <li>every other point takes its share, {@code mean_p,h = s_p × R_h}, and quantiles spread around it as a
 * part of independent demands spreads: {@code q_p = mean_p + (q_R − R_h) × √s_p} (the variance of a part
 * in proportion to its share), floored at 0 and kept in order; so do direct points on a day their own
 * forecasts are all 0 while the region's is not.</li>
 * </ol>
 * Pure Java, no Spring.
 */
public final class PointReconciliation {

	/** Method name of a point that took its share of the region forecast. */
	public static final String SHARE = "share";

	private PointReconciliation() {
	}

	/** One pickup point of the SKU: its share of the SKU's recent units and, when forecast directly, that forecast. */
	public record Point(double share, Prediction direct) {
	}

	/** The reconciled forecast of every point, in the order given. */
	public static List<Prediction> reconcile(Prediction region, List<Point> points) {
		int horizon = region.horizon();
		int n = points.size();
		double[][] mean = new double[n][horizon];
		double[][] p50 = new double[n][horizon];
		double[][] p80 = new double[n][horizon];
		double[][] p95 = new double[n][horizon];
		double shareSum = 0;
		double directShare = 0;
		for (Point p : points) {
			shareSum += p.share();
			directShare += p.direct() == null ? 0 : p.share();
		}
		for (int h = 0; h < horizon; h++) {
			double r = region.mean()[h];
			double directSum = 0;
			for (Point p : points) {
				directSum += p.direct() == null ? 0 : p.direct().mean()[h];
			}
			for (int i = 0; i < n; i++) {
				Point p = points.get(i);
				double s = shareSum > 0 ? p.share() / shareSum : 1.0 / n;
				if (p.direct() != null && directSum > 0) {
					double factor = r * (shareSum > 0 ? directShare / shareSum : 1) / directSum;
					mean[i][h] = p.direct().mean()[h] * factor;
					p50[i][h] = p.direct().p50()[h] * factor;
					p80[i][h] = Math.max(p50[i][h], p.direct().p80()[h] * factor);
					p95[i][h] = Math.max(p80[i][h], p.direct().p95()[h] * factor);
				}
				else {
					double m = r * s;
					double spread = Math.sqrt(s);
					mean[i][h] = m;
					p50[i][h] = Math.max(0, m + (region.p50()[h] - r) * spread);
					p80[i][h] = Math.max(p50[i][h], m + (region.p80()[h] - r) * spread);
					p95[i][h] = Math.max(p80[i][h], m + (region.p95()[h] - r) * spread);
				}
			}
		}
		List<Prediction> result = new ArrayList<>(n);
		for (int i = 0; i < n; i++) {
			Point p = points.get(i);
			result.add(new Prediction(mean[i], p50[i], p80[i], p95[i], p.direct() == null ? SHARE : p.direct().method()));
		}
		return result;
	}
}
