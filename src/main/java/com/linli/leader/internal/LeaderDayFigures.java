package com.linli.leader.internal;

import java.sql.Timestamp;
import java.util.List;

import com.linli.shared.Money;
import com.linli.shared.PickupPointFigures;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The commission the leader earned today (accruals of today's pickups less today's reversals), on the workbench. */
@Component
class LeaderDayFigures implements PickupPointFigures {

	private final JdbcClient jdbc;

	LeaderDayFigures(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public List<Figure> figures(Day day) {
		long fen = jdbc.sql("""
				select coalesce(sum(amount_fen), 0) from leader.commission_entry
				 where leader_id = ? and occurred_at >= ? and occurred_at < ?""")
			.params(day.leaderId(), Timestamp.from(day.from()), Timestamp.from(day.to())).query(Long.class).single();
		return List.of(new Figure(40, "commission", "leader.figure.commissionToday",
				"¥" + Money.ofFen(fen).yuan().toPlainString(), "/leader/commission"));
	}
}
