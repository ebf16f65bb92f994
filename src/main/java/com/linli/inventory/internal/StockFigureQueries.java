package com.linli.inventory.internal;

import java.time.LocalDate;
import java.util.Collection;
import java.util.List;

import com.linli.inventory.StockFigures.Day;
import com.linli.inventory.StockFigures.WriteOff;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The grouped sums behind {@code StockFigures}. */
@Component
public class StockFigureQueries {

	private static final String IN_DAYS = """
			m.warehouse_id = any(?)
			and m.created_at >= (?::date)::timestamp at time zone 'Asia/Shanghai'
			and m.created_at < ((?::date) + 1)::timestamp at time zone 'Asia/Shanghai'""";

	private final JdbcClient jdbc;

	StockFigureQueries(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public List<Day> byDay(Collection<Long> warehouseIds, LocalDate from, LocalDate to) {
		if (warehouseIds.isEmpty()) {
			return List.of();
		}
		return jdbc.sql("""
				select (m.created_at at time zone 'Asia/Shanghai')::date,
				       coalesce(-sum(m.quantity) filter (where m.kind = 'SALE'), 0),
				       coalesce(-sum(m.quantity * coalesce(b.unit_cost_fen, 0)) filter (where m.kind = 'SALE'), 0),
				       coalesce(-sum(m.quantity) filter (where m.kind = 'DAMAGE'), 0),
				       coalesce(-sum(m.quantity * coalesce(b.unit_cost_fen, 0)) filter (where m.kind = 'DAMAGE'), 0),
				       coalesce(sum(m.quantity * coalesce(b.unit_cost_fen, 0)), 0)
				  from inventory.movement m join inventory.batch b on b.id = m.batch_id
				 where %s
				 group by 1 order by 1""".formatted(IN_DAYS))
			.params(warehouseIds.toArray(Long[]::new), from, to)
			.query((rs, n) -> new Day(rs.getObject(1, LocalDate.class), rs.getLong(2), rs.getLong(3), rs.getLong(4),
					rs.getLong(5), rs.getLong(6)))
			.list();
	}

	public long valueNow(Collection<Long> warehouseIds) {
		if (warehouseIds.isEmpty()) {
			return 0;
		}
		return jdbc.sql("""
				select coalesce(sum(remaining * coalesce(unit_cost_fen, 0)), 0) from inventory.batch
				 where warehouse_id = any(?) and remaining > 0""")
			.param(warehouseIds.toArray(Long[]::new))
			.query(Long.class)
			.single();
	}

	public List<WriteOff> writeOffs(Collection<Long> warehouseIds, LocalDate from, LocalDate to) {
		if (warehouseIds.isEmpty()) {
			return List.of();
		}
		return jdbc.sql("""
				select m.id, m.created_at, m.warehouse_id, m.sku_id, -m.quantity,
				       -m.quantity * coalesce(b.unit_cost_fen, 0), m.reason
				  from inventory.movement m join inventory.batch b on b.id = m.batch_id
				 where m.kind = 'DAMAGE' and %s
				 order by m.created_at, m.id""".formatted(IN_DAYS))
			.params(warehouseIds.toArray(Long[]::new), from, to)
			.query((rs, n) -> new WriteOff(rs.getLong(1), rs.getTimestamp(2).toInstant(), rs.getLong(3), rs.getLong(4),
					rs.getLong(5), rs.getLong(6), rs.getString(7)))
			.list();
	}
}
