package com.linli.fulfilment.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;

import com.linli.fulfilment.DeliveryHandover;
import com.linli.network.PickupPointId;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** fulfilment.delivery_handover: one row per pickup point and pickup date. */
@Repository
public class Handovers {

	private final JdbcClient jdbc;

	Handovers(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** The new hand-over, or empty when one of the same pickup point and date is already there. */
	public Optional<DeliveryHandover> insert(PickupPointId point, LocalDate date, Long driver, String name, Instant at) {
		int added = jdbc.sql("""
				insert into fulfilment.delivery_handover (pickup_point_id, pickup_date, driver_account_id, driver_name,
				  handed_over_at) values (?, ?, ?, ?, ?) on conflict (pickup_point_id, pickup_date) do nothing""")
			.params(point.value(), date, driver, name, Timestamp.from(at)).update();
		return added == 1 ? find(point, date) : Optional.empty();
	}

	public Optional<DeliveryHandover> find(PickupPointId point, LocalDate date) {
		return jdbc.sql("select * from fulfilment.delivery_handover where pickup_point_id = ? and pickup_date = ?")
			.params(point.value(), date)
			.query((rs, n) -> {
				long driver = rs.getLong("driver_account_id");
				return new DeliveryHandover(rs.getLong("id"), new PickupPointId(rs.getLong("pickup_point_id")),
						rs.getObject("pickup_date", LocalDate.class), rs.wasNull() ? null : driver,
						rs.getString("driver_name"), rs.getTimestamp("handed_over_at").toInstant());
			})
			.optional();
	}
}
