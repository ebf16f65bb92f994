package com.linli.leader.internal.levels;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.YearMonth;
import java.util.List;
import java.util.Optional;

import com.linli.leader.CommissionBand;
import com.linli.leader.LeaderId;
import com.linli.leader.LeaderLevel;
import com.linli.leader.LevelRecord;
import com.linli.leader.LevelThreshold;
import com.linli.network.RegionId;
import com.linli.shared.Money;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Level thresholds (region 0: the defaults), level bands per region, and the leaders' level history. */
@Repository
public class LevelStore {

	private final JdbcClient jdbc;

	LevelStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** The region's own thresholds, else the defaults; TRAINEE first. */
	public List<LevelThreshold> thresholds(RegionId region) {
		var own = thresholdsOf(region.value());
		return own.isEmpty() ? thresholdsOf(0) : own;
	}

	/** Whether the region has thresholds of its own. */
	public boolean hasOwnThresholds(RegionId region) {
		return !thresholdsOf(region.value()).isEmpty();
	}

	private List<LevelThreshold> thresholdsOf(long region) {
		return jdbc.sql("""
				select level, min_sales_fen, min_rating_x10 from leader.level_threshold where region_id = ?
				 order by min_sales_fen""")
			.param(region)
			.query((rs, n) -> new LevelThreshold(LeaderLevel.valueOf(rs.getString(1)), Money.ofFen(rs.getLong(2)),
					rs.getInt(3) / 10.0))
			.list();
	}

	public void saveThresholds(RegionId region, List<LevelThreshold> table, Instant at) {
		jdbc.sql("delete from leader.level_threshold where region_id = ?").param(region.value()).update();
		for (var t : table) {
			jdbc.sql("""
					insert into leader.level_threshold (region_id, level, min_sales_fen, min_rating_x10, updated_at)
					values (?, ?, ?, ?, ?)""")
				.params(region.value(), t.level().name(), t.minSales().fen(), (int) Math.round(t.minRating() * 10),
						Timestamp.from(at))
				.update();
		}
	}

	/** The level's own bands in the region, lowest first; empty when it earns by the region's scheme. */
	public List<CommissionBand> bands(RegionId region, LeaderLevel level) {
		return jdbc.sql("select floor_fen, rate_bp from leader.level_band where region_id = ? and level = ? order by floor_fen")
			.params(region.value(), level.name())
			.query((rs, n) -> new CommissionBand(Money.ofFen(rs.getLong(1)), rs.getInt(2)))
			.list();
	}

	public void saveBands(RegionId region, LeaderLevel level, List<CommissionBand> bands) {
		jdbc.sql("delete from leader.level_band where region_id = ? and level = ?").params(region.value(), level.name())
			.update();
		for (var b : bands) {
			jdbc.sql("insert into leader.level_band (region_id, level, floor_fen, rate_bp) values (?, ?, ?, ?)")
				.params(region.value(), level.name(), b.floor().fen(), b.rateBasisPoints()).update();
		}
	}

	/** Writes (or rewrites) the level of the leader's month; true when the level differs from what was stored. */
	public boolean saveLevel(LevelRecord r) {
		var before = levelOf(r.leaderId(), r.month());
		jdbc.sql("""
				insert into leader.leader_level (leader_id, month, level, sales_fen, rating, ratings, computed_at, computed_by)
				values (?, ?, ?, ?, ?, ?, ?, ?)
				on conflict (leader_id, month) do update set level = excluded.level, sales_fen = excluded.sales_fen,
				   rating = excluded.rating, ratings = excluded.ratings, computed_at = excluded.computed_at,
				   computed_by = excluded.computed_by""")
			.params(r.leaderId().value(), Date.valueOf(r.month().atDay(1)), r.level().name(), r.sales().fen(),
					r.rating(), r.ratings(), Timestamp.from(r.computedAt()), r.computedBy())
			.update();
		return before.map(b -> b.level() != r.level()).orElse(true);
	}

	/** The record of exactly this month. */
	public Optional<LevelRecord> levelOf(LeaderId leader, YearMonth month) {
		return jdbc.sql("select * from leader.leader_level where leader_id = ? and month = ?")
			.params(leader.value(), Date.valueOf(month.atDay(1))).query(LevelStore::record).optional();
	}

	/** The level in force in a month: the latest record of this month or before. */
	public Optional<LevelRecord> levelAt(LeaderId leader, YearMonth month) {
		return jdbc.sql("select * from leader.leader_level where leader_id = ? and month <= ? order by month desc limit 1")
			.params(leader.value(), Date.valueOf(month.atDay(1))).query(LevelStore::record).optional();
	}

	/** The leader's level history, newest first. */
	public List<LevelRecord> history(LeaderId leader) {
		return jdbc.sql("select * from leader.leader_level where leader_id = ? order by month desc limit 36")
			.param(leader.value()).query(LevelStore::record).list();
	}

	private static LevelRecord record(ResultSet rs, int n) throws SQLException {
		var rating = rs.getBigDecimal("rating");
		return new LevelRecord(new LeaderId(rs.getLong("leader_id")),
				YearMonth.from(rs.getDate("month").toLocalDate()), LeaderLevel.valueOf(rs.getString("level")),
				Money.ofFen(rs.getLong("sales_fen")), rating == null ? null : rating.doubleValue(), rs.getInt("ratings"),
				rs.getTimestamp("computed_at").toInstant(), rs.getString("computed_by"));
	}
}
