package com.linli.network.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.linli.network.NetworkSearch;
import com.linli.network.NewWarehouse;
import com.linli.network.RegionId;
import com.linli.network.Warehouse;
import com.linli.network.WarehouseChange;
import com.linli.network.WarehouseId;
import com.linli.network.WarehouseKind;
import com.linli.shared.Page;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The warehouse table, in plain SQL. */
@Repository
public class Warehouses {

	private static final String SELECT = """
			select w.id, w.region_id, w.kind, w.name, w.address, w.latitude, w.longitude, w.active
			  from network.warehouse w""";

	private static final String WHERE = "\n" + """
			 where (cast(:regions as bigint[]) is null or w.region_id = any(:regions))
			   and (cast(:q as text) is null or w.name ilike :q or w.address ilike :q)
			   and (cast(:active as boolean) is null or w.active = :active)
			   and (cast(:kind as text) is null or w.kind = :kind)""";

	private final JdbcClient jdbc;

	private final Clock clock;

	Warehouses(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	public WarehouseId insert(NewWarehouse w) {
		return new WarehouseId(jdbc.sql("""
				insert into network.warehouse (region_id, kind, name, address, latitude, longitude, created_at)
				values (?, ?, ?, ?, ?, ?, ?) returning id""")
			.params(w.regionId().value(), w.kind().name(), w.name(), w.address(), w.latitude(), w.longitude(),
					Timestamp.from(clock.instant()))
			.query(Long.class).single());
	}

	public void update(WarehouseId id, WarehouseChange c) {
		jdbc.sql("update network.warehouse set name = ?, address = ?, latitude = ?, longitude = ?, active = ? where id = ?")
			.params(c.name(), c.address(), c.latitude(), c.longitude(), c.active(), id.value()).update();
	}

	public Optional<Warehouse> find(WarehouseId id) {
		return jdbc.sql(SELECT + " where w.id = ?").param(id.value()).query(Warehouses::map).optional();
	}

	/** Every warehouse of a region: central ones first, then by name. */
	public List<Warehouse> ofRegion(RegionId region) {
		return jdbc.sql(SELECT + " where w.region_id = ? order by w.kind, w.name").param(region.value())
			.query(Warehouses::map).list();
	}

	public boolean nameTaken(RegionId region, String name, WarehouseId except) {
		return jdbc.sql("select exists(select 1 from network.warehouse where region_id = ? and name = ? and id <> ?)")
			.params(region.value(), name, except == null ? -1L : except.value()).query(Boolean.class).single();
	}

	public Page<Warehouse> search(NetworkSearch s, WarehouseKind kind) {
		var params = params(s, kind);
		long total = jdbc.sql("select count(*) from network.warehouse w" + WHERE).params(params).query(Long.class)
			.single();
		var items = jdbc.sql(SELECT + WHERE + " order by w.region_id, w.kind, w.name limit :limit offset :offset")
			.params(params).query(Warehouses::map).list();
		return new Page<>(items, total, s.page(), s.size());
	}

	private static Map<String, Object> params(NetworkSearch s, WarehouseKind kind) {
		var params = new HashMap<String, Object>();
		params.put("regions", Filters.regions(s.regions()));
		params.put("q", Filters.like(s.text()));
		params.put("active", s.active());
		params.put("kind", kind == null ? null : kind.name());
		params.put("limit", s.size());
		params.put("offset", Filters.offset(s.page(), s.size()));
		return params;
	}

	static Warehouse map(ResultSet rs, int row) throws SQLException {
		return new Warehouse(new WarehouseId(rs.getLong("id")), new RegionId(rs.getLong("region_id")),
				WarehouseKind.valueOf(rs.getString("kind")), rs.getString("name"), rs.getString("address"),
				rs.getDouble("latitude"), rs.getDouble("longitude"), rs.getBoolean("active"));
	}
}
