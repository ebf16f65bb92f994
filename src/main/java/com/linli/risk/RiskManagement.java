package com.linli.risk;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import com.linli.identity.Account;
import com.linli.identity.AccountId;
import com.linli.identity.AccountManagement;
import com.linli.identity.Actor;
import com.linli.identity.Role;
import com.linli.marketing.ReferralReleases;
import com.linli.network.RegionId;
import com.linli.risk.internal.RiskCases;
import com.linli.risk.internal.RiskEvaluation;
import com.linli.shared.AdminChange;
import com.linli.shared.NotFoundException;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Risk cases for operators of the region (and the admin): run the rules now, list and read cases with their
 * evidence, clear (the holds are released and postponed referral rewards decided), confirm (the holds stay) and
 * block a confirmed case's accounts through identity.
 */
@Service
public class RiskManagement {

	private final RiskCases cases;

	private final RiskEvaluation evaluation;

	private final AccountManagement accounts;

	private final ReferralReleases referrals;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	RiskManagement(RiskCases cases, RiskEvaluation evaluation, AccountManagement accounts, ReferralReleases referrals,
			ApplicationEventPublisher events, Clock clock) {
		this.cases = cases;
		this.evaluation = evaluation;
		this.accounts = accounts;
		this.referrals = referrals;
		this.events = events;
		this.clock = clock;
	}

	/** A case with its flags and the accounts it holds. */
	public record CaseDetail(RiskCase riskCase, List<RiskCases.StoredFlag> flags, List<HeldAccount> accounts) {
	}

	/** An account a case holds, with its phone and whether it may still sign in. */
	public record HeldAccount(long id, String phone, String displayName, Set<Role> roles, boolean enabled) {
	}

	/** A page of cases. */
	public record CaseList(List<RiskCase> cases, long total) {
	}

	/** Runs the rules over the region now (the hourly job does it for every region). */
	public EvaluationOutcome evaluate(Actor actor, long regionId) {
		actor.checkManagesRegion(regionId);
		return evaluation.run(new RegionId(regionId));
	}

	/** Cases of the actor's regions (one region asked for: 403 unless theirs), open first, highest score first. */
	@Transactional(readOnly = true)
	public CaseList cases(Actor actor, Long regionId, CaseStatus status, int page, int size) {
		var scope = actor.regionFilter(regionId).idsOrNull();
		int limit = Math.max(1, Math.min(size, 200));
		return new CaseList(cases.list(scope, status, limit, Math.max(page, 0) * limit), cases.count(scope, status));
	}

	/** One case with its evidence: 404 when there is none, 403 outside the actor's regions. */
	@Transactional(readOnly = true)
	public CaseDetail get(Actor actor, long caseId) {
		var found = load(actor, caseId);
		return new CaseDetail(found, cases.flags(caseId), held(cases.accounts(caseId)));
	}

	/** Clears the case: its holds are released (another open case may still hold an account). */
	@Transactional
	public RiskCase clear(Actor actor, long caseId, String note) {
		var before = load(actor, caseId);
		var saved = cases.save(before, before.clear(actor.accountIdOrNull(), note, clock.instant()));
		var released = cases.accounts(caseId).stream().filter(a -> !cases.held(List.of(a)).contains(a))
			.map(AccountId::new).toList();
		int decided = referrals.release(released, new RegionId(saved.regionId()));
		events.publishEvent(new AdminChange(actor.actedBy(), "risk.clear", "risk-case:" + caseId,
				"released=" + released.size() + " referralsDecided=" + decided));
		return saved;
	}

	/** Confirms the case: its holds stay (payouts and coupons forfeited while it stands). */
	@Transactional
	public RiskCase confirm(Actor actor, long caseId, String note) {
		var before = load(actor, caseId);
		var saved = cases.save(before, before.confirm(actor.accountIdOrNull(), note, clock.instant()));
		events.publishEvent(new AdminChange(actor.actedBy(), "risk.confirm", "risk-case:" + caseId, saved.decisionNote()));
		return saved;
	}

	/**
	 * Blocks the accounts of a confirmed case through identity (they can no longer sign in; their sessions end).
	 * Staff accounts are never blocked this way; they are answered as skipped.
	 */
	@Transactional
	public BlockOutcome block(Actor actor, long caseId) {
		var before = load(actor, caseId);
		var saved = cases.save(before, before.block(clock.instant()));
		List<Long> blocked = new ArrayList<>();
		List<Long> skipped = new ArrayList<>();
		for (Account a : accounts.getAll(cases.accounts(caseId).stream().map(AccountId::new).toList())) {
			if (a.roles().contains(Role.PLATFORM_ADMIN) || a.roles().contains(Role.OPERATOR)) {
				skipped.add(a.id().value());
				continue;
			}
			if (a.enabled()) {
				accounts.update(a.id(), a.displayName(), a.roles(), a.regionIds(), false, actor);
			}
			blocked.add(a.id().value());
		}
		events.publishEvent(new AdminChange(actor.actedBy(), "risk.block", "risk-case:" + caseId, "blocked=" + blocked));
		return new BlockOutcome(saved, blocked, skipped);
	}

	/** What a block did. */
	public record BlockOutcome(RiskCase riskCase, List<Long> blocked, List<Long> skipped) {
	}

	private RiskCase load(Actor actor, long caseId) {
		var found = cases.find(caseId).orElseThrow(() -> new NotFoundException("risk case", caseId));
		actor.checkRegion(found.regionId());
		return found;
	}

	private List<HeldAccount> held(List<Long> ids) {
		return accounts.getAll(ids.stream().map(AccountId::new).toList()).stream()
			.map(a -> new HeldAccount(a.id().value(), a.phone(), a.displayName(), a.roles(), a.enabled())).toList();
	}
}
