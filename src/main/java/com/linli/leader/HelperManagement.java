package com.linli.leader;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.List;
import java.util.Set;

import com.linli.identity.AccountManagement;
import com.linli.identity.Actor;
import com.linli.identity.NewAccount;
import com.linli.identity.Role;
import com.linli.leader.internal.helpers.Helpers;
import com.linli.network.PickupPointManagement;
import com.linli.shared.AdminChange;
import com.linli.shared.BusinessRuleException;
import com.linli.shared.InvalidInputException;
import com.linli.shared.NotFoundException;
import com.linli.shared.SmsSender;
import com.linli.shared.Text;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.MessageSource;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A leader's helpers at the pickup point (核销员): the leader adds one by phone and name (an account with the
 * VERIFIER role, bound to the leader's point, its first password sent by SMS and changed at first sign-in),
 * lists them and removes them (the account is disabled at once: its sessions and tokens end). At most
 * {@value #MAX_HELPERS} at a time. A phone that belongs to an account with another role (a resident, a leader,
 * staff) is refused: a helper's account is for handing out goods and nothing else.
 */
@Service
public class HelperManagement {

	public static final int MAX_HELPERS = 5;

	private static final String PHONE = "^1[3-9][0-9]{9}$";

	private static final String ALPHABET = "abcdefghjkmnpqrstuvwxyz23456789";

	private final Helpers helpers;

	private final LeaderManagement leaders;

	private final AccountManagement accounts;

	private final PickupPointManagement points;

	private final SmsSender sms;

	private final MessageSource messages;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	private final SecureRandom random = new SecureRandom();

	HelperManagement(Helpers helpers, LeaderManagement leaders, AccountManagement accounts, PickupPointManagement points,
			SmsSender sms, MessageSource messages, ApplicationEventPublisher events, Clock clock) {
		this.helpers = helpers;
		this.leaders = leaders;
		this.accounts = accounts;
		this.points = points;
		this.sms = sms;
		this.messages = messages;
		this.events = events;
		this.clock = clock;
	}

	/** The signed-in leader's helpers, oldest first. */
	@Transactional(readOnly = true)
	public List<PickupHelper> mine(Actor actor) {
		return helpers.active(leaderOf(actor).id());
	}

	/** Adds a helper at the leader's pickup point; nothing changes when it is refused. */
	@Transactional
	public PickupHelper add(Actor actor, String phone, String name) {
		var leader = leaderOf(actor);
		String p = phone == null ? "" : phone.strip();
		if (!p.matches(PHONE)) {
			throw new InvalidInputException("phone", Text.of("leader.problem.helperPhone"));
		}
		String n = name == null ? "" : name.strip();
		if (n.isEmpty() || n.length() > 30) {
			throw new InvalidInputException("name", Text.of("leader.problem.helperName"));
		}
		if (p.equals(leader.phone())) {
			throw new BusinessRuleException("helper-phone-taken", "phone", Text.of("leader.problem.helperPhoneTaken"));
		}
		helpers.lockLeader(leader.id());
		if (helpers.active(leader.id()).size() >= MAX_HELPERS) {
			throw new BusinessRuleException("helper-limit", "phone", Text.of("leader.problem.helperLimit", MAX_HELPERS));
		}
		String password = initialPassword();
		var existing = accounts.findByPhone(p);
		com.linli.identity.AccountId accountId;
		if (existing.isPresent()) {
			var account = existing.get();
			if (helpers.activeByAccount(account.id()).isPresent()) {
				throw new BusinessRuleException("helper-exists", "phone", Text.of("leader.problem.helperExists"));
			}
			if (!account.roles().equals(Set.of(Role.VERIFIER))) {
				throw new BusinessRuleException("helper-phone-taken", "phone", Text.of("leader.problem.helperPhoneTaken"));
			}
			// a former helper (here or elsewhere) comes back: enabled again, with a new first password
			accountId = account.id();
			accounts.update(accountId, n, Set.of(Role.VERIFIER), Set.of(), true, actor);
			accounts.resetPassword(accountId, password, actor);
		}
		else {
			accountId = accounts.create(new NewAccount(p, n, password, Set.of(Role.VERIFIER), Set.of())).id();
		}
		accounts.requirePasswordChange(accountId);
		long id = helpers.insert(leader.id(), leader.pickupPointId(), accountId, n, p, clock.instant(),
				actor.accountIdOrNull());
		var point = points.getPickupPoint(leader.pickupPointId());
		sms.send(p, Text.of("leader.helpers.sms.added", leader.name(), point.name(), p, password)
			.in(messages, Text.DEFAULT_LOCALE));
		events.publishEvent(new AdminChange(actor.actedBy(), "leader.helper.add", "pickup-helper:" + id,
				"leader:" + leader.id().value() + " account:" + accountId.value()));
		return helpers.find(id).orElseThrow();
	}

	/** Removes one of the leader's helpers: their account is disabled and every session and token ends at once. */
	@Transactional
	public void remove(Actor actor, long helperId) {
		var leader = leaderOf(actor);
		var helper = helpers.find(helperId).filter(h -> h.leaderId().equals(leader.id()) && h.active())
			.orElseThrow(() -> new NotFoundException("helper", helperId));
		helpers.remove(helperId, clock.instant(), actor.accountIdOrNull());
		var account = accounts.get(helper.accountId());
		accounts.update(account.id(), account.displayName(), account.roles(), account.regionIds(), false, actor);
		events.publishEvent(new AdminChange(actor.actedBy(), "leader.helper.remove", "pickup-helper:" + helperId,
				"leader:" + leader.id().value()));
	}

	/** The leader the actor is (running their pickup point now), else 403. */
	private Leader leaderOf(Actor actor) {
		if (!actor.hasRole(Role.LEADER) || actor.pickupPoint().isEmpty()) {
			throw new AccessDeniedException(Text.of("leader.problem.helpersLeadersOnly").inReadersLanguage());
		}
		return leaders.leaderFor(actor.requireAccount())
			.filter(l -> l.status() != LeaderStatus.CLOSED && l.pickupPointId().value() == actor.pickupPoint().get())
			.orElseThrow(() -> new AccessDeniedException(Text.of("leader.problem.helpersLeadersOnly").inReadersLanguage()));
	}

	private String initialPassword() {
		var sb = new StringBuilder();
		for (int i = 0; i < 8; i++) {
			sb.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
		}
		return sb.toString();
	}
}
