package com.linli.network.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.Collection;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.linli.identity.AccountId;
import com.linli.network.PickupPointId;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Which pickup point each resident collects from: one row per resident, changed in place. */
@Repository
public class ResidentBindings {

	private final JdbcClient jdbc;

	private final Clock clock;

	ResidentBindings(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/**
	 * Binds the resident, or moves them to another pickup point (binding again to the same one keeps
	 * the original time); one statement, so concurrent calls cannot duplicate the row.
	 */
	public void bind(AccountId resident, PickupPointId pickupPoint) {
		jdbc.sql("""
				insert into network.resident_pickup_point (account_id, pickup_point_id, bound_at) values (?, ?, ?)
				on conflict (account_id) do update set pickup_point_id = excluded.pickup_point_id, bound_at = excluded.bound_at
				 where resident_pickup_point.pickup_point_id <> excluded.pickup_point_id""")
			.params(resident.value(), pickupPoint.value(), Timestamp.from(clock.instant())).update();
	}

	public Optional<PickupPointId> pickupPointOf(AccountId resident) {
		return jdbc.sql("select pickup_point_id from network.resident_pickup_point where account_id = ?")
			.param(resident.value()).query(Long.class).optional().map(PickupPointId::new);
	}

	public long countAt(PickupPointId pickupPoint) {
		return jdbc.sql("select count(*) from network.resident_pickup_point where pickup_point_id = ?")
			.param(pickupPoint.value()).query(Long.class).single();
	}

	public Map<PickupPointId, Long> countsAt(Collection<PickupPointId> points) {
		Long[] ids = points.stream().map(PickupPointId::value).distinct().toArray(Long[]::new);
		Map<PickupPointId, Long> counts = new HashMap<>();
		jdbc.sql("""
				select pickup_point_id, count(*) from network.resident_pickup_point
				 where pickup_point_id = any(?) group by pickup_point_id""")
			.param(ids).query(rs -> {
				counts.put(new PickupPointId(rs.getLong(1)), rs.getLong(2));
			});
		points.forEach(p -> counts.putIfAbsent(p, 0L));
		return counts;
	}

	/** The residents of each of these pickup points, by account id (a point without residents is absent). */
	public Map<PickupPointId, List<AccountId>> residentsOf(Collection<PickupPointId> points) {
		Long[] ids = points.stream().map(PickupPointId::value).distinct().toArray(Long[]::new);
		Map<PickupPointId, List<AccountId>> residents = new HashMap<>();
		jdbc.sql("""
				select pickup_point_id, account_id from network.resident_pickup_point
				 where pickup_point_id = any(?) order by pickup_point_id, account_id""")
			.param(ids).query(rs -> {
				residents.computeIfAbsent(new PickupPointId(rs.getLong(1)), p -> new ArrayList<>())
					.add(new AccountId(rs.getLong(2)));
			});
		return residents;
	}
}
