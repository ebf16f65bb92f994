package com.linli.marketing.internal.levels;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;

import javax.sql.DataSource;

import com.linli.identity.AccountId;
import com.linli.marketing.MembershipLevel;
import com.linli.marketing.internal.CouponGrants;
import com.linli.shared.JobLock;
import com.linli.shared.BusinessRuleException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The monthly coupon of each level: on the first day of a month every resident gets the coupon of the
 * level they are at (through the coupons' {@link CouponGrants}, source "level:<rank>:<yyyy-MM>"). One grant
 * per resident and month (a row keyed so), each in its own transaction so one refusal (a template run out)
 * does not stop the others; an advisory lock keeps a second node out; a rerun grants only what is missing.
 */
@Component
public class LevelCoupons {

	private static final Logger log = LoggerFactory.getLogger(LevelCoupons.class);

	private final JdbcClient jdbc;

	private final DataSource dataSource;

	private final Levels levels;

	private final CouponGrants coupons;

	private final TransactionTemplate transactions;

	private final Clock clock;

	LevelCoupons(JdbcClient jdbc, DataSource dataSource, Levels levels, CouponGrants coupons,
			TransactionTemplate transactions, Clock clock) {
		this.jdbc = jdbc;
		this.dataSource = dataSource;
		this.levels = levels;
		this.coupons = coupons;
		this.transactions = transactions;
		this.clock = clock;
	}

	@Scheduled(cron = "${linli.marketing.levels.coupon-schedule:0 20 0 * * *}")
	void daily() {
		LocalDate today = LocalDate.now(clock);
		if (today.getDayOfMonth() == 1) {
			grant(YearMonth.from(today), clock.instant());
		}
	}

	/** Grants the month's coupons still missing; answers how many were granted now. */
	public int grant(YearMonth month, Instant at) {
		var lock = JobLock.tryAcquire(dataSource, "level-coupons");
		if (lock.isEmpty()) {
			return 0;
		}
		try (var held = lock.get()) {
			List<MembershipLevel> all = levels.all();
			int granted = 0;
			for (int i = 0; i < all.size(); i++) {
				MembershipLevel level = all.get(i);
				if (level.monthlyCouponTemplateId() == null) {
					continue;
				}
				long below = i + 1 < all.size() ? all.get(i + 1).growthThreshold() : Long.MAX_VALUE;
				for (long resident : residentsAt(level, below, month)) {
					granted += grantOne(new AccountId(resident), level, month, at) ? 1 : 0;
				}
			}
			log.info("Monthly level coupons of {}: {} granted", month, granted);
			return granted;
		}
	}

	private boolean grantOne(AccountId resident, MembershipLevel level, YearMonth month, Instant at) {
		try {
			return Boolean.TRUE.equals(transactions.execute(s -> {
				long coupon = coupons.grant(resident, level.monthlyCouponTemplateId(),
						"level:" + level.rank() + ":" + month, at);
				return jdbc.sql("""
						insert into marketing.level_coupon_grant (resident_id, month, rank, coupon_id, at)
						values (?, ?, ?, ?, ?) on conflict do nothing""")
					.params(resident.value(), month.toString(), level.rank(), coupon, Timestamp.from(at)).update() == 1;
			}));
		}
		catch (BusinessRuleException refused) {
			log.warn("No monthly coupon of level {} for resident {}: {}", level.rank(), resident.value(),
					refused.getMessage());
			return false;
		}
	}

	/** Residents whose growth is at this level (and not the next), without the month's coupon yet. */
	private List<Long> residentsAt(MembershipLevel level, long nextThreshold, YearMonth month) {
		return jdbc.sql("""
				select a.resident_id from marketing.growth_account a
				where a.growth >= ? and a.growth < ?
				and not exists (select 1 from marketing.level_coupon_grant g where g.resident_id = a.resident_id and g.month = ?)
				order by a.resident_id""")
			.params(level.growthThreshold(), nextThreshold, month.toString())
			.query(Long.class).list();
	}
}
