package com.linli.leader.internal.incentives;

import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import com.linli.leader.LeaderId;
import com.linli.network.RegionId;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Referral codes and referrals ({@code leader.referral_code}, {@code leader.referral}) in plain SQL. */
@Repository
public class Referrals {

	private static final String ALPHABET = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ";

	private static final SecureRandom RANDOM = new SecureRandom();

	private final JdbcClient jdbc;

	Referrals(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** A referral as stored. */
	public record Referral(long id, LeaderId referrerId, LeaderId referredId, String code, RegionId regionId,
			Instant startedAt, Long rewardEntryId, Instant rewardPaidAt) {
	}

	/** The leader's code, made (8 characters, unique) the first time it is asked for. */
	public String codeOf(LeaderId leader) {
		for (int attempt = 0; attempt < 10; attempt++) {
			var found = jdbc.sql("select code from leader.referral_code where leader_id = ?").param(leader.value())
				.query(String.class).optional();
			if (found.isPresent()) {
				return found.get();
			}
			jdbc.sql("""
					insert into leader.referral_code (leader_id, code) values (?, ?) on conflict do nothing""")
				.params(leader.value(), newCode()).update();
		}
		throw new IllegalStateException("no referral code could be made for leader " + leader);
	}

	/** The leader whose code it is (any case); none for an unknown code. */
	public Optional<LeaderId> leaderOfCode(String code) {
		if (code == null || code.isBlank()) {
			return Optional.empty();
		}
		return jdbc.sql("select leader_id from leader.referral_code where code = ?")
			.param(code.strip().toUpperCase(Locale.ROOT)).query(Long.class).optional().map(LeaderId::new);
	}

	/** Records a referral once per referred leader; false when they were referred already. */
	public boolean insert(LeaderId referrer, LeaderId referred, String code, RegionId region, Instant at) {
		return jdbc.sql("""
				insert into leader.referral (referrer_id, referred_id, code, region_id, started_at) values (?, ?, ?, ?, ?)
				on conflict (referred_id) do nothing""")
			.params(referrer.value(), referred.value(), code, region.value(), Timestamp.from(at)).update() == 1;
	}

	public Optional<Referral> ofReferred(LeaderId referred) {
		return jdbc.sql(SELECT + " where referred_id = ?").param(referred.value()).query(Referrals::map).optional();
	}

	public Optional<Referral> find(long id) {
		return jdbc.sql(SELECT + " where id = ?").param(id).query(Referrals::map).optional();
	}

	/** The referral locked until the transaction ends. */
	public Optional<Referral> lock(long id) {
		return jdbc.sql(SELECT + " where id = ? for update").param(id).query(Referrals::map).optional();
	}

	public List<Referral> ofReferrer(LeaderId referrer) {
		return jdbc.sql(SELECT + " where referrer_id = ? order by started_at desc, id desc").param(referrer.value())
			.query(Referrals::map).list();
	}

	/** Referrals whose reward is not paid and whose threshold period had begun by {@code now}. */
	public List<Referral> unpaid(Instant startedAfter) {
		return jdbc.sql(SELECT + " where reward_entry_id is null and started_at > ? order by id")
			.param(Timestamp.from(startedAfter)).query(Referrals::map).list();
	}

	public void rewardPaid(long id, long entryId, Instant at) {
		int updated = jdbc.sql("""
				update leader.referral set reward_entry_id = ?, reward_paid_at = ? where id = ? and reward_entry_id is null""")
			.params(entryId, Timestamp.from(at), id).update();
		if (updated != 1) {
			throw new IllegalStateException("referral " + id + " was paid under its lock");
		}
	}

	private static final String SELECT = """
			select id, referrer_id, referred_id, code, region_id, started_at, reward_entry_id, reward_paid_at
			  from leader.referral""";

	private static Referral map(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
		long entry = rs.getLong(7);
		Long rewardEntry = rs.wasNull() ? null : entry;
		Timestamp paid = rs.getTimestamp(8);
		return new Referral(rs.getLong(1), new LeaderId(rs.getLong(2)), new LeaderId(rs.getLong(3)), rs.getString(4),
				new RegionId(rs.getLong(5)), rs.getTimestamp(6).toInstant(), rewardEntry,
				paid == null ? null : paid.toInstant());
	}

	static String newCode() {
		var code = new StringBuilder(8);
		for (int i = 0; i < 8; i++) {
			code.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
		}
		return code.toString();
	}
}
