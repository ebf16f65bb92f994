package com.linli.marketing.internal.points;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;

import com.linli.identity.AccountId;
import com.linli.marketing.PointsEntry;
import com.linli.marketing.PointsKind;
import com.linli.marketing.internal.PointsGrants;
import com.linli.shared.BusinessRuleException;
import com.linli.shared.Text;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The points ledger: an entry per movement, each with a unique reference (so a retry writes nothing
 * twice), and a balance row changed in the same transaction by conditional statements only. A spend is
 * {@code balance = balance − n where balance >= n}: when two spends race for the last points, one
 * updates no row and throws, and its transaction (the entry with it) is undone. The balance's check
 * constraint is the last guard.
 */
@Component
public class PointsLedger implements PointsGrants {

	private final JdbcClient jdbc;

	PointsLedger(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	@Transactional
	public void award(AccountId resident, long points, String reason, String reference, Instant at) {
		add(resident, PointsKind.EARNED, points, Text.fromStored(reason), reference, at);
	}

	@Override
	@Transactional
	public void spend(AccountId resident, long points, String reason, String reference, Instant at) {
		spend(resident, points, Text.fromStored(reason), reference, at);
	}

	@Override
	public long balance(AccountId resident) {
		return jdbc.sql("select balance from marketing.points_account where resident_id = ?")
			.param(resident.value()).query(Long.class).optional().orElse(0L);
	}

	/** Adds points (EARNED or GIVEN_BACK); answers false when the reference was already applied. */
	@Transactional
	public boolean add(AccountId resident, PointsKind kind, long points, Text reason, String reference, Instant at) {
		if (!kind.adds()) {
			throw new IllegalArgumentException(kind + " does not add points");
		}
		positive(points);
		if (!entry(resident, kind, points, reason, reference, at)) {
			return false;
		}
		jdbc.sql("""
				insert into marketing.points_account (resident_id, balance) values (?, ?)
				on conflict (resident_id) do update set balance = points_account.balance + excluded.balance""")
			.params(resident.value(), points).update();
		return true;
	}

	/**
	 * Takes exactly {@code points} (SPENT), or throws a 409 naming field "points" and changes nothing when
	 * the balance is lower. Answers false when the reference was already applied.
	 */
	@Transactional
	public boolean spend(AccountId resident, long points, Text reason, String reference, Instant at) {
		positive(points);
		if (!entry(resident, PointsKind.SPENT, points, reason, reference, at)) {
			return false;
		}
		int updated = jdbc.sql("""
				update marketing.points_account set balance = balance - ?
				where resident_id = ? and balance >= ?""")
			.params(points, resident.value(), points).update();
		if (updated == 0) {
			// the entry goes with the transaction this exception rolls back
			throw new BusinessRuleException("points-above-balance", "points",
					Text.of("marketing.points.problem.aboveBalance", points, balance(resident)));
		}
		return true;
	}

	/** The points of the entry made under {@code reference}, if any. */
	public java.util.Optional<Long> pointsOf(String reference) {
		return jdbc.sql("select points from marketing.points_entry where reference = ?").param(reference)
			.query(Long.class).optional();
	}

	/**
	 * Takes up to {@code points} (REVERSED or EXPIRED): no more than the balance, which never goes below
	 * zero (earned points already spent cannot be taken back). Answers what was taken; for a reference
	 * already applied, what was taken then.
	 */
	@Transactional
	public long takeUpTo(AccountId resident, PointsKind kind, long points, Text reason, String reference, Instant at) {
		if (kind != PointsKind.REVERSED && kind != PointsKind.EXPIRED) {
			throw new IllegalArgumentException(kind + " is not taken up to the balance");
		}
		var earlier = jdbc.sql("select points from marketing.points_entry where reference = ?").param(reference)
			.query(Long.class).optional();
		if (earlier.isPresent()) {
			return earlier.get();
		}
		long balance = jdbc.sql("select balance from marketing.points_account where resident_id = ? for update")
			.param(resident.value()).query(Long.class).optional().orElse(0L);
		long take = Math.min(balance, points);
		if (take <= 0 || !entry(resident, kind, take, reason, reference, at)) {
			return 0;
		}
		jdbc.sql("update marketing.points_account set balance = balance - ? where resident_id = ? and balance >= ?")
			.params(take, resident.value(), take).update();
		return take;
	}

	/** The resident's latest entries, newest first. */
	public List<PointsEntry> entries(AccountId resident, int limit) {
		return jdbc.sql("""
				select id, kind, points, reason, reference, at from marketing.points_entry
				where resident_id = ? order by at desc, id desc limit ?""")
			.params(resident.value(), limit)
			.query((rs, n) -> new PointsEntry(rs.getLong("id"), PointsKind.valueOf(rs.getString("kind")),
					rs.getLong("points"), Text.fromStored(rs.getString("reason")), rs.getString("reference"),
					rs.getTimestamp("at").toInstant()))
			.list();
	}

	private boolean entry(AccountId resident, PointsKind kind, long points, Text reason, String reference,
			Instant at) {
		return jdbc.sql("""
				insert into marketing.points_entry (resident_id, kind, points, reason, reference, at)
				values (?, ?, ?, ?, ?, ?) on conflict (reference) do nothing""")
			.params(resident.value(), kind.name(), points, reason.stored(), reference, Timestamp.from(at))
			.update() == 1;
	}

	private static void positive(long points) {
		if (points <= 0) {
			throw new IllegalArgumentException("points must be positive: " + points);
		}
	}
}
