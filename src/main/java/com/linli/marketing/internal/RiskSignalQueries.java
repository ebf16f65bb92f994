package com.linli.marketing.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.List;

import com.linli.marketing.MarketingRiskSignals.CouponTrace;
import com.linli.marketing.MarketingRiskSignals.ReferralTrace;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Referral bindings and coupons of given accounts, for {@code MarketingRiskSignals}. */
@Component
public class RiskSignalQueries {

	private final JdbcClient jdbc;

	RiskSignalQueries(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public List<ReferralTrace> referralsOf(Collection<Long> accounts) {
		if (accounts.isEmpty()) {
			return List.of();
		}
		Long[] ids = accounts.toArray(Long[]::new);
		return jdbc.sql("""
				select id, inviter_id, invitee_id, device_id, status, refusal_reason, bound_at from marketing.referral
				 where invitee_id = any(?) or inviter_id = any(?) order by id""")
			.params(ids, ids)
			.query((rs, n) -> new ReferralTrace(rs.getLong("id"), rs.getLong("inviter_id"), rs.getLong("invitee_id"),
					rs.getString("device_id"), rs.getString("status"), rs.getString("refusal_reason"),
					rs.getTimestamp("bound_at").toInstant()))
			.list();
	}

	public List<CouponTrace> couponsOf(Collection<Long> accounts, Instant since) {
		if (accounts.isEmpty()) {
			return List.of();
		}
		return jdbc.sql("""
				select id, resident_id, template_id, source, status, issued_at from marketing.coupon
				 where resident_id = any(?) and issued_at >= ? order by id""")
			.params(accounts.toArray(Long[]::new), Timestamp.from(since))
			.query((rs, n) -> new CouponTrace(rs.getLong("id"), rs.getLong("resident_id"), rs.getLong("template_id"),
					rs.getString("source"), rs.getString("status"), rs.getTimestamp("issued_at").toInstant()))
			.list();
	}
}
