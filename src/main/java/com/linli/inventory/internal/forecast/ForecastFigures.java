package com.linli.inventory.internal.forecast;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import com.linli.shared.ConsoleFigures;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The console home's forecast accuracy of the last 7 scored days: Linli's beside seasonal-naive. */
@Component
class ForecastFigures implements ConsoleFigures {

	private final JdbcClient jdbc;

	private final Clock clock;

	ForecastFigures(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	@Override
	public List<Figure> figures(Optional<Set<Long>> regionScope) {
		Long[] regions = regionScope.map(ids -> ids.toArray(Long[]::new)).orElse(null);
		LocalDate today = LocalDate.now(clock);
		var sums = jdbc.sql("""
				select coalesce(sum(actual_units), 0), coalesce(sum(linli_error), 0), coalesce(sum(naive_error), 0)
				  from inventory.forecast_score
				 where score_date between ? and ? and (cast(? as bigint[]) is null or region_id = any(?))""")
			.params(today.minusDays(6), today, regions, regions)
			.query((rs, n) -> new double[] { rs.getDouble(1), rs.getDouble(2), rs.getDouble(3) })
			.single();
		String value = sums[0] == 0 ? "—"
				: String.format(Locale.ROOT, "%.0f%% / %.0f%%", 100 * (1 - sums[1] / sums[0]), 100 * (1 - sums[2] / sums[0]));
		return List.of(new Figure(70, "forecast.figure.accuracy", value, "/console/forecasts"));
	}
}
