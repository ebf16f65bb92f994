package com.linli.leader.internal.incentives;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.YearMonth;
import java.util.List;
import java.util.Optional;

import com.linli.leader.Contest;
import com.linli.leader.ContestId;
import com.linli.leader.ContestMetric;
import com.linli.leader.ContestStatus;
import com.linli.leader.LeaderId;
import com.linli.network.RegionId;
import com.linli.shared.BusinessRuleException;
import com.linli.shared.Money;
import com.linli.shared.Text;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Monthly contests, their prizes and winners in plain SQL; a save is a compare-and-set on the version. */
@Repository
public class Contests {

	private final JdbcClient jdbc;

	Contests(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** A winner as fixed when the contest closed. */
	public record Winner(int rank, LeaderId leaderId, String leaderName, Double value, Money cash, String description,
			Long entryId) {
	}

	public ContestId insert(RegionId region, YearMonth month, ContestMetric metric, String title, int winners,
			int minOrders, List<Contest.Prize> prizes, Long by, Instant at) {
		long id = jdbc.sql("""
				insert into leader.contest (region_id, month, metric, title, winners, min_orders, status, created_by, created_at)
				values (?, ?, ?, ?, ?, ?, 'OPEN', ?, ?) returning id""")
			.params(region.value(), date(month), metric.name(), title, winners, minOrders, by, Timestamp.from(at))
			.query(Long.class).single();
		for (var p : prizes) {
			jdbc.sql("insert into leader.contest_prize (contest_id, rank, cash_fen, description) values (?, ?, ?, ?)")
				.params(id, p.rank(), p.cash().fen(), p.description()).update();
		}
		return new ContestId(id);
	}

	public boolean exists(RegionId region, YearMonth month, ContestMetric metric) {
		return jdbc.sql("select exists(select 1 from leader.contest where region_id = ? and month = ? and metric = ?)")
			.params(region.value(), date(month), metric.name()).query(Boolean.class).single();
	}

	public boolean monthClosed(RegionId region, YearMonth month) {
		return jdbc.sql("select exists(select 1 from leader.contest where region_id = ? and month = ? and status = 'CLOSED')")
			.params(region.value(), date(month)).query(Boolean.class).single();
	}

	public Optional<Contest> find(ContestId id) {
		return jdbc.sql(SELECT + " where id = ?").param(id.value()).query((rs, n) -> map(rs)).optional();
	}

	/** The contest locked until the transaction ends (a concurrent close waits, then finds it closed). */
	public Optional<Contest> lock(ContestId id) {
		return jdbc.sql(SELECT + " where id = ? for update").param(id.value()).query((rs, n) -> map(rs)).optional();
	}

	/** Contests of the regions ({@code null}: all), newest month first. */
	public List<Contest> list(Long[] regions, YearMonth month) {
		return jdbc.sql(SELECT + " " + """
				where (cast(:regions as bigint[]) is null or region_id = any(:regions))
				   and (cast(:month as date) is null or month = :month)
				 order by month desc, id desc limit 200""")
			.param("regions", regions).param("month", month == null ? null : date(month))
			.query((rs, n) -> map(rs)).list();
	}

	/** Open contests whose month ended before {@code monthBefore}. */
	public List<ContestId> openBefore(YearMonth monthBefore) {
		return jdbc.sql("select id from leader.contest where status = 'OPEN' and month < ? order by id")
			.param(date(monthBefore)).query(Long.class).list().stream().map(ContestId::new).toList();
	}

	/** Saves a closed contest if nobody changed it since it was read; else 409 {@code changed-concurrently}. */
	public void saveClosed(Contest c, Long by) {
		int updated = jdbc.sql("""
				update leader.contest set status = ?, closed_at = ?, closed_by = ?, version = version + 1
				 where id = ? and version = ? and status = 'OPEN'""")
			.params(c.status().name(), Timestamp.from(c.closedAt()), by, c.id().value(), c.version()).update();
		if (updated != 1) {
			throw new BusinessRuleException("changed-concurrently", Text.of("leader.problem.incentivesChanged"));
		}
	}

	public void insertWinner(ContestId contest, int rank, LeaderId leader, Double value, Money cash, String description,
			Long entryId) {
		jdbc.sql("""
				insert into leader.contest_winner (contest_id, rank, leader_id, value, cash_fen, description, entry_id)
				values (?, ?, ?, ?, ?, ?, ?)""")
			.params(contest.value(), rank, leader.value(), value, cash.fen(), description, entryId).update();
	}

	public List<Winner> winners(ContestId contest) {
		return jdbc.sql("""
				select w.rank, w.leader_id, l.name, w.value, w.cash_fen, w.description, w.entry_id
				  from leader.contest_winner w join leader.leader l on l.id = w.leader_id
				 where w.contest_id = ? order by w.rank""")
			.param(contest.value())
			.query((rs, n) -> {
				double v = rs.getDouble(4);
				Double value = rs.wasNull() ? null : v;
				long e = rs.getLong(7);
				Long entry = rs.wasNull() ? null : e;
				return new Winner(rs.getInt(1), new LeaderId(rs.getLong(2)), rs.getString(3), value,
						Money.ofFen(rs.getLong(5)), rs.getString(6), entry);
			})
			.list();
	}

	private static final String SELECT = """
			select id, region_id, month, metric, title, winners, min_orders, status, version, closed_at from leader.contest""";

	private Contest map(java.sql.ResultSet rs) throws java.sql.SQLException {
		long id = rs.getLong(1);
		var prizes = jdbc.sql("select rank, cash_fen, description from leader.contest_prize where contest_id = ? order by rank")
			.param(id)
			.query((r, n) -> new Contest.Prize(r.getInt(1), Money.ofFen(r.getLong(2)), r.getString(3))).list();
		Timestamp closed = rs.getTimestamp(10);
		return new Contest(new ContestId(id), new RegionId(rs.getLong(2)), YearMonth.from(rs.getDate(3).toLocalDate()),
				ContestMetric.valueOf(rs.getString(4)), rs.getString(5), rs.getInt(6), rs.getInt(7), prizes,
				ContestStatus.valueOf(rs.getString(8)), rs.getInt(9), closed == null ? null : closed.toInstant());
	}

	private static Date date(YearMonth month) {
		return Date.valueOf(month.atDay(1));
	}
}
