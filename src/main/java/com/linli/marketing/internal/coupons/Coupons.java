package com.linli.marketing.internal.coupons;

import static com.linli.marketing.internal.coupons.CouponTemplates.instant;
import static com.linli.marketing.internal.coupons.CouponTemplates.ts;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import com.linli.identity.AccountId;
import com.linli.marketing.CouponExpiringSoon;
import com.linli.marketing.CouponStatus;
import com.linli.shared.BusinessRuleException;
import com.linli.shared.ReadCache;
import com.linli.shared.Text;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Residents' coupons. {@link #save} stores a move of the {@link Coupon} aggregate with a compare-and-set on its
 * version; the set-based moves (expiry) take their from-statuses from {@link CouponStatus}. Keeps, per resident,
 * the list of usable coupons the price engine asks for on every quote (one indexed query, then cached; a
 * resident with none is cached as such), evicted on every change of that resident's coupons on this node.
 */
@Repository
public class Coupons {

	private static final String COLUMNS = """
			id, template_id, resident_id, source, status, issued_at, valid_from, valid_until, order_id, used_at,
			returned_at, expired_at, version""";

	private final JdbcClient jdbc;

	private final ReadCache<AccountId, List<Coupon>> usable = new ReadCache<>("marketing.usable-coupon", Duration.ofSeconds(10), 200_000);

	Coupons(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public Optional<Coupon> find(long id) {
		return jdbc.sql("select " + COLUMNS + " from marketing.coupon where id = ?").param(id).query(Coupons::map)
			.optional();
	}

	/** The resident's coupon of that id; empty for another resident's. */
	public Optional<Coupon> find(long id, AccountId resident) {
		return find(id).filter(c -> c.resident().equals(resident));
	}

	/** The coupons the resident holds and may use (ISSUED or RETURNED, validity not ended), cached briefly. */
	public List<Coupon> usable(AccountId resident, Instant now) {
		return usable.get(resident, r -> jdbc.sql("select " + COLUMNS + """
				  from marketing.coupon
				 where resident_id = ? and status in ('ISSUED', 'RETURNED') and valid_until > ?
				 order by valid_until, id""").params(r.value(), Timestamp.from(now)).query(Coupons::map).list())
			.stream().filter(c -> c.usableAt(now)).toList();
	}

	/** All of a resident's coupons, newest first (their "my coupons"). */
	public List<Coupon> of(AccountId resident, int limit) {
		return jdbc.sql("select " + COLUMNS + " from marketing.coupon where resident_id = ? order by issued_at desc, id desc limit ?")
			.params(resident.value(), limit).query(Coupons::map).list();
	}

	/** The coupon an order uses now (status USED), if any. */
	public Optional<Coupon> usedBy(long orderId) {
		return jdbc.sql("select " + COLUMNS + " from marketing.coupon where order_id = ? and status = 'USED'")
			.param(orderId).query(Coupons::map).optional();
	}

	/** The coupon given to the resident of a template for a source, if one was. */
	public Optional<Long> bySource(AccountId resident, long templateId, String source) {
		return jdbc.sql("select id from marketing.coupon where resident_id = ? and template_id = ? and source = ?")
			.params(resident.value(), templateId, source).query(Long.class).optional();
	}

	/** Inserts an issued coupon unless the resident already has one of that template and source (then empty). */
	Optional<Long> insert(long templateId, AccountId resident, String source, Instant at, Instant validFrom,
			Instant validUntil) {
		Optional<Long> id = jdbc.sql("""
				insert into marketing.coupon (template_id, resident_id, source, issued_at, valid_from, valid_until)
				values (?, ?, ?, ?, ?, ?) on conflict (resident_id, template_id, source) do nothing returning id""")
			.params(templateId, resident.value(), source, Timestamp.from(at), Timestamp.from(validFrom),
					Timestamp.from(validUntil))
			.query(Long.class).optional();
		usable.evict(resident);
		return id;
	}

	/** Stores a move; false when the coupon changed since it was read (the caller says what that means). */
	public boolean compareAndSet(Coupon c) {
		int updated = jdbc.sql("""
				update marketing.coupon
				   set status = ?, order_id = ?, used_at = ?, returned_at = ?, expired_at = ?, version = version + 1
				 where id = ? and version = ?""")
			.params(c.status().name(), c.orderId(), ts(c.usedAt()), ts(c.returnedAt()), ts(c.expiredAt()), c.id(),
					c.version())
			.update();
		usable.evict(c.resident());
		return updated == 1;
	}

	/** Stores a move with a compare-and-set; a 409 when someone else moved the coupon meanwhile. */
	public void save(Coupon c) {
		if (!compareAndSet(c)) {
			throw new BusinessRuleException("changed-concurrently", "couponId",
					Text.of("marketing.coupons.problem.changedConcurrently", c.id()));
		}
	}

	/** Expires every usable coupon whose validity ended by {@code now}; answers how many. */
	int expireDue(Instant now) {
		List<Long> residents = jdbc.sql("""
				update marketing.coupon set status = 'EXPIRED', expired_at = ?, version = version + 1
				 where status = any(?) and valid_until <= ? returning resident_id""")
			.params(Timestamp.from(now), CouponStatus.expiredByTime(), Timestamp.from(now)).query(Long.class).list();
		residents.stream().distinct().forEach(r -> usable.evict(new AccountId(r)));
		return residents.size();
	}

	/** Marks usable coupons ending within {@code ahead} as reminded and answers them (each once). */
	List<CouponExpiringSoon> remindDue(Instant now, Duration ahead) {
		return jdbc.sql("""
				update marketing.coupon c set reminded_at = ?
				  from marketing.coupon_template t
				 where t.id = c.template_id and c.status = any(?) and c.reminded_at is null
				   and c.valid_until > ? and c.valid_until <= ?
				returning c.id, c.resident_id, t.name, c.valid_until""")
			.params(Timestamp.from(now), CouponStatus.expiredByTime(), Timestamp.from(now), Timestamp.from(now.plus(ahead)))
			.query((rs, n) -> new CouponExpiringSoon(rs.getLong(1), new AccountId(rs.getLong(2)), rs.getString(3),
					rs.getTimestamp(4).toInstant()))
			.list();
	}

	void evict(AccountId resident) {
		usable.evict(resident);
	}

	static Coupon map(ResultSet rs, int n) throws SQLException {
		long order = rs.getLong("order_id");
		Long orderId = rs.wasNull() ? null : order;
		return new Coupon(rs.getLong("id"), rs.getLong("template_id"), new AccountId(rs.getLong("resident_id")),
				rs.getString("source"), CouponStatus.valueOf(rs.getString("status")), instant(rs, "issued_at"),
				instant(rs, "valid_from"), instant(rs, "valid_until"), orderId, instant(rs, "used_at"),
				instant(rs, "returned_at"), instant(rs, "expired_at"), rs.getInt("version"));
	}
}
