package com.linli.leader.internal.helpers;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import com.linli.identity.AccountId;
import com.linli.identity.VerifierPickupPoints;
import com.linli.leader.LeaderId;
import com.linli.leader.PickupHelper;
import com.linli.network.PickupPointId;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The helpers (核销员) of the leaders, and which pickup point a helper verifies at: the one of the leader who added
 * them, while that helper is not removed and the leader is ACTIVE and still runs that point.
 */
@Repository
public class Helpers implements VerifierPickupPoints {

	private static final String COLUMNS = "id, leader_id, pickup_point_id, account_id, name, phone, added_at, removed_at";

	private final JdbcClient jdbc;

	Helpers(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public Optional<Long> pickupPointVerifiedBy(AccountId account) {
		return jdbc.sql("""
				select h.pickup_point_id from leader.pickup_helper h join leader.leader l on l.id = h.leader_id
				 where h.account_id = ? and h.removed_at is null and l.status = 'ACTIVE'
				   and l.pickup_point_id = h.pickup_point_id""")
			.param(account.value()).query(Long.class).optional();
	}

	/** Locks the leader's row until the transaction ends: adding helpers one at a time keeps the cap. */
	public void lockLeader(LeaderId leader) {
		jdbc.sql("select id from leader.leader where id = ? for update").param(leader.value()).query(Long.class).single();
	}

	public List<PickupHelper> active(LeaderId leader) {
		return jdbc.sql("select " + COLUMNS + " from leader.pickup_helper where leader_id = ? and removed_at is null order by id")
			.param(leader.value()).query(Helpers::map).list();
	}

	public Optional<PickupHelper> find(long id) {
		return jdbc.sql("select " + COLUMNS + " from leader.pickup_helper where id = ?").param(id).query(Helpers::map)
			.optional();
	}

	public Optional<PickupHelper> activeByAccount(AccountId account) {
		return jdbc.sql("select " + COLUMNS + " from leader.pickup_helper where account_id = ? and removed_at is null")
			.param(account.value()).query(Helpers::map).optional();
	}

	public long insert(LeaderId leader, PickupPointId point, AccountId account, String name, String phone, Instant at,
			Long by) {
		return jdbc.sql("""
				insert into leader.pickup_helper (leader_id, pickup_point_id, account_id, name, phone, added_at, added_by)
				values (?, ?, ?, ?, ?, ?, ?) returning id""")
			.params(leader.value(), point.value(), account.value(), name, phone, Timestamp.from(at), by)
			.query(Long.class).single();
	}

	/** Removes the helper; false when they were removed already. */
	public boolean remove(long id, Instant at, Long by) {
		return jdbc.sql("update leader.pickup_helper set removed_at = ?, removed_by = ? where id = ? and removed_at is null")
			.params(Timestamp.from(at), by, id).update() == 1;
	}

	static PickupHelper map(ResultSet rs, int row) throws SQLException {
		var removed = rs.getTimestamp("removed_at");
		return new PickupHelper(rs.getLong("id"), new LeaderId(rs.getLong("leader_id")),
				new PickupPointId(rs.getLong("pickup_point_id")), new AccountId(rs.getLong("account_id")),
				rs.getString("name"), rs.getString("phone"), rs.getTimestamp("added_at").toInstant(),
				removed == null ? null : removed.toInstant());
	}
}
