package com.linli.network.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;

import com.linli.network.NetworkSearch;
import com.linli.network.NewRegion;
import com.linli.network.Region;
import com.linli.network.RegionChange;
import com.linli.network.RegionId;
import com.linli.shared.Page;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The region table, in plain SQL. */
@Repository
public class Regions {

	private static final String SELECT = "select id, name, code, zone, active from network.region r";

	private static final String WHERE = "\n" + """
			 where (cast(:regions as bigint[]) is null or r.id = any(:regions))
			   and (cast(:q as text) is null or r.name ilike :q or r.code ilike :q)
			   and (cast(:active as boolean) is null or r.active = :active)""";

	private final JdbcClient jdbc;

	private final Clock clock;

	Regions(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	public RegionId insert(NewRegion r) {
		return new RegionId(jdbc.sql("""
				insert into network.region (name, code, zone, created_at) values (?, ?, ?, ?) returning id""")
			.params(r.name(), r.code(), r.zone().getId(), Timestamp.from(clock.instant()))
			.query(Long.class).single());
	}

	public void update(RegionId id, RegionChange c) {
		jdbc.sql("update network.region set name = ?, zone = ?, active = ? where id = ?")
			.params(c.name(), c.zone().getId(), c.active(), id.value()).update();
	}

	public Optional<Region> find(RegionId id) {
		return jdbc.sql(SELECT + " where id = ?").param(id.value()).query(Regions::map).optional();
	}

	public List<Region> all() {
		return jdbc.sql(SELECT + " order by name").query(Regions::map).list();
	}

	public boolean codeTaken(String code) {
		return jdbc.sql("select exists(select 1 from network.region where code = ?)").param(code)
			.query(Boolean.class).single();
	}

	public boolean nameTaken(String name, RegionId except) {
		return jdbc.sql("select exists(select 1 from network.region where name = ? and id <> ?)")
			.params(name, except == null ? -1L : except.value()).query(Boolean.class).single();
	}

	public Page<Region> search(NetworkSearch s) {
		long total = jdbc.sql("select count(*) from network.region r" + WHERE).params(params(s))
			.query(Long.class).single();
		var items = jdbc.sql(SELECT + WHERE + " order by r.name limit :limit offset :offset").params(params(s))
			.query(Regions::map).list();
		return new Page<>(items, total, s.page(), s.size());
	}

	private static java.util.Map<String, Object> params(NetworkSearch s) {
		var params = new java.util.HashMap<String, Object>();
		params.put("regions", Filters.regions(s.regions()));
		params.put("q", Filters.like(s.text()));
		params.put("active", s.active());
		params.put("limit", s.size());
		params.put("offset", Filters.offset(s.page(), s.size()));
		return params;
	}

	static Region map(ResultSet rs, int row) throws SQLException {
		return new Region(new RegionId(rs.getLong("id")), rs.getString("name"), rs.getString("code"),
				ZoneId.of(rs.getString("zone")), rs.getBoolean("active"));
	}
}
