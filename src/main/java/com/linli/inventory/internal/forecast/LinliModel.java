package com.linli.inventory.internal.forecast;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Linli's forecaster, second pass: for every series the method that did best on the validation folds
 * before the origin, among today's forecaster ({@link ClassicModel}, its mean), the strong baseline
 * ({@link SesWeekday}, tuned on the same folds), SBA and TSB ({@link Intermittent}) and the global
 * pooled regression ({@link GlobalRegression}); then one correction and the quantiles from the errors
 * of the chosen forecasts on those folds:
 * <ol>
 * <li>choice: the least sum over the folds of the daily absolute errors plus the weekly-total absolute
 * error of the mean forecast (the first candidate in the order above on a tie); a series whose first
 * sale is less than {@value #SHORT_HISTORY} days before the origin keeps today's method;</li>
 * <li>level: the group's chosen forecasts on the folds sold {@code Σ actual / Σ forecast} of what they
 * said; the mean is scaled by that, bounded to [{@value #MIN_SCALE}, {@value #MAX_SCALE}] (unbiased
 * weekly totals when the whole group drifts);</li>
 * <li>quantiles: p50, p80 and p95 of the scaled mean from the {@link ErrorQuantiles} of the chosen
 * forecasts on the folds (pooled by demand size). The median is thus the point forecast, lower than the
 * mean for lumpy series, as an absolute error wants.</li>
 * </ol>
 * Evaluation days never enter: everything is learnt from the past the model is given.
 */
public final class LinliModel implements DemandModel {

	static final int SHORT_HISTORY = 56;

	static final double MIN_SCALE = 0.8;

	static final double MAX_SCALE = 1.25;

	/** The candidates' names, in the order of preference on a tie. */
	static final List<String> CANDIDATES = List.of("classic", "ses-weekday", "sba", "tsb", "global");

	@Override
	public List<Prediction> predict(List<DemandSeries> group, ForecastCalendar calendar, int horizon) {
		int n = SesWeekday.days(group);
		SesWeekday ses = SesWeekday.choose(group, calendar, horizon);
		Map<String, DemandModel> candidates = candidates(ses);
		List<Integer> origins = ValidationFolds.origins(n, horizon, ValidationFolds.FOLDS);
		// validation means: [candidate][fold][series][day]
		double[][][][] validation = new double[CANDIDATES.size()][origins.size()][][];
		int c = 0;
		for (DemandModel model : candidates.values()) {
			for (int k = 0; k < origins.size(); k++) {
				int origin = origins.get(k);
				List<Prediction> p = model.predict(ValidationFolds.cut(group, origin, horizon), calendar.upTo(origin),
						horizon);
				validation[c][k] = p.stream().map(Prediction::mean).toArray(double[][]::new);
			}
			c++;
		}
		int[] chosen = choose(group, calendar, origins, horizon, validation, n);
		List<List<Prediction>> now = new ArrayList<>();
		for (DemandModel model : candidates.values()) {
			now.add(model.predict(group, calendar, horizon));
		}
		double sold = 0;
		double said = 0;
		for (int k = 0; k < origins.size(); k++) {
			for (int i = 0; i < group.size(); i++) {
				for (int d = 0; d < horizon; d++) {
					if (!calendar.closed(origins.get(k) + d)) {
						sold += group.get(i).units()[origins.get(k) + d];
						said += validation[chosen[i]][k][i][d];
					}
				}
			}
		}
		double scale = said <= 0 || sold <= 0 ? 1 : Math.max(MIN_SCALE, Math.min(MAX_SCALE, sold / said));
		ErrorQuantiles errors = new ErrorQuantiles();
		for (int k = 0; k < origins.size(); k++) {
			for (int i = 0; i < group.size(); i++) {
				for (int d = 0; d < horizon; d++) {
					if (!calendar.closed(origins.get(k) + d)) {
						errors.add(scale * validation[chosen[i]][k][i][d], group.get(i).units()[origins.get(k) + d]);
					}
				}
			}
		}
		ErrorQuantiles.Table table = errors.table();
		List<Prediction> predictions = new ArrayList<>(group.size());
		for (int i = 0; i < group.size(); i++) {
			double[] base = now.get(chosen[i]).get(i).mean();
			double[] mean = new double[horizon];
			double[] p50 = new double[horizon];
			double[] p80 = new double[horizon];
			double[] p95 = new double[horizon];
			for (int d = 0; d < horizon; d++) {
				if (calendar.closed(n + d)) {
					continue;
				}
				mean[d] = scale * base[d];
				double[] q = table.at(mean[d]);
				p50[d] = q[0];
				p80[d] = Math.max(p50[d], q[1]);
				p95[d] = Math.max(p80[d], q[2]);
			}
			predictions.add(new Prediction(mean, p50, p80, p95, CANDIDATES.get(chosen[i])));
		}
		return predictions;
	}

	/** The candidates in the order of {@link #CANDIDATES}, the baseline and the global model with α and k given. */
	static Map<String, DemandModel> candidates(SesWeekday ses) {
		Map<String, DemandModel> candidates = new LinkedHashMap<>();
		candidates.put("classic", new ClassicModel());
		candidates.put("ses-weekday", ses);
		candidates.put("sba", Intermittent.sba(Intermittent.ALPHA));
		candidates.put("tsb", Intermittent.tsb(Intermittent.ALPHA, Intermittent.BETA));
		candidates.put("global", new GlobalRegression(ses.alpha(), ses.shrink()));
		return candidates;
	}

	/** The index of the chosen candidate of every series. */
	static int[] choose(List<DemandSeries> group, ForecastCalendar calendar, List<Integer> origins, int horizon,
			double[][][][] validation, int n) {
		int[] chosen = new int[group.size()];
		for (int i = 0; i < group.size(); i++) {
			double[] units = group.get(i).units();
			int first = 0;
			while (first < n && units[first] <= 0) {
				first++;
			}
			if (origins.isEmpty() || n - first < SHORT_HISTORY) {
				chosen[i] = 0;
				continue;
			}
			double best = Double.POSITIVE_INFINITY;
			for (int c = 0; c < validation.length; c++) {
				double error = 0;
				for (int k = 0; k < origins.size(); k++) {
					int origin = origins.get(k);
					double week = 0;
					for (int d = 0; d < horizon; d++) {
						if (!calendar.closed(origin + d)) {
							double f = validation[c][k][i][d];
							error += Math.abs(units[origin + d] - f);
							week += units[origin + d] - f;
						}
					}
					error += Math.abs(week);
				}
				if (error < best - 1e-9) {
					best = error;
					chosen[i] = c;
				}
			}
		}
		return chosen;
	}
}
