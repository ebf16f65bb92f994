package com.linli.marketing.internal.referrals;

import java.security.SecureRandom;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import com.linli.identity.AccountId;
import com.linli.marketing.ReferralRefusalReason;
import com.linli.marketing.ReferralRule;
import com.linli.network.RegionId;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The referral tables in plain SQL: codes, bindings, first paid orders, claims of phones and devices,
 * rewards, refusals and the rules per region. Every write that must happen once is conditional.
 */
@Repository
public class ReferralRecords {

	/** Letters and digits that cannot be mistaken for each other when read aloud or typed. */
	static final String ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789";

	static final int CODE_LENGTH = 8;

	private static final SecureRandom RANDOM = new SecureRandom();

	private final JdbcClient jdbc;

	ReferralRecords(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** A referral as stored. */
	public record Referral(long id, AccountId inviter, AccountId invitee, String code, String inviteePhone,
			String deviceId, Instant boundAt, String status, Long firstOrderId, Long pickupPointId,
			String refusalReason) {
	}

	// ---- codes ----------------------------------------------------------------------------------

	/** The resident's code, made on first use (a random code; a collision simply tries another). */
	public String codeOf(AccountId resident, Instant now) {
		for (int attempt = 0; attempt < 10; attempt++) {
			var existing = jdbc.sql("select code from marketing.referral_code where resident_id = ?")
				.param(resident.value()).query(String.class).optional();
			if (existing.isPresent()) {
				return existing.get();
			}
			jdbc.sql("""
					insert into marketing.referral_code (resident_id, code, created_at) values (?, ?, ?)
					on conflict do nothing""")
				.params(resident.value(), randomCode(), Timestamp.from(now)).update();
		}
		throw new IllegalStateException("no free referral code after 10 attempts");
	}

	static String randomCode() {
		var code = new StringBuilder(CODE_LENGTH);
		for (int i = 0; i < CODE_LENGTH; i++) {
			code.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
		}
		return code.toString();
	}

	public Optional<AccountId> ownerOf(String code) {
		return jdbc.sql("select resident_id from marketing.referral_code where code = ?").param(code)
			.query(Long.class).optional().map(AccountId::new);
	}

	/** Serialises the decisions about one inviter's invitees (the pickup point pattern counts them). */
	public void lockInviter(AccountId inviter) {
		jdbc.sql("select resident_id from marketing.referral_code where resident_id = ? for update")
			.param(inviter.value()).query(Long.class).optional();
	}

	// ---- first paid orders ----------------------------------------------------------------------

	public boolean hasPaidOrder(AccountId resident) {
		return jdbc.sql("select exists(select 1 from marketing.resident_first_order where resident_id = ?)")
			.param(resident.value()).query(Boolean.class).single();
	}

	/** Records the first paid order of the resident; answers the resident's first order (this one or an earlier one). */
	public long recordFirstOrder(AccountId resident, long orderId, Instant paidAt) {
		jdbc.sql("""
				insert into marketing.resident_first_order (resident_id, order_id, paid_at) values (?, ?, ?)
				on conflict do nothing""")
			.params(resident.value(), orderId, Timestamp.from(paidAt)).update();
		return jdbc.sql("select order_id from marketing.resident_first_order where resident_id = ?")
			.param(resident.value()).query(Long.class).single();
	}

	// ---- bindings -------------------------------------------------------------------------------

	/** Binds the invitee unless they are bound already; true when this call bound them. */
	public boolean bind(AccountId inviter, AccountId invitee, String code, String inviteePhone, String deviceId,
			Instant now) {
		return jdbc.sql("""
				insert into marketing.referral (inviter_id, invitee_id, code, invitee_phone, device_id, bound_at)
				values (?, ?, ?, ?, ?, ?) on conflict (invitee_id) do nothing""")
			.params(inviter.value(), invitee.value(), code, inviteePhone, deviceId, Timestamp.from(now))
			.update() == 1;
	}

	public Optional<Referral> ofInvitee(AccountId invitee) {
		return jdbc.sql("select * from marketing.referral where invitee_id = ?").param(invitee.value())
			.query(ReferralRecords::map).optional();
	}

	/** The invitee's referral still waiting for its decision, locked. */
	public Optional<Referral> pendingOfInviteeForUpdate(AccountId invitee) {
		return jdbc.sql("select * from marketing.referral where invitee_id = ? and status = 'BOUND' for update")
			.param(invitee.value()).query(ReferralRecords::map).optional();
	}

	public List<Referral> ofInviter(AccountId inviter, int limit) {
		return jdbc.sql("select * from marketing.referral where inviter_id = ? order by bound_at desc, id desc limit ?")
			.params(inviter.value(), limit).query(ReferralRecords::map).list();
	}

	/** Remembers the pickup point of an order of a still-pending invitee (one indexed statement per order). */
	public void rememberOrder(AccountId resident, long orderId, long pickupPointId) {
		jdbc.sql("""
				insert into marketing.referral_order (order_id, referral_id, pickup_point_id)
				select ?, id, ? from marketing.referral where invitee_id = ? and status = 'BOUND'
				on conflict do nothing""")
			.params(orderId, pickupPointId, resident.value()).update();
	}

	public Optional<Long> pickupPointOfOrder(long orderId) {
		return jdbc.sql("select pickup_point_id from marketing.referral_order where order_id = ?").param(orderId)
			.query(Long.class).optional();
	}

	/** The inviter's invitees rewarded at the pickup point between {@code from} and {@code to}. */
	public int rewardedAt(AccountId inviter, long pickupPointId, Instant from, Instant to) {
		return jdbc.sql("""
				select count(*) from marketing.referral
				 where inviter_id = ? and pickup_point_id = ? and status = 'REWARDED' and decided_at >= ? and decided_at < ?""")
			.params(inviter.value(), pickupPointId, Timestamp.from(from), Timestamp.from(to))
			.query(Integer.class).single();
	}

	public boolean claimTaken(String key, long referralId) {
		return jdbc.sql("select exists(select 1 from marketing.referral_claim where claim_key = ? and referral_id <> ?)")
			.params(key, referralId).query(Boolean.class).single();
	}

	/** Takes the claim for the referral; false when another referral holds it. */
	public boolean claim(String key, long referralId) {
		jdbc.sql("insert into marketing.referral_claim (claim_key, referral_id) values (?, ?) on conflict do nothing")
			.params(key, referralId).update();
		return jdbc.sql("select referral_id from marketing.referral_claim where claim_key = ?").param(key)
			.query(Long.class).single() == referralId;
	}

	public void releaseClaims(long referralId) {
		jdbc.sql("delete from marketing.referral_claim where referral_id = ?").param(referralId).update();
	}

	/** Moves the referral out of BOUND; false when it was decided meanwhile. */
	public boolean decide(long referralId, String status, ReferralRefusalReason reason, long orderId, Long pickupPointId,
			RegionId region, Instant at) {
		return jdbc.sql("""
				update marketing.referral
				   set status = ?, refusal_reason = ?, first_order_id = ?, pickup_point_id = ?, region_id = ?, decided_at = ?
				 where id = ? and status = 'BOUND'""")
			.params(status, reason == null ? null : reason.name(), orderId, pickupPointId, region.value(),
					Timestamp.from(at), referralId)
			.update() == 1;
	}

	public void refusal(long referralId, String side, ReferralRefusalReason reason, String detail, Long orderId,
			Instant at) {
		jdbc.sql("""
				insert into marketing.referral_refusal (referral_id, side, reason, detail, order_id, refused_at)
				values (?, ?, ?, ?, ?, ?) on conflict do nothing""")
			.params(referralId, side, reason.name(), detail == null ? null : truncate(detail, 300), orderId,
					Timestamp.from(at))
			.update();
	}

	public void reward(long referralId, String side, AccountId account, Long couponId, Long points, Instant at) {
		jdbc.sql("""
				insert into marketing.referral_reward (referral_id, side, account_id, kind, coupon_id, points, granted_at)
				values (?, ?, ?, ?, ?, ?, ?) on conflict do nothing""")
			.params(referralId, side, account.value(), couponId != null ? "COUPON" : "POINTS", couponId, points,
					Timestamp.from(at))
			.update();
	}

	/** A reward as stored: side, kind, coupon id or points. */
	public record Reward(long referralId, String side, long accountId, String kind, Long couponId, Long points,
			Instant at) {
	}

	public List<Reward> rewardsOf(List<Long> referralIds) {
		if (referralIds.isEmpty()) {
			return List.of();
		}
		return jdbc.sql("select * from marketing.referral_reward where referral_id = any(?) order by id")
			.param(referralIds.toArray(Long[]::new))
			.query((rs, n) -> new Reward(rs.getLong("referral_id"), rs.getString("side"), rs.getLong("account_id"),
					rs.getString("kind"), (Long) rs.getObject("coupon_id"), (Long) rs.getObject("points"),
					rs.getTimestamp("granted_at").toInstant()))
			.list();
	}

	/** A row of the console's list: a refusal, or a reward when {@code reason} is null. */
	public record Decision(long referralId, long inviterId, long inviteeId, Long orderId, String side, String kind,
			Long couponId, Long points, String reason, String detail, Instant at) {
	}

	/** The latest refusals in the regions (null: all). */
	public List<Decision> refusals(Set<Long> regions, int limit) {
		return decisions("""
				select f.referral_id, r.inviter_id, r.invitee_id, f.order_id, f.side, null as kind, null as coupon_id,
				       null as points, f.reason, f.detail, f.refused_at as at
				  from marketing.referral_refusal f join marketing.referral r on r.id = f.referral_id
				 where (cast(:all as boolean) or r.region_id = any(:regions))
				 order by f.refused_at desc, f.id desc limit :limit""", regions, limit);
	}

	/** The latest rewards in the regions (null: all). */
	public List<Decision> rewards(Set<Long> regions, int limit) {
		return decisions("""
				select w.referral_id, r.inviter_id, r.invitee_id, r.first_order_id as order_id, w.side, w.kind,
				       w.coupon_id, w.points, null as reason, null as detail, w.granted_at as at
				  from marketing.referral_reward w join marketing.referral r on r.id = w.referral_id
				 where (cast(:all as boolean) or r.region_id = any(:regions))
				 order by w.granted_at desc, w.id desc limit :limit""", regions, limit);
	}

	private List<Decision> decisions(String sql, Set<Long> regions, int limit) {
		return jdbc.sql(sql)
			.param("all", regions == null)
			.param("regions", regions == null ? new Long[0] : regions.toArray(Long[]::new))
			.param("limit", limit)
			.query((rs, n) -> new Decision(rs.getLong("referral_id"), rs.getLong("inviter_id"), rs.getLong("invitee_id"),
					(Long) rs.getObject("order_id"), rs.getString("side"), rs.getString("kind"),
					(Long) rs.getObject("coupon_id"), (Long) rs.getObject("points"), rs.getString("reason"),
					rs.getString("detail"), rs.getTimestamp("at").toInstant()))
			.list();
	}

	// ---- rules ----------------------------------------------------------------------------------

	public Optional<ReferralRule> rule(RegionId region) {
		return jdbc.sql("select * from marketing.referral_rule where region_id = ?").param(region.value())
			.query((rs, n) -> new ReferralRule(rs.getBoolean("enabled"), (Long) rs.getObject("inviter_coupon_template"),
					(Long) rs.getObject("inviter_points"), (Long) rs.getObject("invitee_coupon_template"),
					(Long) rs.getObject("invitee_points"), rs.getInt("max_per_point_per_day")))
			.optional();
	}

	public void saveRule(RegionId region, ReferralRule r, Long by, Instant at) {
		jdbc.sql("""
				insert into marketing.referral_rule (region_id, enabled, inviter_coupon_template, inviter_points,
				       invitee_coupon_template, invitee_points, max_per_point_per_day, updated_at, updated_by)
				values (?, ?, ?, ?, ?, ?, ?, ?, ?)
				on conflict (region_id) do update set enabled = excluded.enabled,
				       inviter_coupon_template = excluded.inviter_coupon_template, inviter_points = excluded.inviter_points,
				       invitee_coupon_template = excluded.invitee_coupon_template, invitee_points = excluded.invitee_points,
				       max_per_point_per_day = excluded.max_per_point_per_day, updated_at = excluded.updated_at,
				       updated_by = excluded.updated_by""")
			.params(region.value(), r.enabled(), r.inviterCouponTemplate(), r.inviterPoints(), r.inviteeCouponTemplate(),
					r.inviteePoints(), r.maxPerPointPerDay(), Timestamp.from(at), by)
			.update();
	}

	static Referral map(ResultSet rs, int row) throws SQLException {
		return new Referral(rs.getLong("id"), new AccountId(rs.getLong("inviter_id")),
				new AccountId(rs.getLong("invitee_id")), rs.getString("code"), rs.getString("invitee_phone"),
				rs.getString("device_id"), rs.getTimestamp("bound_at").toInstant(), rs.getString("status"),
				(Long) rs.getObject("first_order_id"), (Long) rs.getObject("pickup_point_id"),
				rs.getString("refusal_reason"));
	}

	private static String truncate(String s, int max) {
		return s.length() <= max ? s : s.substring(0, max);
	}
}
