package com.linli.leader.internal;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;

import com.linli.identity.AccountId;
import com.linli.leader.Leader;
import com.linli.leader.LeaderId;
import com.linli.leader.LeaderSearch;
import com.linli.leader.LeaderStatus;
import com.linli.network.PickupPointId;
import com.linli.network.RegionId;
import com.linli.shared.Page;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The leader table, in plain SQL. */
@Repository
public class Leaders {

	private static final String SELECT = """
			select id, account_id, name, phone, pickup_point_id, region_id, status, since from leader.leader l
			""";

	private static final String WHERE = """
			 where (cast(:regions as bigint[]) is null or l.region_id = any(:regions))
			   and (cast(:status as text) is null or l.status = :status)
			   and (cast(:q as text) is null or l.name ilike :q or l.phone like :q)
			""";

	private final JdbcClient jdbc;

	private final Clock clock;

	Leaders(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	public LeaderId insert(AccountId account, String name, String phone, PickupPointId pickupPoint, RegionId region,
			LocalDate since) {
		var now = Timestamp.from(clock.instant());
		return new LeaderId(jdbc.sql("""
				insert into leader.leader (account_id, name, phone, pickup_point_id, region_id, status, since,
				                           status_changed_at, created_at)
				values (?, ?, ?, ?, ?, 'ACTIVE', ?, ?, ?) returning id""")
			.params(account.value(), name, phone, pickupPoint.value(), region.value(), Date.valueOf(since), now, now)
			.query(Long.class).single());
	}

	/** Moves a leader from one status to another; false if it was no longer in {@code from} (a concurrent change). */
	public boolean changeStatus(LeaderId id, LeaderStatus from, LeaderStatus to) {
		return jdbc.sql("update leader.leader set status = ?, status_changed_at = ? where id = ? and status = ?")
			.params(to.name(), Timestamp.from(clock.instant()), id.value(), from.name()).update() == 1;
	}

	public Optional<Leader> find(LeaderId id) {
		return jdbc.sql(SELECT + " where id = ?").param(id.value()).query(Leaders::map).optional();
	}

	public Optional<Leader> findByAccount(AccountId account) {
		// the live record if there is one, else the latest closed one
		return jdbc.sql(SELECT + " where account_id = ? order by (status = 'CLOSED'), id desc limit 1")
			.param(account.value()).query(Leaders::map).optional();
	}

	/** The leader holding the pickup point: active or suspended. */
	public Optional<Leader> holderOf(PickupPointId pickupPoint) {
		return jdbc.sql(SELECT + " where pickup_point_id = ? and status in ('ACTIVE', 'SUSPENDED')")
			.param(pickupPoint.value()).query(Leaders::map).optional();
	}

	/**
	 * The leader who held the pickup point at an instant: appointed by then, and not closed before it
	 * (a closed leader's status changed for the last time when they were closed).
	 */
	public Optional<Leader> holderAt(PickupPointId pickupPoint, Instant at) {
		return jdbc.sql(SELECT + """
				 where pickup_point_id = ? and created_at <= ? and (status <> 'CLOSED' or status_changed_at > ?)
				 order by id desc limit 1""")
			.params(pickupPoint.value(), Timestamp.from(at), Timestamp.from(at)).query(Leaders::map).optional();
	}

	/** Which of these pickup points have a leader (active or suspended). */
	public Set<PickupPointId> held(Collection<PickupPointId> pickupPoints) {
		Long[] ids = pickupPoints.stream().map(PickupPointId::value).toArray(Long[]::new);
		var held = new HashSet<PickupPointId>();
		jdbc.sql("select pickup_point_id from leader.leader where pickup_point_id = any(?) and status in ('ACTIVE', 'SUSPENDED')")
			.param(ids).query(Long.class).list().forEach(id -> held.add(new PickupPointId(id)));
		return held;
	}

	public Page<Leader> search(LeaderSearch s) {
		var params = new HashMap<String, Object>();
		params.put("regions", s.regions() == null ? null : s.regions().stream().map(RegionId::value).toArray(Long[]::new));
		params.put("status", s.status() == null ? null : s.status().name());
		params.put("q", s.text() == null ? null
				: "%" + s.text().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%");
		params.put("limit", s.size());
		params.put("offset", Math.multiplyExact(s.page(), s.size()));
		long total = jdbc.sql("select count(*) from leader.leader l" + WHERE).params(params).query(Long.class).single();
		var items = jdbc.sql(SELECT + WHERE + " order by l.id desc limit :limit offset :offset").params(params)
			.query(Leaders::map).list();
		return new Page<>(items, total, s.page(), s.size());
	}

	public long countActive(Long[] regions) {
		return jdbc.sql("""
				select count(*) from leader.leader
				 where status = 'ACTIVE' and (cast(? as bigint[]) is null or region_id = any(?))""")
			.params(regions, regions).query(Long.class).single();
	}

	static Leader map(ResultSet rs, int row) throws SQLException {
		return new Leader(new LeaderId(rs.getLong("id")), new AccountId(rs.getLong("account_id")), rs.getString("name"),
				rs.getString("phone"), new PickupPointId(rs.getLong("pickup_point_id")),
				new RegionId(rs.getLong("region_id")), LeaderStatus.valueOf(rs.getString("status")),
				rs.getDate("since").toLocalDate());
	}
}
