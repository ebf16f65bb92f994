package com.linli.leader.internal.recruitment;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Time;
import java.sql.Timestamp;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import com.linli.identity.AccountId;
import com.linli.leader.ApplicationStatus;
import com.linli.leader.LeaderApplication;
import com.linli.leader.LeaderApplicationId;
import com.linli.leader.LeaderId;
import com.linli.leader.PickupPointKind;
import com.linli.leader.RecruitmentScore;
import com.linli.leader.ReviewCheck;
import com.linli.network.CommunityId;
import com.linli.network.PickupPointId;
import com.linli.network.RegionId;
import com.linli.shared.BusinessRuleException;
import com.linli.shared.Page;
import com.linli.shared.Text;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Leader applications in plain SQL: saved with a compare-and-set on the version, their events published once saved. */
@Repository
public class LeaderApplications {

	private static final String SELECT = "select * from leader.application a";

	private static final String WHERE = """
			 where (cast(:regions as bigint[]) is null or a.region_id = any(:regions))
			   and (cast(:statuses as text[]) is null or a.status = any(:statuses))
			""";

	private final JdbcClient jdbc;

	private final ApplicationEventPublisher events;

	LeaderApplications(JdbcClient jdbc, ApplicationEventPublisher events) {
		this.jdbc = jdbc;
		this.events = events;
	}

	/** Inserts a new application; a second open one of the same phone (a race) is a 409 naming the phone. */
	public LeaderApplicationId insert(LeaderApplication a) {
		var d = a.details();
		var s = a.score();
		try {
			return new LeaderApplicationId(jdbc.sql("""
					insert into leader.application (application_no, status, region_id, community_id, name, phone,
					    id_number_masked, point_kind, point_name, address, latitude, longitude, opens_at, closes_at,
					    followers, households, storage_sqm, referral_code, score_households, score_followers,
					    score_storage, score_distance, score, nearest_point_m, submitted_at, updated_at)
					values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) returning id""")
				.params(a.applicationNo(), a.status().name(), d.regionId().value(), d.communityId().value(), d.name(),
						d.phone(), d.idNumberMasked(), d.kind().name(), d.pointName(), d.address(), d.latitude(),
						d.longitude(), Time.valueOf(d.opensAt()), Time.valueOf(d.closesAt()), d.followers(),
						d.households(), d.storageSqm(), d.referralCode(), s.households(), s.followers(), s.storage(),
						s.distance(), s.total(), s.nearestPointMeters(), Timestamp.from(a.submittedAt()),
						Timestamp.from(a.updatedAt()))
				.query(Long.class).single());
		}
		catch (DuplicateKeyException e) {
			throw RecruitmentProblems.openApplication();
		}
	}

	/** Saves the moves made on a loaded application, if nobody saved it since; else a 409 and nothing changes. */
	public void save(LeaderApplication a) {
		var r = a.review();
		var s = a.score();
		int updated = jdbc.sql("""
				update leader.application set status = ?, version = version + 1, checklist = ?, reason = ?,
				       question = ?, answer = ?, pickup_point_id = ?, leader_id = ?, decided_by = ?, updated_at = ?,
				       score_households = ?, score_followers = ?, score_storage = ?, score_distance = ?, score = ?,
				       nearest_point_m = ?
				 where id = ? and version = ?""")
			.params(a.status().name(),
					r.checklist().stream().map(Enum::name).sorted().collect(Collectors.joining(",")), r.reason(),
					r.question(), r.answer(), r.pickupPointId() == null ? null : r.pickupPointId().value(),
					r.leaderId() == null ? null : r.leaderId().value(),
					r.decidedBy() == null ? null : r.decidedBy().value(), Timestamp.from(a.updatedAt()),
					s.households(), s.followers(), s.storage(), s.distance(), s.total(), s.nearestPointMeters(),
					a.id().value(), a.version())
			.update();
		if (updated != 1) {
			throw new BusinessRuleException("changed-concurrently", "status",
					Text.of("leader.problem.recruitmentChangedConcurrently"));
		}
		a.events().forEach(events::publishEvent);
	}

	public Optional<LeaderApplication> find(LeaderApplicationId id) {
		return jdbc.sql(SELECT + " where id = ?").param(id.value()).query(LeaderApplications::map).optional();
	}

	public Optional<LeaderApplication> findByNo(String applicationNo) {
		return jdbc.sql(SELECT + " where application_no = ?").param(applicationNo).query(LeaderApplications::map)
			.optional();
	}

	public boolean openApplicationOf(String phone) {
		return jdbc.sql("select count(*) from leader.application where phone = ? and status in ('SUBMITTED', 'MORE_INFO_REQUESTED')")
			.param(phone).query(Long.class).single() > 0;
	}

	/** The queue: applications of the regions (all when null) in the statuses, oldest first. */
	public Page<LeaderApplication> search(Set<Long> regions, Set<ApplicationStatus> statuses, int page, int size) {
		var params = new HashMap<String, Object>();
		params.put("regions", regions == null ? null : regions.toArray(Long[]::new));
		params.put("statuses", statuses == null || statuses.isEmpty() ? null
				: statuses.stream().map(Enum::name).toArray(String[]::new));
		params.put("limit", size);
		params.put("offset", Math.multiplyExact(page, size));
		long total = jdbc.sql("select count(*) from leader.application a" + WHERE).params(params).query(Long.class)
			.single();
		var items = jdbc.sql(SELECT + WHERE + " order by a.submitted_at, a.id limit :limit offset :offset")
			.params(params).query(LeaderApplications::map).list();
		return new Page<>(items, total, page, size);
	}

	public void addPhoto(LeaderApplicationId id, int position, String key, String contentType) {
		jdbc.sql("insert into leader.application_photo (application_id, position, storage_key, content_type) values (?, ?, ?, ?)")
			.params(id.value(), position, key, contentType).update();
	}

	public int photoCount(LeaderApplicationId id) {
		return jdbc.sql("select count(*) from leader.application_photo where application_id = ?").param(id.value())
			.query(Integer.class).single();
	}

	public Optional<String> photoKey(LeaderApplicationId id, int position) {
		return jdbc.sql("select storage_key from leader.application_photo where application_id = ? and position = ?")
			.params(id.value(), position).query(String.class).optional();
	}

	public List<Integer> photoPositions(LeaderApplicationId id) {
		return jdbc.sql("select position from leader.application_photo where application_id = ? order by position")
			.param(id.value()).query(Integer.class).list();
	}


	static LeaderApplication map(ResultSet rs, int row) throws SQLException {
		var details = new LeaderApplication.Details(new RegionId(rs.getLong("region_id")),
				new CommunityId(rs.getLong("community_id")), rs.getString("name"), rs.getString("phone"),
				rs.getString("id_number_masked"), PickupPointKind.valueOf(rs.getString("point_kind")),
				rs.getString("point_name"), rs.getString("address"), rs.getDouble("latitude"), rs.getDouble("longitude"),
				rs.getTime("opens_at").toLocalTime(), rs.getTime("closes_at").toLocalTime(), rs.getInt("followers"),
				rs.getInt("households"), rs.getInt("storage_sqm"), rs.getString("referral_code"));
		Integer nearest = rs.getObject("nearest_point_m") == null ? null : rs.getInt("nearest_point_m");
		var score = new RecruitmentScore(rs.getInt("score_households"), rs.getInt("score_followers"),
				rs.getInt("score_storage"), rs.getInt("score_distance"), nearest);
		Set<ReviewCheck> checklist = EnumSet.noneOf(ReviewCheck.class);
		String checked = rs.getString("checklist");
		if (checked != null && !checked.isBlank()) {
			Arrays.stream(checked.split(",")).map(ReviewCheck::valueOf).forEach(checklist::add);
		}
		var review = new LeaderApplication.Review(checklist, rs.getString("reason"), rs.getString("question"),
				rs.getString("answer"), id(rs, "pickup_point_id", PickupPointId::new), id(rs, "leader_id", LeaderId::new),
				id(rs, "decided_by", AccountId::new));
		return new LeaderApplication(new LeaderApplicationId(rs.getLong("id")), rs.getString("application_no"), details,
				ApplicationStatus.valueOf(rs.getString("status")), score, review, rs.getInt("version"),
				rs.getTimestamp("submitted_at").toInstant(), rs.getTimestamp("updated_at").toInstant());
	}

	private static <T> T id(ResultSet rs, String column, java.util.function.LongFunction<T> of) throws SQLException {
		long v = rs.getLong(column);
		return rs.wasNull() ? null : of.apply(v);
	}
}
