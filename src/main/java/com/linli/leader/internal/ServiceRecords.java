package com.linli.leader.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;

import com.linli.leader.LeaderId;
import com.linli.leader.ServiceFigures;
import com.linli.network.PickupPointId;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The ratings of leaders' service from reviews and the complaints about them, one row per review or complaint
 * (an event delivered twice writes nothing new), and the figures summed from them.
 */
@Repository
public class ServiceRecords {

	private final JdbcClient jdbc;

	ServiceRecords(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public void rate(long reviewId, LeaderId leader, PickupPointId point, int stars, Instant at) {
		jdbc.sql("""
				insert into leader.service_rating (review_id, leader_id, pickup_point_id, stars, rated_at)
				values (?, ?, ?, ?, ?) on conflict (review_id) do nothing""")
			.params(reviewId, leader.value(), point.value(), stars, Timestamp.from(at)).update();
	}

	public void complaintFiled(long complaintId, LeaderId leader, PickupPointId point, Instant at) {
		// a close delivered first wrote the row with its own time: the filing time is the earlier one
		jdbc.sql("""
				insert into leader.service_complaint (complaint_id, leader_id, pickup_point_id, filed_at)
				values (?, ?, ?, ?) on conflict (complaint_id) do update
				set filed_at = least(leader.service_complaint.filed_at, excluded.filed_at)""")
			.params(complaintId, leader.value(), point.value(), Timestamp.from(at)).update();
	}

	public void complaintClosed(long complaintId, LeaderId leader, PickupPointId point, int satisfaction,
			Instant at) {
		jdbc.sql("""
				insert into leader.service_complaint (complaint_id, leader_id, pickup_point_id, filed_at, satisfaction,
				       closed_at) values (?, ?, ?, ?, ?, ?) on conflict (complaint_id) do update
				set satisfaction = excluded.satisfaction, closed_at = excluded.closed_at
				where leader.service_complaint.closed_at is null""")
			.params(complaintId, leader.value(), point.value(), Timestamp.from(at), satisfaction, Timestamp.from(at))
			.update();
	}

	/** The figures of these leaders (those with nothing recorded get {@link ServiceFigures#none}). */
	public Map<LeaderId, ServiceFigures> figures(Collection<LeaderId> leaders, Instant since30d) {
		var result = new HashMap<LeaderId, ServiceFigures>();
		leaders.forEach(l -> result.put(l, ServiceFigures.none(l)));
		if (leaders.isEmpty()) {
			return result;
		}
		Long[] ids = leaders.stream().map(LeaderId::value).toArray(Long[]::new);
		jdbc.sql("""
				select l.id,
				       (select avg(r.stars) from leader.service_rating r where r.leader_id = l.id),
				       (select count(*) from leader.service_rating r where r.leader_id = l.id),
				       (select count(*) from leader.service_complaint c where c.leader_id = l.id and c.filed_at >= ?),
				       (select count(*) from leader.service_complaint c where c.leader_id = l.id),
				       (select avg(c.satisfaction) from leader.service_complaint c where c.leader_id = l.id),
				       (select count(*) from leader.service_complaint c where c.leader_id = l.id and c.closed_at is not null)
				  from leader.leader l where l.id = any(?)""")
			.params(Timestamp.from(since30d), ids)
			.query((rs, n) -> {
				var id = new LeaderId(rs.getLong(1));
				java.math.BigDecimal stars = rs.getBigDecimal(2);
				java.math.BigDecimal satisfaction = rs.getBigDecimal(6);
				return result.put(id, new ServiceFigures(id, stars == null ? null : round(stars.doubleValue()),
						rs.getInt(3), rs.getInt(4), rs.getInt(5),
						satisfaction == null ? null : round(satisfaction.doubleValue()), rs.getInt(7)));
			})
			.list();
		return result;
	}

	private static double round(double value) {
		return Math.round(value * 100) / 100.0;
	}
}
