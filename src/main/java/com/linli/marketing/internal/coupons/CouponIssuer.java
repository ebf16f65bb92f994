package com.linli.marketing.internal.coupons;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import com.linli.identity.AccountId;
import com.linli.marketing.CouponTemplate;
import com.linli.shared.BusinessRuleException;
import com.linli.shared.Text;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Gives coupons of a template, within its total and per-resident limit under any concurrency: a conditional
 * upsert of the resident's holding row ({@code issued < limit}), a conditional update of the template's
 * counter ({@code issued < total}), then the coupon. Runs in the caller's transaction; when a step is refused
 * it undoes the steps before it itself, so a caller that goes on (a grant another tool asked for) commits
 * nothing half-done. Remembers on this node which templates ran out, so that the losers of a burst of claims
 * hear "all gone" without a transaction.
 */
@Component
public class CouponIssuer {

	private final JdbcClient jdbc;

	private final Coupons coupons;

	private final Set<Long> gone = ConcurrentHashMap.newKeySet();

	CouponIssuer(JdbcClient jdbc, Coupons coupons) {
		this.jdbc = jdbc;
		this.coupons = coupons;
	}

	/** Has this node seen the template run out? (cleared when its total changes) */
	public boolean knownGone(long templateId) {
		return gone.contains(templateId);
	}

	public void totalChanged(long templateId) {
		gone.remove(templateId);
	}

	/** A coupon claimed in the coupon centre: its source numbers the resident's claims of the template. */
	public long claim(CouponTemplate t, AccountId resident, Instant at) {
		int nth = hold(t, resident);
		return issueHeld(t, resident, "claim:" + nth, at).orElseThrow(
				() -> new IllegalStateException("claim " + nth + " of template " + t.id() + " issued twice"));
	}

	/**
	 * A coupon for a source (a push, an event, another tool's grant): the one the resident already has for it,
	 * or a new one.
	 */
	public long issue(CouponTemplate t, AccountId resident, String source, Instant at) {
		Optional<Long> existing = coupons.bySource(resident, t.id(), source);
		if (existing.isPresent()) {
			return existing.get();
		}
		hold(t, resident);
		Optional<Long> id = issueHeld(t, resident, source, at);
		if (id.isEmpty()) {
			// the same source raced us and won: give back what this attempt counted
			release(t.id(), resident, 1);
			return coupons.bySource(resident, t.id(), source).orElseThrow();
		}
		return id.get();
	}

	/**
	 * One coupon for each resident (distinct), all or none: a 409 naming the field {@code field} when the
	 * template has fewer left than residents, or when some residents would go over the limit (their indexes in
	 * {@code residents} are in the exception's text, which the caller turns into phones).
	 */
	public List<Long> issueToAll(CouponTemplate t, List<AccountId> residents, String source, Instant at,
			List<String> names, String field) {
		int counted = jdbc.sql("""
				update marketing.coupon_template set issued = issued + ?
				 where id = ? and status = 'ACTIVE' and issued + ? <= total_quantity""")
			.params(residents.size(), t.id(), residents.size()).update();
		if (counted != 1) {
			var fresh = jdbc.sql("select total_quantity - issued from marketing.coupon_template where id = ?")
				.param(t.id()).query(Integer.class).single();
			throw new BusinessRuleException("coupons-gone", field,
					Text.of("marketing.coupons.problem.notEnoughLeft", fresh, residents.size()));
		}
		List<String> over = new ArrayList<>();
		for (int i = 0; i < residents.size(); i++) {
			if (tryHold(t, residents.get(i)).isEmpty()) {
				over.add(names.get(i));
			}
		}
		if (!over.isEmpty()) {
			// the caller's transaction rolls back: nothing of the push stays
			throw new BusinessRuleException("coupon-limit-reached", field, Text.of("marketing.coupons.problem.overLimitPhones",
					over.size(), String.join(", ", over.subList(0, Math.min(20, over.size())))));
		}
		List<Long> ids = new ArrayList<>();
		for (AccountId r : residents) {
			ids.add(coupons.insert(t.id(), r, source, at, t.validFromFor(at), t.validUntilFor(at)).orElseThrow());
		}
		return ids;
	}

	private int hold(CouponTemplate t, AccountId resident) {
		return tryHold(t, resident).orElseThrow(() -> new BusinessRuleException("coupon-limit-reached", "templateId",
				Text.of("marketing.coupons.problem.limitReached", t.perResidentLimit())));
	}

	/** One more of the template for the resident, within the limit: the resident's new count, or empty. */
	private Optional<Integer> tryHold(CouponTemplate t, AccountId resident) {
		return jdbc.sql("""
				insert into marketing.coupon_holding (template_id, resident_id, issued) values (?, ?, 1)
				on conflict (template_id, resident_id) do update set issued = coupon_holding.issued + 1
				 where coupon_holding.issued < ?
				returning issued""")
			.params(t.id(), resident.value(), t.perResidentLimit()).query(Integer.class).optional();
	}

	/** Counts the coupon on the template (last: the hot row is locked for the shortest time) and inserts it. */
	private Optional<Long> issueHeld(CouponTemplate t, AccountId resident, String source, Instant at) {
		Optional<Long> id = coupons.insert(t.id(), resident, source, at, t.validFromFor(at), t.validUntilFor(at));
		if (id.isEmpty()) {
			return id;
		}
		int counted = jdbc.sql("""
				update marketing.coupon_template set issued = issued + 1
				 where id = ? and status = 'ACTIVE' and issued < total_quantity""").param(t.id()).update();
		if (counted == 1) {
			return id;
		}
		jdbc.sql("delete from marketing.coupon where id = ?").param(id.get()).update();
		release(t.id(), resident, 1);
		coupons.evict(resident);
		boolean paused = jdbc.sql("select status from marketing.coupon_template where id = ?").param(t.id())
			.query(String.class).single().equals("PAUSED");
		if (paused) {
			throw new BusinessRuleException("coupon-template-paused", "templateId",
					Text.of("marketing.coupons.problem.paused", t.name()));
		}
		gone.add(t.id());
		throw new BusinessRuleException("coupons-gone", "templateId", Text.of("marketing.coupons.problem.gone", t.name()));
	}

	private void release(long templateId, AccountId resident, int count) {
		jdbc.sql("update marketing.coupon_holding set issued = issued - ? where template_id = ? and resident_id = ?")
			.params(count, templateId, resident.value()).update();
	}
}
