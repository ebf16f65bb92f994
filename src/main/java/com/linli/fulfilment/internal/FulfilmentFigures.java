package com.linli.fulfilment.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import com.linli.shared.ConsoleFigures;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Order lines sorted for tomorrow's pickup, and cutoff runs not finished, for the console home. */
@Component
class FulfilmentFigures implements ConsoleFigures {

	private final JdbcClient jdbc;

	private final Clock clock;

	FulfilmentFigures(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	@Override
	public List<Figure> figures(Optional<Set<Long>> regionScope) {
		LocalDate tomorrow = LocalDate.now(clock).plusDays(1);
		Long[] regions = regionScope.map(ids -> ids.toArray(Long[]::new)).orElse(null);
		long sorted = jdbc.sql("""
				select coalesce(sum(lines), 0) from fulfilment.cutoff_run
				 where pickup_date = ? and status = 'COMPLETED' and (cast(? as bigint[]) is null or region_id = any(?))""")
			.params(tomorrow, regions, regions).query(Long.class).single();
		long running = jdbc.sql("""
				select count(*) from fulfilment.cutoff_run
				 where status = 'RUNNING' and (cast(? as bigint[]) is null or region_id = any(?))""")
			.params(regions, regions).query(Long.class).single();
		return List.of(
				new Figure(60, "fulfilment.figure.sortedTomorrow", String.format("%,d", sorted),
						"/console/cutoff-runs?from=" + tomorrow + "&to=" + tomorrow),
				new Figure(61, "fulfilment.figure.running", String.format("%,d", running),
						"/console/cutoff-runs?status=RUNNING"));
	}
}
