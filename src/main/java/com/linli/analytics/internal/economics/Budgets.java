package com.linli.analytics.internal.economics;

import java.sql.Timestamp;
import java.time.YearMonth;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The monthly budgets of the regions, one row per region and month. */
@Repository
class Budgets {

	private final JdbcClient jdbc;

	Budgets(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	Optional<Budget> find(long regionId, YearMonth month) {
		return jdbc.sql("select gmv_fen, margin_fen, costs_fen, updated_at from analytics.budget where region_id = ? and month = ?")
			.params(regionId, month.atDay(1))
			.query((rs, n) -> new Budget(regionId, month, rs.getLong(1), rs.getLong(2), rs.getLong(3),
					rs.getTimestamp(4).toInstant()))
			.optional();
	}

	void save(Budget b, Long by) {
		jdbc.sql("""
				insert into analytics.budget (region_id, month, gmv_fen, margin_fen, costs_fen, updated_by, updated_at)
				values (?, ?, ?, ?, ?, ?, ?)
				on conflict (region_id, month) do update set gmv_fen = excluded.gmv_fen, margin_fen = excluded.margin_fen,
				    costs_fen = excluded.costs_fen, updated_by = excluded.updated_by, updated_at = excluded.updated_at""")
			.params(b.regionId(), b.month().atDay(1), b.gmvFen(), b.marginFen(), b.costsFen(), by,
					Timestamp.from(b.updatedAt()))
			.update();
	}
}
