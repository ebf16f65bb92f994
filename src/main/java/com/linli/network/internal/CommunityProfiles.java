package com.linli.network.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;

import com.linli.network.CommunityId;
import com.linli.network.CommunityProfile;
import com.linli.network.RegionId;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The community_profile table (age mix per community), in plain SQL. */
@Repository
public class CommunityProfiles {

	private final JdbcClient jdbc;

	private final Clock clock;

	CommunityProfiles(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	public void save(CommunityProfile p) {
		jdbc.sql("""
				insert into network.community_profile (community_id, young_percent, middle_percent, senior_percent, updated_at)
				values (?, ?, ?, ?, ?)
				on conflict (community_id) do update set young_percent = excluded.young_percent,
				       middle_percent = excluded.middle_percent, senior_percent = excluded.senior_percent,
				       updated_at = excluded.updated_at""")
			.params(p.communityId().value(), p.youngPercent(), p.middlePercent(), p.seniorPercent(),
					Timestamp.from(clock.instant()))
			.update();
	}

	public Map<CommunityId, CommunityProfile> ofRegion(RegionId region) {
		var result = new LinkedHashMap<CommunityId, CommunityProfile>();
		jdbc.sql("""
				select p.community_id, p.young_percent, p.middle_percent, p.senior_percent
				  from network.community_profile p join network.community c on c.id = p.community_id
				 where c.region_id = ? order by p.community_id""")
			.param(region.value())
			.query((rs, n) -> new CommunityProfile(new CommunityId(rs.getLong(1)), rs.getInt(2), rs.getInt(3),
					rs.getInt(4)))
			.list()
			.forEach(p -> result.put(p.communityId(), p));
		return result;
	}
}
