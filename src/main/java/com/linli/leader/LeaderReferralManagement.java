package com.linli.leader;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.util.List;

import com.linli.identity.Actor;
import com.linli.leader.internal.CommissionLedger;
import com.linli.leader.internal.Leaders;
import com.linli.leader.internal.incentives.IncentiveLedger;
import com.linli.leader.internal.incentives.Referrals;
import com.linli.network.RegionManagement;
import com.linli.shared.Money;
import com.linli.shared.NotFoundException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.event.EventListener;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Referral of leaders (邀请团长). Every leader has a code and a link to the public application page
 * ({@code /join?ref=CODE}); an application approved with a known code of another leader records a referral. The
 * referrer earns (see {@link ReferralRules}) a one-off reward, credited once (available at once) when the referred
 * leader's sales in their first days reach the threshold, and a referral commission (平推佣金) on each of the
 * referred leader's accruals within the period, given back in proportion when the accrual is reversed (written by
 * the ledger's events, in the accrual's transaction; it settles like the accrual).
 */
@Service
@Transactional(readOnly = true)
public class LeaderReferralManagement {

	private static final Logger log = LoggerFactory.getLogger(LeaderReferralManagement.class);

	private final Referrals referrals;

	private final IncentiveLedger ledger;

	private final CommissionLedger accounts;

	private final Leaders leaders;

	private final RegionManagement regions;

	private final ReferralRules rules;

	private final Clock clock;

	LeaderReferralManagement(Referrals referrals, IncentiveLedger ledger, CommissionLedger accounts, Leaders leaders,
			RegionManagement regions, ReferralRules rules, Clock clock) {
		this.referrals = referrals;
		this.ledger = ledger;
		this.accounts = accounts;
		this.leaders = leaders;
		this.regions = regions;
		this.rules = rules;
		this.clock = clock;
	}

	/** One leader referred: how far they are towards the reward, and what the referrer earned on them. */
	public record ReferredLeader(long referralId, LeaderId leaderId, String name, LeaderStatus status,
			Instant startedAt, Instant thresholdEndsAt, Money sales, Money threshold, boolean rewardPaid,
			Instant rewardPaidAt, Money reward, Instant commissionEndsAt, Money commission) {

		/** Sales so far as a percentage of the threshold (at most 100). */
		public int progress() {
			return threshold.isZero() ? 100 : (int) Math.min(100, sales.fen() * 100 / threshold.fen());
		}
	}

	/** A leader's invitation: their code, the path of their link, the rules and the leaders they referred. */
	public record Invite(LeaderId leaderId, String code, String link, ReferralRules rules, List<ReferredLeader> referred,
			Money rewardsEarned, Money commissionEarned) {
	}

	public ReferralRules rules() {
		return rules;
	}

	/** The signed-in leader's invitation. */
	@Transactional
	public Invite mine(Actor actor) {
		Leader leader = leaders.findByAccount(actor.requireAccount())
			.filter(l -> l.status() != LeaderStatus.CLOSED)
			.orElseThrow(() -> new AccessDeniedException("not a leader"));
		return invite(leader);
	}

	/** A leader's invitation, for the operators of their region (another region: 404). */
	@Transactional
	public Invite of(Actor actor, LeaderId id) {
		Leader leader = leaders.find(id).orElseThrow(() -> new NotFoundException("leader", id));
		if (!actor.worksIn(leader.regionId().value())) {
			throw new NotFoundException("leader", id);
		}
		return invite(leader);
	}

	/** The leader's referral code (made the first time). */
	@Transactional
	public String code(LeaderId leader) {
		return referrals.codeOf(leader);
	}

	private Invite invite(Leader leader) {
		String code = referrals.codeOf(leader.id());
		var referred = referrals.ofReferrer(leader.id()).stream().map(this::view).toList();
		Money rewards = referred.stream().filter(ReferredLeader::rewardPaid).map(ReferredLeader::reward)
			.reduce(Money.ZERO, Money::plus);
		Money commission = referred.stream().map(ReferredLeader::commission).reduce(Money.ZERO, Money::plus);
		return new Invite(leader.id(), code, "/join?ref=" + code, rules, referred, rewards, commission);
	}

	private ReferredLeader view(Referrals.Referral r) {
		Leader referred = leaders.find(r.referredId()).orElseThrow();
		Instant thresholdEnds = r.startedAt().plus(Duration.ofDays(rules.thresholdDays()));
		Money sales = Money.ofFen(ledger.sales(r.referredId(), r.startedAt(), thresholdEnds));
		return new ReferredLeader(r.id(), referred.id(), referred.name(), referred.status(), r.startedAt(), thresholdEnds,
				sales, rules.threshold(), r.rewardEntryId() != null, r.rewardPaidAt(), rules.reward(),
				r.startedAt().plus(Duration.ofDays(rules.commissionDays())),
				Money.ofFen(ledger.referralCommission(r.referrerId(), r.referredId())));
	}

	/** An application approved with a referral code: the referral is recorded (unknown code or their own: none). */
	@EventListener
	@Transactional
	public void on(LeaderApplicationApproved approved) {
		var referrer = referrals.leaderOfCode(approved.referralCode());
		referrals.codeOf(approved.leaderId());
		if (referrer.isEmpty() || referrer.get().equals(approved.leaderId())) {
			if (approved.referralCode() != null && !approved.referralCode().isBlank()) {
				log.info("Leader {} applied with referral code {}: no referral", approved.leaderId(),
						approved.referralCode());
			}
			return;
		}
		if (referrals.insert(referrer.get(), approved.leaderId(), approved.referralCode().strip().toUpperCase(),
				approved.regionId(), clock.instant())) {
			log.info("Leader {} was referred by leader {}", approved.leaderId(), referrer.get());
		}
	}

	/**
	 * An operator attributes a leader to the leader who referred them (the applicant came without the link): the
	 * referral starts on the referred leader's first day. Both of the operator's regions (else 404); oneself: 400
	 * {@code referrerId}; a leader referred already: 409 {@code referral-exists}.
	 */
	@Transactional
	public ReferredLeader attribute(Actor actor, LeaderId referrerId, LeaderId referredId) {
		Leader referred = leaders.find(referredId).orElseThrow(() -> new NotFoundException("leader", referredId));
		Leader referrer = leaders.find(referrerId).orElseThrow(() -> new NotFoundException("leader", referrerId));
		if (!actor.worksIn(referred.regionId().value())) {
			throw new NotFoundException("leader", referredId);
		}
		if (!actor.worksIn(referrer.regionId().value())) {
			throw new NotFoundException("leader", referrerId);
		}
		if (referrer.id().equals(referred.id())) {
			throw new com.linli.shared.InvalidInputException("referrerId", com.linli.shared.Text.of("leader.problem.incentivesSelf"));
		}
		Instant start = referred.since().atStartOfDay(regions.getRegion(referred.regionId()).zone()).toInstant();
		if (!referrals.insert(referrer.id(), referred.id(), referrals.codeOf(referrer.id()), referred.regionId(), start)) {
			throw new com.linli.shared.BusinessRuleException("referral-exists", "referredId",
					com.linli.shared.Text.of("leader.problem.incentivesReferred"));
		}
		return view(referrals.ofReferred(referred.id()).orElseThrow());
	}

	/** The referrals whose reward may still be due at {@code now} (threshold period begun in the last days). */
	public List<Long> rewardCandidates(Instant now) {
		return referrals.unpaid(now.minus(Duration.ofDays(rules.thresholdDays() + 1L))).stream()
			.map(Referrals.Referral::id).toList();
	}

	/**
	 * Pays a referral's reward if its referred leader's sales in the threshold period have reached the threshold
	 * and it was not paid yet; answers whether it paid. Locks the referrer's account, then the referral: a
	 * concurrent attempt waits and finds it paid (and the ledger's unique reference refuses a second entry).
	 */
	@Transactional
	public boolean payRewardIfDue(long referralId) {
		var found = referrals.find(referralId).orElse(null);
		if (found == null || found.rewardEntryId() != null) {
			return false;
		}
		accounts.lockAccount(found.referrerId());
		var referral = referrals.lock(referralId).orElseThrow();
		String reference = "referral:" + referral.id();
		if (referral.rewardEntryId() != null || ledger.rewardPaid(reference)) {
			return false;
		}
		Instant ends = referral.startedAt().plus(Duration.ofDays(rules.thresholdDays()));
		long sales = ledger.sales(referral.referredId(), referral.startedAt(), ends);
		if (sales < rules.threshold().fen() || rules.reward().isZero()) {
			return false;
		}
		Instant now = clock.instant();
		Leader referred = leaders.find(referral.referredId()).orElseThrow();
		Leader referrer = leaders.find(referral.referrerId()).orElseThrow();
		YearMonth month = YearMonth.from(now.atZone(regions.getRegion(referrer.regionId()).zone()));
		long entry = ledger.insertReward(referrer.id(), CommissionEntryKind.REFERRAL_REWARD, reference,
				label(referred.name()), rules.reward(), month, now);
		referrals.rewardPaid(referral.id(), entry, now);
		log.info("Referral reward {} paid to leader {} for leader {}", rules.reward(), referrer.id(), referred.id());
		return true;
	}

	/** The entry's label: the referred leader's name (the page names the kind). */
	private static String label(String name) {
		return name;
	}
}
