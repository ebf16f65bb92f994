package com.linli.marketing.internal.levels;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

import com.linli.identity.AccountId;
import com.linli.marketing.MembershipLevel;
import com.linli.marketing.NewMembershipLevel;
import com.linli.marketing.internal.ResidentLevels;
import com.linli.shared.ReadCache;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The configured levels (cached as one list: a handful of rows read on every member-priced order) and a
 * resident's rank, derived from their growth value (cached per resident, evicted on their growth's change
 * and, for everyone, on a change of the levels). Rank 0 when no level is reached or none is configured.
 */
@Component
public class Levels implements ResidentLevels {

	private static final String ALL = "all";

	private final JdbcClient jdbc;

	private final ReadCache<String, List<MembershipLevel>> levels = new ReadCache<>("marketing.level", Duration.ofSeconds(30), 1);

	private final ReadCache<Long, Long> growth = new ReadCache<>("marketing.growth", Duration.ofSeconds(60), 100_000);

	Levels(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Every level, lowest rank first. */
	public List<MembershipLevel> all() {
		return levels.get(ALL, k -> jdbc.sql("""
				select id, rank, name, growth_threshold, privileges, monthly_coupon_template_id, flash_early_minutes
				from marketing.member_level order by rank""")
			.query((rs, n) -> new MembershipLevel(rs.getLong("id"), rs.getInt("rank"), rs.getString("name"),
					rs.getLong("growth_threshold"), rs.getString("privileges"),
					(Long) rs.getObject("monthly_coupon_template_id", Long.class), rs.getInt("flash_early_minutes")))
			.list());
	}

	@Override
	public int rankOf(AccountId resident) {
		return levelFor(growthOf(resident)).map(MembershipLevel::rank).orElse(0);
	}

	/** The highest level a growth value reaches. */
	public Optional<MembershipLevel> levelFor(long growthValue) {
		MembershipLevel reached = null;
		for (MembershipLevel level : all()) {
			if (level.growthThreshold() <= growthValue && (reached == null || level.rank() > reached.rank())) {
				reached = level;
			}
		}
		return Optional.ofNullable(reached);
	}

	public Optional<MembershipLevel> byRank(int rank) {
		return all().stream().filter(l -> l.rank() == rank).findFirst();
	}

	long growthOf(AccountId resident) {
		return growth.get(resident.value(), id -> jdbc.sql("select growth from marketing.growth_account where resident_id = ?")
			.param(id).query(Long.class).optional().orElse(0L));
	}

	void evict(AccountId resident) {
		growth.evict(resident.value());
	}

	/** Adds a level; a rank, name or threshold already taken is a DuplicateKeyException. */
	public long insert(NewMembershipLevel level) throws DuplicateKeyException {
		long id = jdbc.sql("""
				insert into marketing.member_level (rank, name, growth_threshold, privileges,
				monthly_coupon_template_id, flash_early_minutes) values (?, ?, ?, ?, ?, ?) returning id""")
			.params(level.rank(), level.name().strip(), level.growthThreshold(), level.privileges() == null ? "" : level.privileges().strip(),
					level.monthlyCouponTemplateId(), level.flashEarlyMinutes())
			.query(Long.class).single();
		levels.clear();
		return id;
	}

	public boolean update(long id, NewMembershipLevel level) throws DuplicateKeyException {
		int updated = jdbc.sql("""
				update marketing.member_level set rank = ?, name = ?, growth_threshold = ?, privileges = ?,
				monthly_coupon_template_id = ?, flash_early_minutes = ? where id = ?""")
			.params(level.rank(), level.name().strip(), level.growthThreshold(), level.privileges() == null ? "" : level.privileges().strip(),
					level.monthlyCouponTemplateId(), level.flashEarlyMinutes(), id)
			.update();
		levels.clear();
		return updated == 1;
	}

	public boolean delete(long id) {
		int deleted = jdbc.sql("delete from marketing.member_level where id = ?").param(id).update();
		levels.clear();
		return deleted == 1;
	}
}
