package com.linli.leader.internal.levels;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;

import com.linli.leader.Reassignment;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The record of residents and orders moved between pickup points. */
@Repository
public class Reassignments {

	private final JdbcClient jdbc;

	Reassignments(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public void insert(Reassignment r) {
		jdbc.sql("""
				insert into leader.reassignment (leader_id, region_id, subject, subject_id, from_point_id, to_point_id,
				                                 outcome, reason, at, by_actor)
				values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
			.params(r.leaderId(), r.regionId(), r.subject().name(), r.subjectId(), r.fromPointId(), r.toPointId(),
					r.outcome().name(), r.reason(), Timestamp.from(r.at()), r.by())
			.update();
	}

	/** The moves of a leader's point (as it was suspended) or of a region, newest first. */
	public List<Reassignment> list(Long leaderId, Long regionId, int limit) {
		return jdbc.sql("""
				select * from leader.reassignment where (cast(? as bigint) is null or leader_id = ?)
				   and (cast(? as bigint) is null or region_id = ?) order by at desc, id desc limit ?""")
			.params(leaderId, leaderId, regionId, regionId, limit)
			.query((rs, n) -> new Reassignment(rs.getLong("id"), (Long) rs.getObject("leader_id"), rs.getLong("region_id"),
					Reassignment.Subject.valueOf(rs.getString("subject")), rs.getLong("subject_id"),
					rs.getLong("from_point_id"), (Long) rs.getObject("to_point_id"),
					Reassignment.Outcome.valueOf(rs.getString("outcome")), rs.getString("reason"),
					rs.getTimestamp("at").toInstant(), rs.getString("by_actor")))
			.list();
	}
}
