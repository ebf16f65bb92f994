package com.linli.marketing.internal.coupons;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import com.linli.marketing.CouponTemplate;
import com.linli.marketing.NewCouponTemplate;
import com.linli.shared.Money;
import com.linli.shared.ReadCache;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Coupon templates, with a cache of their definitions for the price engine (evicted on every change of a
 * template on this node; another node's copy is at most {@link #TTL} old). The issued counter is only ever
 * changed by the conditional updates of {@link CouponIssuer}; a cached template's {@code issued} may lag.
 */
@Repository
public class CouponTemplates {

	static final Duration TTL = Duration.ofSeconds(30);

	private static final String COLUMNS = """
			id, name, kind, amount_fen, percent_off, cap_fen, threshold_fen, scope, scope_ids, region_ids, valid_days,
			valid_from, valid_until, per_resident_limit, total_quantity, issued, claimable, on_registration, on_first_order,
			status, created_at""";

	private final JdbcClient jdbc;

	private final ReadCache<Long, CouponTemplate> cache = new ReadCache<>("marketing.coupon-template", TTL, 10_000);

	CouponTemplates(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public long insert(NewCouponTemplate t, Instant at, Long createdBy) {
		return jdbc.sql("""
				insert into marketing.coupon_template (name, kind, amount_fen, percent_off, cap_fen, threshold_fen, scope,
				    scope_ids, region_ids, valid_days, valid_from, valid_until, per_resident_limit, total_quantity, claimable,
				    on_registration, on_first_order, created_at, created_by)
				values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) returning id""")
			.params(t.name(), t.kind().name(), fen(t.amount()), t.percentOff(), fen(t.cap()), t.threshold().fen(),
					t.scope().name(), t.scopeIds().toArray(Long[]::new), t.regionIds().toArray(Long[]::new), t.validDays(),
					ts(t.validFrom()), ts(t.validUntil()), t.perResidentLimit(), t.totalQuantity(), t.claimable(),
					t.onRegistration(), t.onFirstOrder(), Timestamp.from(at), createdBy)
			.query(Long.class).single();
	}

	/** A change of name, limit or total; the total never below what was issued (the check says so too). */
	public boolean revise(long id, String name, int perResidentLimit, int totalQuantity, Instant at) {
		int updated = jdbc.sql("""
				update marketing.coupon_template set name = ?, per_resident_limit = ?, total_quantity = ?, updated_at = ?
				 where id = ? and issued <= ?""")
			.params(name, perResidentLimit, totalQuantity, Timestamp.from(at), id, totalQuantity).update();
		cache.evict(id);
		return updated == 1;
	}

	/** ACTIVE ⇄ PAUSED; false when it already was. */
	public boolean changeStatus(long id, CouponTemplate.Status from, CouponTemplate.Status to, Instant at) {
		int updated = jdbc.sql("update marketing.coupon_template set status = ?, updated_at = ? where id = ? and status = ?")
			.params(to.name(), Timestamp.from(at), id, from.name()).update();
		cache.evict(id);
		return updated == 1;
	}

	/** Deletes a template nobody was given. */
	public boolean deleteUnissued(long id) {
		int deleted = jdbc.sql("delete from marketing.coupon_template where id = ? and issued = 0")
			.param(id).update();
		cache.evict(id);
		return deleted == 1;
	}

	/** Fresh from the database (the console, issuance). */
	public Optional<CouponTemplate> find(long id) {
		return jdbc.sql("select " + COLUMNS + " from marketing.coupon_template where id = ?").param(id)
			.query(CouponTemplates::map).optional();
	}

	/** From the cache (the price engine, the coupon centre). */
	public CouponTemplate cached(long id) {
		return cache.get(id, k -> find(k).orElse(null));
	}

	public Map<Long, CouponTemplate> cached(Collection<Long> ids) {
		if (ids.isEmpty()) {
			return Map.of();
		}
		return cache.getAll(ids, missing -> jdbc.sql("select " + COLUMNS + " from marketing.coupon_template where id = any(?)")
			.param(missing.toArray(Long[]::new)).query(CouponTemplates::map).list().stream()
			.collect(Collectors.toMap(CouponTemplate::id, Function.identity())));
	}

	/** Active templates a resident of the region may claim in the coupon centre now. */
	public List<CouponTemplate> claimable(long regionId, Instant now) {
		return jdbc.sql("select " + COLUMNS + """
				  from marketing.coupon_template
				 where status = 'ACTIVE' and claimable and ? = any(region_ids) and (valid_until is null or valid_until > ?)
				 order by id desc limit 100""")
			.params(regionId, Timestamp.from(now)).query(CouponTemplates::map).list();
	}

	/** Active templates given automatically on an event. */
	public List<CouponTemplate> automatic(boolean onRegistration, Instant now) {
		return jdbc.sql("select " + COLUMNS + " from marketing.coupon_template where status = 'ACTIVE' and "
				+ (onRegistration ? "on_registration" : "on_first_order")
				+ " and issued < total_quantity and (valid_until is null or valid_until > ?) order by id")
			.param(Timestamp.from(now)).query(CouponTemplates::map).list();
	}

	/** The templates of some regions (null: all), newest first, with how many of each were used. */
	public List<TemplateRow> list(Set<Long> regionIds, int limit) {
		return jdbc.sql("select " + COLUMNS + """
				     , (select count(*) from marketing.coupon c where c.template_id = t.id and c.status = 'USED') as used
				  from marketing.coupon_template t
				 where (?::bigint[] is null or t.region_ids && ?::bigint[])
				 order by t.id desc limit ?""")
			.params(ids(regionIds), ids(regionIds), limit)
			.query((rs, n) -> new TemplateRow(map(rs, n), rs.getLong("used"))).list();
	}

	/** How many coupons of each of the templates the resident was given. */
	public Map<Long, Integer> heldBy(long resident, Collection<Long> templateIds) {
		return jdbc.sql("select template_id, issued from marketing.coupon_holding where resident_id = ? and template_id = any(?)")
			.params(resident, templateIds.toArray(Long[]::new))
			.query((rs, n) -> Map.entry(rs.getLong(1), rs.getInt(2))).list().stream()
			.collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
	}

	/** Records an operator's push of a template to some residents; its id names the coupons' source. */
	public long insertPush(long templateId, int residents, Instant at, Long pushedBy) {
		return jdbc.sql("insert into marketing.coupon_push (template_id, residents, pushed_at, pushed_by) values (?, ?, ?, ?) returning id")
			.params(templateId, residents, Timestamp.from(at), pushedBy).query(Long.class).single();
	}

	/** A template and how many of its coupons are on orders now. */
	public record TemplateRow(CouponTemplate template, long used) {
	}

	public void evict(long id) {
		cache.evict(id);
	}

	private static Long[] ids(Set<Long> ids) {
		return ids == null ? null : ids.toArray(Long[]::new);
	}

	static CouponTemplate map(ResultSet rs, int n) throws SQLException {
		return new CouponTemplate(rs.getLong("id"), rs.getString("name"), CouponTemplate.Kind.valueOf(rs.getString("kind")),
				money(rs, "amount_fen"), (Integer) rs.getObject("percent_off"), money(rs, "cap_fen"),
				Money.ofFen(rs.getLong("threshold_fen")), CouponTemplate.Scope.valueOf(rs.getString("scope")),
				longs(rs.getArray("scope_ids")), longs(rs.getArray("region_ids")), (Integer) rs.getObject("valid_days"),
				instant(rs, "valid_from"), instant(rs, "valid_until"), rs.getInt("per_resident_limit"),
				rs.getInt("total_quantity"), rs.getInt("issued"), rs.getBoolean("claimable"),
				rs.getBoolean("on_registration"), rs.getBoolean("on_first_order"),
				CouponTemplate.Status.valueOf(rs.getString("status")), instant(rs, "created_at"));
	}

	private static Set<Long> longs(Array array) throws SQLException {
		return array == null ? Set.of()
				: Arrays.stream((Object[]) array.getArray()).map(o -> ((Number) o).longValue()).collect(Collectors.toSet());
	}

	private static Money money(ResultSet rs, String column) throws SQLException {
		long fen = rs.getLong(column);
		return rs.wasNull() ? null : Money.ofFen(fen);
	}

	static Instant instant(ResultSet rs, String column) throws SQLException {
		Timestamp t = rs.getTimestamp(column);
		return t == null ? null : t.toInstant();
	}

	private static Long fen(Money money) {
		return money == null ? null : money.fen();
	}

	static Timestamp ts(Instant instant) {
		return instant == null ? null : Timestamp.from(instant);
	}
}
