package com.linli.inventory.internal.forecast;

import java.util.ArrayList;
import java.util.List;

/**
 * A model whose upper quantiles come from its own errors on the validation folds before the origin
 * ({@link ErrorQuantiles}): the model is run on each fold cut from the past it was given, its mean
 * forecasts paired with what sold on the fold's open days. {@link #quantilesOnly} keeps the model's
 * mean as its median (the baselines: a point method scored as it is); only p80 and p95 are new.
 */
public final class Calibrated implements DemandModel {

	private final DemandModel inner;

	private Calibrated(DemandModel inner) {
		this.inner = inner;
	}

	public static DemandModel quantilesOnly(DemandModel inner) {
		return new Calibrated(inner);
	}

	@Override
	public List<Prediction> predict(List<DemandSeries> group, ForecastCalendar calendar, int horizon) {
		List<Prediction> predictions = inner.predict(group, calendar, horizon);
		ErrorQuantiles.Table table = errors(inner, group, calendar, horizon).table();
		List<Prediction> calibrated = new ArrayList<>(predictions.size());
		for (Prediction p : predictions) {
			double[] p80 = new double[horizon];
			double[] p95 = new double[horizon];
			for (int d = 0; d < horizon; d++) {
				double[] q = table.at(p.mean()[d]);
				boolean closed = calendar.closed(calendar.historyDays() + d);
				p80[d] = closed ? p.mean()[d] : Math.max(p.mean()[d], q[1]);
				p95[d] = closed ? p.mean()[d] : Math.max(p80[d], q[2]);
			}
			calibrated.add(new Prediction(p.mean(), p.mean(), p80, p95, p.method()));
		}
		return calibrated;
	}

	/** The model's (mean, actual) pairs on the open days of the validation folds before the origin. */
	static ErrorQuantiles errors(DemandModel model, List<DemandSeries> group, ForecastCalendar calendar, int horizon) {
		ErrorQuantiles errors = new ErrorQuantiles();
		int n = group.isEmpty() ? 0 : group.get(0).days();
		for (int origin : ValidationFolds.origins(n, horizon, ValidationFolds.FOLDS)) {
			List<Prediction> past = model.predict(ValidationFolds.cut(group, origin, horizon), calendar.upTo(origin),
					horizon);
			for (int i = 0; i < group.size(); i++) {
				double[] units = group.get(i).units();
				for (int d = 0; d < horizon && origin + d < n; d++) {
					if (!calendar.closed(origin + d)) {
						errors.add(past.get(i).mean()[d], units[origin + d]);
					}
				}
			}
		}
		return errors;
	}
}
