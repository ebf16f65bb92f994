package com.linli.network.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.linli.network.Community;
import com.linli.network.CommunityChange;
import com.linli.network.CommunityId;
import com.linli.network.NetworkSearch;
import com.linli.network.NewCommunity;
import com.linli.network.RegionId;
import com.linli.shared.Page;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The community table, in plain SQL. */
@Repository
public class Communities {

	private static final String SELECT = """
			select c.id, c.region_id, c.name, c.district, c.address, c.latitude, c.longitude, c.households
			  from network.community c""";

	private static final String WHERE = "\n" + """
			 where (cast(:regions as bigint[]) is null or c.region_id = any(:regions))
			   and (cast(:q as text) is null or c.name ilike :q or c.district ilike :q or c.address ilike :q)""";

	private final JdbcClient jdbc;

	private final Clock clock;

	Communities(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	public CommunityId insert(NewCommunity c) {
		return new CommunityId(jdbc.sql("""
				insert into network.community (region_id, name, district, address, latitude, longitude, households, created_at)
				values (?, ?, ?, ?, ?, ?, ?, ?) returning id""")
			.params(c.regionId().value(), c.name(), c.district(), c.address(), c.latitude(), c.longitude(),
					c.households(), Timestamp.from(clock.instant()))
			.query(Long.class).single());
	}

	public void update(CommunityId id, CommunityChange c) {
		jdbc.sql("""
				update network.community set name = ?, district = ?, address = ?, latitude = ?, longitude = ?, households = ?
				 where id = ?""")
			.params(c.name(), c.district(), c.address(), c.latitude(), c.longitude(), c.households(), id.value())
			.update();
	}

	public Optional<Community> find(CommunityId id) {
		return jdbc.sql(SELECT + " where c.id = ?").param(id.value()).query(Communities::map).optional();
	}

	public List<Community> ofRegion(RegionId region) {
		return jdbc.sql(SELECT + " where c.region_id = ? order by c.district, c.name").param(region.value())
			.query(Communities::map).list();
	}

	public boolean nameTaken(RegionId region, String district, String name, CommunityId except) {
		return jdbc.sql("""
				select exists(select 1 from network.community
				               where region_id = ? and district = ? and name = ? and id <> ?)""")
			.params(region.value(), district, name, except == null ? -1L : except.value()).query(Boolean.class)
			.single();
	}

	public Page<Community> search(NetworkSearch s) {
		var params = params(s);
		long total = jdbc.sql("select count(*) from network.community c" + WHERE).params(params).query(Long.class)
			.single();
		var items = jdbc.sql(SELECT + WHERE + " order by c.region_id, c.district, c.name limit :limit offset :offset")
			.params(params).query(Communities::map).list();
		return new Page<>(items, total, s.page(), s.size());
	}

	public long count(Long[] regions) {
		return jdbc.sql("select count(*) from network.community c where (cast(? as bigint[]) is null or c.region_id = any(?))")
			.params(regions, regions).query(Long.class).single();
	}

	private static Map<String, Object> params(NetworkSearch s) {
		var params = new HashMap<String, Object>();
		params.put("regions", Filters.regions(s.regions()));
		params.put("q", Filters.like(s.text()));
		params.put("limit", s.size());
		params.put("offset", Filters.offset(s.page(), s.size()));
		return params;
	}

	static Community map(ResultSet rs, int row) throws SQLException {
		return new Community(new CommunityId(rs.getLong("id")), new RegionId(rs.getLong("region_id")),
				rs.getString("name"), rs.getString("district"), rs.getString("address"), rs.getDouble("latitude"),
				rs.getDouble("longitude"), rs.getInt("households"));
	}
}
