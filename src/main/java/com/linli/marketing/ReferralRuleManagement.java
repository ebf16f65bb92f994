package com.linli.marketing;

import java.time.Clock;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import com.linli.identity.Account;
import com.linli.identity.AccountId;
import com.linli.identity.AccountManagement;
import com.linli.identity.Actor;
import com.linli.marketing.internal.referrals.ReferralRecords;
import com.linli.network.RegionId;
import com.linli.network.RegionManagement;
import com.linli.shared.AdminChange;
import com.linli.shared.InvalidInputException;
import com.linli.shared.NotFoundException;
import com.linli.shared.Text;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Referrals for operators: the reward rule of a region, and the latest rewards and refused rewards
 * with their reasons, in the operator's regions.
 */
@Service
public class ReferralRuleManagement {

	public static final int MAX_POINTS = 100_000;

	private final ReferralRecords records;

	private final RegionManagement regions;

	private final AccountManagement accounts;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	ReferralRuleManagement(ReferralRecords records, RegionManagement regions, AccountManagement accounts,
			ApplicationEventPublisher events, Clock clock) {
		this.records = records;
		this.regions = regions;
		this.accounts = accounts;
		this.events = events;
		this.clock = clock;
	}

	public ReferralRule rule(Actor actor, RegionId region) {
		checkRegion(actor, region);
		return records.rule(region).orElse(ReferralRule.none());
	}

	/** Saves the region's rule: each side one reward at most, points 1 to 100,000, the pattern limit 1 to 1,000. */
	@Transactional
	public ReferralRule save(Actor actor, RegionId region, ReferralRule rule) {
		checkRegion(actor, region);
		if (rule.inviterCouponTemplate() != null && rule.inviterPoints() != null) {
			throw new InvalidInputException("inviterPoints", Text.of("marketing.referral.problem.oneReward"));
		}
		if (rule.inviteeCouponTemplate() != null && rule.inviteePoints() != null) {
			throw new InvalidInputException("inviteePoints", Text.of("marketing.referral.problem.oneReward"));
		}
		checkPoints("inviterPoints", rule.inviterPoints());
		checkPoints("inviteePoints", rule.inviteePoints());
		checkTemplate("inviterCouponTemplate", rule.inviterCouponTemplate());
		checkTemplate("inviteeCouponTemplate", rule.inviteeCouponTemplate());
		if (rule.maxPerPointPerDay() < 1 || rule.maxPerPointPerDay() > 1000) {
			throw new InvalidInputException("maxPerPointPerDay", Text.of("marketing.referral.problem.maxPerPoint"));
		}
		records.saveRule(region, rule, actor.accountIdOrNull(), clock.instant());
		events.publishEvent(new AdminChange(actor.actedBy(), "referral.rule", "region:" + region.value(), rule.toString()));
		return rule;
	}

	/** The latest refused rewards in the operator's regions, newest first. */
	public List<ReferralDecision> refusals(Actor actor, int limit) {
		return named(records.refusals(actor.regions().idsOrNull(), Math.min(Math.max(limit, 1), 500)));
	}

	/** The latest rewards given in the operator's regions, newest first. */
	public List<ReferralDecision> rewards(Actor actor, int limit) {
		return named(records.rewards(actor.regions().idsOrNull(), Math.min(Math.max(limit, 1), 500)));
	}

	private List<ReferralDecision> named(List<ReferralRecords.Decision> rows) {
		Set<AccountId> ids = new HashSet<>();
		rows.forEach(r -> {
			ids.add(new AccountId(r.inviterId()));
			ids.add(new AccountId(r.inviteeId()));
		});
		Map<AccountId, Account> names = ids.isEmpty() ? Map.of()
				: accounts.getAll(ids).stream().collect(Collectors.toMap(Account::id, Function.identity()));
		return rows.stream().map(r -> new ReferralDecision(r.referralId(), new AccountId(r.inviterId()),
				name(names, r.inviterId()), new AccountId(r.inviteeId()), name(names, r.inviteeId()), r.orderId(), r.side(),
				r.kind() == null ? null : ReferralManagement.describe(r.kind(), r.couponId(), r.points()),
				r.reason() == null ? null : ReferralRefusalReason.valueOf(r.reason()), r.detail(), r.at())).toList();
	}

	private static String name(Map<AccountId, Account> names, long id) {
		Account a = names.get(new AccountId(id));
		return a == null ? String.valueOf(id) : a.displayName();
	}

	private void checkRegion(Actor actor, RegionId region) {
		if (region == null) {
			throw new InvalidInputException("regionId", Text.of("marketing.problem.regionRequired"));
		}
		try {
			regions.getRegion(region);
		}
		catch (NotFoundException e) {
			throw new InvalidInputException("regionId", Text.of("marketing.problem.unknownRegion", region));
		}
		actor.checkRegion(region.value());
	}

	private static void checkPoints(String field, Long points) {
		if (points != null && (points < 1 || points > MAX_POINTS)) {
			throw new InvalidInputException(field, Text.of("marketing.referral.problem.points", MAX_POINTS));
		}
	}

	private static void checkTemplate(String field, Long template) {
		if (template != null && template < 1) {
			throw new InvalidInputException(field, Text.of("marketing.referral.problem.template"));
		}
	}
}
