package com.linli.analytics.internal.rfm;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import com.linli.analytics.internal.rfm.RfmScoring.Scored;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The stored RFM scores (latest run per region) and the daily segment snapshots. */
@Component
class RfmScores {

	private final JdbcClient jdbc;

	private final JdbcTemplate batch;

	RfmScores(JdbcClient jdbc, JdbcTemplate batch) {
		this.jdbc = jdbc;
		this.batch = batch;
	}

	/** Replaces the region's scores and its snapshot of the day (a rerun of the same day replaces both). */
	void replace(long region, LocalDate asOf, List<Scored> scored) {
		jdbc.sql("delete from analytics.rfm_score where region_id = ?").param(region).update();
		batch.batchUpdate("""
				insert into analytics.rfm_score (region_id, resident_id, as_of, last_order_on, first_order_on, recency_days,
				    orders_365, monetary_365_fen, r_score, f_score, m_score, segment)
				values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", scored, 1000, (ps, s) -> {
			ps.setLong(1, region);
			ps.setLong(2, s.residentId());
			ps.setObject(3, asOf);
			ps.setObject(4, s.lastOrderOn());
			ps.setObject(5, s.firstOrderOn());
			ps.setInt(6, s.recencyDays());
			ps.setInt(7, s.orders());
			ps.setLong(8, s.monetaryFen());
			ps.setInt(9, s.r());
			ps.setInt(10, s.f());
			ps.setInt(11, s.m());
			ps.setString(12, s.segment().name());
		});
		jdbc.sql("delete from analytics.segment_snapshot where region_id = ? and day = ?").params(region, asOf).update();
		Map<Segment, long[]> totals = new EnumMap<>(Segment.class);
		for (Segment s : Segment.values()) {
			totals.put(s, new long[2]);
		}
		for (Scored s : scored) {
			long[] t = totals.get(s.segment());
			t[0]++;
			t[1] += s.monetaryFen();
		}
		totals.forEach((segment, t) -> jdbc.sql("""
				insert into analytics.segment_snapshot (region_id, day, segment, residents, monetary_fen)
				values (?, ?, ?, ?, ?)""").params(region, asOf, segment.name(), t[0], t[1]).update());
	}

	/** The day of the region's latest run, if any. */
	java.util.Optional<LocalDate> latestDay(long region) {
		return jdbc.sql("select day from analytics.segment_snapshot where region_id = ? order by day desc limit 1").param(region)
			.query(LocalDate.class).optional();
	}

	List<SegmentSize> history(long region, LocalDate from) {
		return jdbc.sql("""
				select segment, day, residents, monetary_fen from analytics.segment_snapshot
				 where region_id = ? and day >= ? order by day, segment""")
			.params(region, from)
			.query((rs, n) -> new SegmentSize(Segment.valueOf(rs.getString(1)), rs.getObject(2, LocalDate.class),
					rs.getLong(3), rs.getLong(4)))
			.list();
	}

	/** A resident's scores as stored. */
	record Row(long residentId, LocalDate asOf, LocalDate lastOrderOn, LocalDate firstOrderOn, int recencyDays,
			int orders, long monetaryFen, int r, int f, int m, Segment segment) {
	}

	/** The segment's residents, most valuable first; at most {@code limit}. */
	List<Row> residents(long region, Segment segment, int limit) {
		return jdbc.sql("""
				select resident_id, as_of, last_order_on, first_order_on, recency_days, orders_365, monetary_365_fen,
				       r_score, f_score, m_score, segment
				  from analytics.rfm_score where region_id = ? and segment = ?
				 order by monetary_365_fen desc, resident_id limit ?""")
			.params(region, segment.name(), limit)
			.query((rs, n) -> new Row(rs.getLong(1), rs.getObject(2, LocalDate.class), rs.getObject(3, LocalDate.class),
					rs.getObject(4, LocalDate.class), rs.getInt(5), rs.getInt(6), rs.getLong(7), rs.getInt(8),
					rs.getInt(9), rs.getInt(10), Segment.valueOf(rs.getString(11))))
			.list();
	}

	List<Long> residentIds(long region, Segment segment) {
		return new ArrayList<>(jdbc.sql("""
				select resident_id from analytics.rfm_score where region_id = ? and segment = ? order by resident_id""")
			.params(region, segment.name()).query(Long.class).list());
	}
}
