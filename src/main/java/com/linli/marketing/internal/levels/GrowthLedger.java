package com.linli.marketing.internal.levels;

import java.sql.Timestamp;
import java.time.Instant;

import com.linli.identity.AccountId;
import com.linli.shared.Text;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Growth value (成长值) per resident, like the points ledger: one entry per reference (written once
 * whatever the retries), and a total changed in the same transaction; a reversal never takes the total
 * below zero. Every change evicts the resident's cached level.
 */
@Component
public class GrowthLedger {

	private final JdbcClient jdbc;

	private final Levels levels;

	GrowthLedger(JdbcClient jdbc, Levels levels) {
		this.jdbc = jdbc;
		this.levels = levels;
	}

	/** Adds growth; answers false when the reference was already applied. */
	@Transactional
	public boolean add(AccountId resident, long growth, Text reason, String reference, Instant at) {
		if (growth <= 0) {
			throw new IllegalArgumentException("growth must be positive: " + growth);
		}
		if (!entry(resident, growth, reason, reference, at)) {
			return false;
		}
		jdbc.sql("""
				insert into marketing.growth_account (resident_id, growth) values (?, ?)
				on conflict (resident_id) do update set growth = growth_account.growth + excluded.growth""")
			.params(resident.value(), growth).update();
		levels.evict(resident);
		return true;
	}

	/** Takes back up to {@code growth} (never below zero); answers what was taken. */
	@Transactional
	public long takeBack(AccountId resident, long growth, Text reason, String reference, Instant at) {
		long total = jdbc.sql("select growth from marketing.growth_account where resident_id = ? for update")
			.param(resident.value()).query(Long.class).optional().orElse(0L);
		long take = Math.min(total, growth);
		if (take <= 0 || !entry(resident, -take, reason, reference, at)) {
			return 0;
		}
		jdbc.sql("update marketing.growth_account set growth = growth - ? where resident_id = ?")
			.params(take, resident.value()).update();
		levels.evict(resident);
		return take;
	}

	public long growth(AccountId resident) {
		return jdbc.sql("select growth from marketing.growth_account where resident_id = ?").param(resident.value())
			.query(Long.class).optional().orElse(0L);
	}

	private boolean entry(AccountId resident, long growth, Text reason, String reference, Instant at) {
		return jdbc.sql("""
				insert into marketing.growth_entry (resident_id, growth, reason, reference, at) values (?, ?, ?, ?, ?)
				on conflict (reference) do nothing""")
			.params(resident.value(), growth, reason.stored(), reference, Timestamp.from(at)).update() == 1;
	}
	/** The growth of one entry (0 when none). */
	long growthOf(String reference) {
		return jdbc.sql("select growth from marketing.growth_entry where reference = ?").param(reference)
			.query(Long.class).optional().orElse(0L);
	}

	/** The growth already taken back by entries whose reference starts with {@code prefix}. */
	long takenBackFrom(String prefix) {
		return -jdbc.sql("select coalesce(sum(growth), 0) from marketing.growth_entry where reference like ? and growth < 0")
			.param(prefix.replace("%", "") + "%").query(Long.class).single();
	}
}
