package com.linli.leader.internal.helpers;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;

import com.linli.network.PickupPointId;
import com.linli.network.RegionId;
import com.linli.shared.Money;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Which pickup points are pickup-only (纯自提点), and the handling fee per order of each region. */
@Repository
public class PickupOnlyPoints {

	private final JdbcClient jdbc;

	PickupOnlyPoints(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public boolean isPickupOnly(PickupPointId point) {
		return jdbc.sql("select exists(select 1 from leader.pickup_only_point where pickup_point_id = ?)")
			.param(point.value()).query(Boolean.class).single();
	}

	/** Sets or clears the mode; true when something changed. */
	public boolean set(PickupPointId point, RegionId region, boolean pickupOnly, Instant at, Long by) {
		if (pickupOnly) {
			return jdbc.sql("""
					insert into leader.pickup_only_point (pickup_point_id, region_id, since, set_by) values (?, ?, ?, ?)
					on conflict do nothing""")
				.params(point.value(), region.value(), Timestamp.from(at), by).update() == 1;
		}
		return jdbc.sql("delete from leader.pickup_only_point where pickup_point_id = ?").param(point.value()).update() == 1;
	}

	/** The region's own handling fee, if it set one. */
	public Optional<Money> fee(RegionId region) {
		return jdbc.sql("select fee_fen from leader.handling_fee_rate where region_id = ?").param(region.value())
			.query(Long.class).optional().map(Money::ofFen);
	}

	public void setFee(RegionId region, Money fee, Instant at, Long by) {
		jdbc.sql("""
				insert into leader.handling_fee_rate (region_id, fee_fen, updated_at, updated_by) values (?, ?, ?, ?)
				on conflict (region_id) do update set fee_fen = excluded.fee_fen, updated_at = excluded.updated_at,
				       updated_by = excluded.updated_by""")
			.params(region.value(), fee.fen(), Timestamp.from(at), by).update();
	}
}
