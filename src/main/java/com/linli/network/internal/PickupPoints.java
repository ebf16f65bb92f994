package com.linli.network.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalTime;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Optional;

import com.linli.network.CommunityId;
import com.linli.network.Geo;
import com.linli.network.NetworkSearch;
import com.linli.network.NewPickupPoint;
import com.linli.network.PickupPoint;
import com.linli.network.PickupPointChange;
import com.linli.network.PickupPointId;
import com.linli.network.RegionId;
import com.linli.network.WarehouseId;
import com.linli.shared.Page;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The pickup point table (with its community's name), in plain SQL. */
@Repository
public class PickupPoints {

	private static final String SELECT = """
			select p.id, p.region_id, p.community_id, c.name as community_name, p.grid_warehouse_id, p.name, p.address,
			       p.latitude, p.longitude, p.opens_at, p.closes_at, p.active
			  from network.pickup_point p
			  join network.community c on c.id = p.community_id""";

	private static final String WHERE = "\n" + """
			 where (cast(:regions as bigint[]) is null or p.region_id = any(:regions))
			   and (cast(:q as text) is null or p.name ilike :q or p.address ilike :q or c.name ilike :q)
			   and (cast(:active as boolean) is null or p.active = :active)
			   and (cast(:community as bigint) is null or p.community_id = :community)""";

	private final JdbcClient jdbc;

	private final Clock clock;

	PickupPoints(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	public PickupPointId insert(RegionId region, NewPickupPoint p) {
		return new PickupPointId(jdbc.sql("""
				insert into network.pickup_point (region_id, community_id, grid_warehouse_id, name, address,
				                                  latitude, longitude, opens_at, closes_at, created_at)
				values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) returning id""")
			.params(region.value(), p.communityId().value(), p.gridWarehouseId().value(), p.name(), p.address(),
					p.latitude(), p.longitude(), p.opensAt(), p.closesAt(), Timestamp.from(clock.instant()))
			.query(Long.class).single());
	}

	public void update(PickupPointId id, PickupPointChange c) {
		jdbc.sql("""
				update network.pickup_point
				   set grid_warehouse_id = ?, name = ?, address = ?, latitude = ?, longitude = ?,
				       opens_at = ?, closes_at = ?, active = ?
				 where id = ?""")
			.params(c.gridWarehouseId().value(), c.name(), c.address(), c.latitude(), c.longitude(), c.opensAt(),
					c.closesAt(), c.active(), id.value())
			.update();
	}

	public Optional<PickupPoint> find(PickupPointId id) {
		return jdbc.sql(SELECT + " where p.id = ?").param(id.value()).query(PickupPoints::map).optional();
	}

	/** The pickup point a resident is bound to, in one query (on the hot path of every order). */
	public Optional<PickupPoint> findBoundTo(long accountId) {
		return jdbc.sql(SELECT + " where p.id = (select pickup_point_id from network.resident_pickup_point where account_id = ?)")
			.param(accountId).query(PickupPoints::map).optional();
	}

	public List<PickupPoint> findAll(Collection<PickupPointId> ids) {
		Long[] array = ids.stream().map(PickupPointId::value).distinct().toArray(Long[]::new);
		return jdbc.sql(SELECT + " where p.id = any(?)").param(array).query(PickupPoints::map).list();
	}

	public List<PickupPoint> activeOfRegion(RegionId region) {
		return jdbc.sql(SELECT + " where p.region_id = ? and p.active order by p.name").param(region.value())
			.query(PickupPoints::map).list();
	}

	/** Active pickup points of a region, nearest first by haversine distance (computed in the database). */
	public List<PickupPoint> nearest(RegionId region, double latitude, double longitude, int limit) {
		return jdbc.sql(SELECT + "\n" + """
				 where p.region_id = :region and p.active
				 order by 2 * :radius * asin(least(1, sqrt(
				          power(sin(radians(p.latitude - :lat) / 2), 2)
				        + cos(radians(:lat)) * cos(radians(p.latitude)) * power(sin(radians(p.longitude - :lng) / 2), 2)))),
				          p.id
				 limit :limit""")
			.param("region", region.value()).param("radius", Geo.EARTH_RADIUS_METERS).param("lat", latitude)
			.param("lng", longitude).param("limit", limit)
			.query(PickupPoints::map).list();
	}

	public boolean nameTaken(CommunityId community, String name, PickupPointId except) {
		return jdbc.sql("select exists(select 1 from network.pickup_point where community_id = ? and name = ? and id <> ?)")
			.params(community.value(), name, except == null ? -1L : except.value()).query(Boolean.class).single();
	}

	/** Active pickup points a grid warehouse delivers to (it may not close while it has any). */
	public long activeServedBy(WarehouseId warehouse) {
		return jdbc.sql("select count(*) from network.pickup_point where grid_warehouse_id = ? and active")
			.param(warehouse.value()).query(Long.class).single();
	}

	public Page<PickupPoint> search(NetworkSearch s, CommunityId community) {
		var params = new HashMap<String, Object>();
		params.put("regions", Filters.regions(s.regions()));
		params.put("q", Filters.like(s.text()));
		params.put("active", s.active());
		params.put("community", community == null ? null : community.value());
		params.put("limit", s.size());
		params.put("offset", Filters.offset(s.page(), s.size()));
		long total = jdbc.sql("select count(*) from network.pickup_point p join network.community c on c.id = p.community_id"
				+ WHERE).params(params).query(Long.class).single();
		var items = jdbc.sql(SELECT + WHERE + " order by p.region_id, c.name, p.name limit :limit offset :offset")
			.params(params).query(PickupPoints::map).list();
		return new Page<>(items, total, s.page(), s.size());
	}

	public long countActive(Long[] regions) {
		return jdbc.sql("""
				select count(*) from network.pickup_point p
				 where p.active and (cast(? as bigint[]) is null or p.region_id = any(?))""")
			.params(regions, regions).query(Long.class).single();
	}

	static PickupPoint map(ResultSet rs, int row) throws SQLException {
		return new PickupPoint(new PickupPointId(rs.getLong("id")), new RegionId(rs.getLong("region_id")),
				new CommunityId(rs.getLong("community_id")), rs.getString("community_name"),
				new WarehouseId(rs.getLong("grid_warehouse_id")), rs.getString("name"), rs.getString("address"),
				rs.getDouble("latitude"), rs.getDouble("longitude"), rs.getObject("opens_at", LocalTime.class),
				rs.getObject("closes_at", LocalTime.class), rs.getBoolean("active"));
	}
}
