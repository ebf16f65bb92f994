package com.linli.marketing;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import com.linli.identity.Account;
import com.linli.identity.AccountId;
import com.linli.identity.AccountManagement;
import com.linli.identity.Actor;
import com.linli.marketing.internal.referrals.ReferralRecords;
import com.linli.shared.BusinessRuleException;
import com.linli.shared.InvalidInputException;
import com.linli.shared.Text;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Referrals (老带新) for residents: each resident's invite code, binding a new resident to the inviter
 * whose code they followed, and the invite page's list of friends. The rewards are decided on the
 * invitee's first paid order (see {@code OrderPromotions}); bad input (an unknown code, one's own code,
 * a second binding, a resident who already paid an order) is refused and changes nothing.
 */
@Service
public class ReferralManagement {

	/** Longest device id a client may send. */
	public static final int MAX_DEVICE_ID = 64;

	static final int FRIENDS_SHOWN = 100;

	private final ReferralRecords records;

	private final AccountManagement accounts;

	private final Clock clock;

	ReferralManagement(ReferralRecords records, AccountManagement accounts, Clock clock) {
		this.records = records;
		this.accounts = accounts;
		this.clock = clock;
	}

	/** The resident's invite code (made on first use). */
	@Transactional
	public String codeOf(Actor actor) {
		return records.codeOf(actor.requireAccount(), clock.instant());
	}

	/** The owner of a code, if any (the invite landing page shows who invites). */
	public java.util.Optional<Account> inviterOf(String code) {
		return records.ownerOf(normalise(code)).map(accounts::get);
	}

	/**
	 * Binds the signed-in resident to the owner of {@code code}. The device id comes from the client (the
	 * page keeps one in localStorage; the mini-program sends its own) and counts for the one-reward-per-device
	 * rule.
	 */
	@Transactional
	public void bind(Actor actor, String code, String deviceId) {
		AccountId invitee = actor.requireAccount();
		if (code == null || code.isBlank()) {
			throw new InvalidInputException("code", Text.of("marketing.referral.problem.codeRequired"));
		}
		if (deviceId == null || deviceId.isBlank()) {
			throw new InvalidInputException("deviceId", Text.of("marketing.referral.problem.deviceRequired"));
		}
		if (deviceId.length() > MAX_DEVICE_ID) {
			throw new InvalidInputException("deviceId", Text.of("marketing.referral.problem.deviceTooLong", MAX_DEVICE_ID));
		}
		String normalised = normalise(code);
		AccountId inviter = records.ownerOf(normalised)
			.orElseThrow(() -> new InvalidInputException("code", Text.of("marketing.referral.problem.unknownCode", code.trim())));
		Account inviteeAccount = accounts.get(invitee);
		if (inviter.equals(invitee) || accounts.get(inviter).phone().equals(inviteeAccount.phone())) {
			throw new BusinessRuleException("referral-self", "code", Text.of("marketing.referral.problem.ownCode"));
		}
		if (records.ofInvitee(invitee).isPresent()) {
			throw new BusinessRuleException("referral-bound", "code", Text.of("marketing.referral.problem.alreadyBound"));
		}
		if (records.hasPaidOrder(invitee)) {
			throw new BusinessRuleException("referral-not-new", "code", Text.of("marketing.referral.problem.notNew"));
		}
		if (!records.bind(inviter, invitee, normalised, inviteeAccount.phone(), deviceId.trim(), clock.instant())) {
			throw new BusinessRuleException("referral-bound", "code", Text.of("marketing.referral.problem.alreadyBound"));
		}
	}

	/** The resident's invite page: code, the friends they invited with the rewards, who invited them. */
	@Transactional
	public Invitation invitation(Actor actor) {
		AccountId me = actor.requireAccount();
		Instant now = clock.instant();
		String code = records.codeOf(me, now);
		List<ReferralRecords.Referral> invited = records.ofInviter(me, FRIENDS_SHOWN);
		Map<AccountId, Account> names = accounts.getAll(invited.stream().map(ReferralRecords.Referral::invitee).toList())
			.stream().collect(Collectors.toMap(Account::id, Function.identity()));
		Map<Long, ReferralRecords.Reward> myRewards = records.rewardsOf(invited.stream().map(ReferralRecords.Referral::id).toList())
			.stream().filter(r -> r.side().equals("INVITER"))
			.collect(Collectors.toMap(ReferralRecords.Reward::referralId, Function.identity(), (a, b) -> a));
		List<Invitation.Friend> friends = invited.stream().map(r -> {
			Account a = names.get(r.invitee());
			var reward = myRewards.get(r.id());
			return new Invitation.Friend(mask(a == null ? "" : a.displayName()), r.boundAt(), r.status(),
					reward == null ? null : describe(reward.kind(), reward.couponId(), reward.points()));
		}).toList();
		String invitedBy = records.ofInvitee(me).map(r -> mask(accounts.get(r.inviter()).displayName())).orElse(null);
		return new Invitation(code, friends, invitedBy);
	}

	/** "张三" as "张*", "Alice" as "A****": enough for a friend to recognise, not for a stranger. */
	public static String mask(String name) {
		if (name == null || name.isBlank()) {
			return "*";
		}
		String trimmed = name.trim();
		int first = trimmed.offsetByCodePoints(0, 1);
		int rest = trimmed.codePointCount(first, trimmed.length());
		return trimmed.substring(0, first) + "*".repeat(Math.max(rest, 1));
	}

	static String describe(String kind, Long couponId, Long points) {
		return "COUPON".equals(kind) ? "coupon:" + couponId : "points:" + points;
	}

	static String normalise(String code) {
		return code == null ? "" : code.trim().toUpperCase(java.util.Locale.ROOT);
	}
}
