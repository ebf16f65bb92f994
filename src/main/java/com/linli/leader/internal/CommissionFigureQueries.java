package com.linli.leader.internal;

import java.time.LocalDate;
import java.util.Map;
import java.util.TreeMap;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The sums behind {@code CommissionFigures}. */
@Component
public class CommissionFigureQueries {

	private final JdbcClient jdbc;

	CommissionFigureQueries(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public Map<LocalDate, Long> netByDay(long region, LocalDate from, LocalDate to) {
		Map<LocalDate, Long> days = new TreeMap<>();
		jdbc.sql("""
				select (e.occurred_at at time zone 'Asia/Shanghai')::date as day, sum(e.amount_fen)
				  from leader.commission_entry e join leader.leader l on l.id = e.leader_id
				 where l.region_id = ? and e.kind in ('ACCRUAL', 'REVERSAL', 'HANDLING_FEE')
				   and e.occurred_at >= (?::date)::timestamp at time zone 'Asia/Shanghai'
				   and e.occurred_at < ((?::date) + 1)::timestamp at time zone 'Asia/Shanghai'
				 group by 1""")
			.params(region, from, to)
			.query((rs, n) -> days.put(rs.getObject(1, LocalDate.class), rs.getLong(2)))
			.list();
		return days;
	}

	public long netOfOrder(long orderId) {
		return jdbc.sql("select coalesce(sum(amount_fen), 0) from leader.commission_entry where order_id = ?"
				+ " and kind in ('ACCRUAL', 'REVERSAL', 'HANDLING_FEE')")
			.param(orderId)
			.query(Long.class)
			.single();
	}
}
