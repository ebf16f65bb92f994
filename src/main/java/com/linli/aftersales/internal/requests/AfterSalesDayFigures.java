package com.linli.aftersales.internal.requests;

import java.util.List;

import com.linli.shared.PickupPointFigures;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * On the leader's workbench: the goods residents bring back to the pickup point (approved returns not yet
 * collected), linked to the point's after-sales page where the leader confirms them.
 */
@Component
class AfterSalesDayFigures implements PickupPointFigures {

	private final JdbcClient jdbc;

	AfterSalesDayFigures(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public List<Figure> figures(Day day) {
		long toCollect = jdbc.sql("""
				select count(*) from aftersales.request
				 where pickup_point_id = ? and status = 'APPROVED' and kind in ('RETURN_AND_REFUND', 'EXCHANGE')
				   and return_collected_at is null""")
			.param(day.pickupPointId())
			.query(Long.class)
			.single();
		return List.of(new Figure(50, "aftersales-to-collect", "aftersales.requests.figure.toCollect",
				String.format("%,d", toCollect), "/leader/aftersales"));
	}
}
