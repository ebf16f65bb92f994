package com.linli.network.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import com.linli.identity.AccountId;
import com.linli.network.PickupPointId;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Which account runs each pickup point: at most one per point, at most one point per account. */
@Repository
public class Keepers {

	private final JdbcClient jdbc;

	private final Clock clock;

	Keepers(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	public void assign(PickupPointId point, AccountId account) {
		jdbc.sql("delete from network.pickup_point_keeper where account_id = ? and pickup_point_id <> ?")
			.params(account.value(), point.value()).update();
		jdbc.sql("""
				insert into network.pickup_point_keeper (pickup_point_id, account_id, since) values (?, ?, ?)
				on conflict (pickup_point_id) do update set account_id = excluded.account_id, since = excluded.since""")
			.params(point.value(), account.value(), Timestamp.from(clock.instant())).update();
	}

	public void release(PickupPointId point) {
		jdbc.sql("delete from network.pickup_point_keeper where pickup_point_id = ?").param(point.value()).update();
	}

	public Map<PickupPointId, AccountId> keepersOf(Collection<PickupPointId> points) {
		var keepers = new HashMap<PickupPointId, AccountId>();
		jdbc.sql("select pickup_point_id, account_id from network.pickup_point_keeper where pickup_point_id = any(?)")
			.param(points.stream().map(PickupPointId::value).toArray(Long[]::new))
			.query(rs -> {
				keepers.put(new PickupPointId(rs.getLong(1)), new AccountId(rs.getLong(2)));
			});
		return keepers;
	}

	public Optional<PickupPointId> pointKeptBy(AccountId account) {
		return jdbc.sql("select pickup_point_id from network.pickup_point_keeper where account_id = ?")
			.param(account.value()).query(Long.class).optional().map(PickupPointId::new);
	}

	public Optional<AccountId> keeperOf(PickupPointId point) {
		return jdbc.sql("select account_id from network.pickup_point_keeper where pickup_point_id = ?")
			.param(point.value()).query(Long.class).optional().map(AccountId::new);
	}
}
