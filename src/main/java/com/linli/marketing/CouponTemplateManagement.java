package com.linli.marketing;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.linli.identity.Account;
import com.linli.identity.AccountId;
import com.linli.identity.AccountManagement;
import com.linli.identity.Actor;
import com.linli.identity.Role;
import com.linli.marketing.internal.coupons.CouponIssuer;
import com.linli.marketing.internal.coupons.CouponTemplateRules;
import com.linli.marketing.internal.coupons.CouponTemplates;
import com.linli.marketing.internal.coupons.PhoneList;
import com.linli.network.RegionId;
import com.linli.network.RegionManagement;
import com.linli.shared.AdminChange;
import com.linli.shared.BusinessRuleException;
import com.linli.shared.InvalidInputException;
import com.linli.shared.NotFoundException;
import com.linli.shared.Text;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The operator's side of coupons: create templates in their regions, change their name, limit or total, pause
 * and resume them, delete one nobody was given, and push a template to a list of residents (phones), all or
 * nothing. An operator acts only on templates whose regions they all manage; a system actor everywhere.
 */
@Service
public class CouponTemplateManagement {

	/** At most this many phones in one push. */
	public static final int MAX_PUSH = 5_000;

	private final CouponTemplates templates;

	private final CouponIssuer issuer;

	private final RegionManagement regions;

	private final AccountManagement accounts;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	CouponTemplateManagement(CouponTemplates templates, CouponIssuer issuer, RegionManagement regions,
			AccountManagement accounts, ApplicationEventPublisher events, Clock clock) {
		this.templates = templates;
		this.issuer = issuer;
		this.regions = regions;
		this.accounts = accounts;
		this.events = events;
		this.clock = clock;
	}

	/** A template with how many of its coupons are on orders. */
	public record TemplateSummary(CouponTemplate template, long used) {
	}

	/** What a push gave: one coupon to each of {@code residents} distinct residents. */
	public record PushResult(long pushId, long templateId, int residents, List<Long> couponIds) {
	}

	/** Checks and creates a template, ACTIVE at once. 400 names the wrong field. */
	@Transactional
	public CouponTemplate create(Actor actor, NewCouponTemplate t) {
		Instant now = clock.instant();
		CouponTemplateRules.check(t, now);
		for (Long r : t.regionIds()) {
			actor.checkRegion(r);
			regions.getRegion(new RegionId(r));
		}
		long id = templates.insert(t, now, actor.accountIdOrNull());
		events.publishEvent(new AdminChange(actor.actedBy(), "coupon-template.create", "coupon-template:" + id,
				t.name() + " regions=" + t.regionIds() + " total=" + t.totalQuantity()));
		return templates.find(id).orElseThrow();
	}

	/** Changes the name, the per-resident limit or the total (never below what was issued). */
	@Transactional
	public CouponTemplate revise(Actor actor, long id, String name, int perResidentLimit, int totalQuantity) {
		CouponTemplate t = get(actor, id);
		CouponTemplateRules.checkName(name);
		CouponTemplateRules.checkQuantities(perResidentLimit, totalQuantity);
		if (totalQuantity < t.issued() || !templates.revise(id, name.strip(), perResidentLimit, totalQuantity, clock.instant())) {
			throw new InvalidInputException("totalQuantity",
					Text.of("marketing.coupons.problem.totalBelowIssued", get(actor, id).issued()));
		}
		issuer.totalChanged(id);
		events.publishEvent(new AdminChange(actor.actedBy(), "coupon-template.revise", "coupon-template:" + id,
				"name=" + name + " limit=" + perResidentLimit + " total=" + totalQuantity));
		return get(actor, id);
	}

	/** Stops issuing a template (coupons already given stay usable). */
	@Transactional
	public CouponTemplate pause(Actor actor, long id) {
		return move(actor, id, CouponTemplate.Status.ACTIVE, CouponTemplate.Status.PAUSED, "coupon-template.pause");
	}

	@Transactional
	public CouponTemplate resume(Actor actor, long id) {
		return move(actor, id, CouponTemplate.Status.PAUSED, CouponTemplate.Status.ACTIVE, "coupon-template.resume");
	}

	/** Deletes a template nobody was given; a 409 once one was. */
	@Transactional
	public void delete(Actor actor, long id) {
		CouponTemplate t = get(actor, id);
		if (!templates.deleteUnissued(id)) {
			throw new BusinessRuleException("coupon-template-issued", "id",
					Text.of("marketing.coupons.problem.cannotDeleteIssued", t.name()));
		}
		events.publishEvent(new AdminChange(actor.actedBy(), "coupon-template.delete", "coupon-template:" + id, t.name()));
	}

	/** One template, in the actor's regions (404 for another region's, as if it did not exist). */
	public CouponTemplate get(Actor actor, long id) {
		CouponTemplate t = templates.find(id).orElseThrow(() -> new NotFoundException("coupon template", id));
		if (!t.regionIds().stream().allMatch(actor::managesRegion)) {
			throw new NotFoundException("coupon template", id);
		}
		return t;
	}

	/** The templates the actor may see (those with a region of theirs; one region when given), newest first. */
	public List<TemplateSummary> list(Actor actor, Long regionId) {
		var scope = actor.regionFilter(regionId);
		return templates.list(scope.idsOrNull(), 200).stream()
			.filter(r -> r.template().regionIds().stream().allMatch(actor::managesRegion))
			.map(r -> new TemplateSummary(r.template(), r.used())).toList();
	}

	/**
	 * Gives one coupon of the template to each resident of the list (phones, one per line or separated by
	 * commas, spaces or semicolons; a CSV's first column), all or nothing: unknown phones (or phones of no
	 * resident) are a 400 listing them; too few coupons left, or residents at their limit, a 409; either way
	 * nobody gets one.
	 */
	@Transactional
	public PushResult push(Actor actor, long id, String phones) {
		CouponTemplate t = get(actor, id);
		if (!t.isActive()) {
			throw new BusinessRuleException("coupon-template-paused", "phones", Text.of("marketing.coupons.problem.paused", t.name()));
		}
		List<String> list = PhoneList.parse(phones);
		if (list.isEmpty()) {
			throw new InvalidInputException("phones", Text.of("marketing.coupons.problem.noPhones"));
		}
		if (list.size() > MAX_PUSH) {
			throw new InvalidInputException("phones", Text.of("marketing.coupons.problem.tooManyPhones", MAX_PUSH));
		}
		Map<String, AccountId> residents = new LinkedHashMap<>();
		List<String> unknown = new ArrayList<>();
		for (String phone : list) {
			Optional<Account> account = accounts.findByPhone(phone).filter(a -> a.roles().contains(Role.RESIDENT));
			account.ifPresentOrElse(a -> residents.put(phone, a.id()), () -> unknown.add(phone));
		}
		if (!unknown.isEmpty()) {
			throw new InvalidInputException("phones", Text.of("marketing.coupons.problem.unknownPhones", unknown.size(),
					String.join(", ", unknown.subList(0, Math.min(20, unknown.size())))));
		}
		Instant now = clock.instant();
		long pushId = templates.insertPush(id, residents.size(), now, actor.accountIdOrNull());
		List<Long> ids = issuer.issueToAll(t, List.copyOf(residents.values()), "push:" + pushId, now,
				List.copyOf(residents.keySet()), "phones");
		events.publishEvent(new AdminChange(actor.actedBy(), "coupon-template.push", "coupon-template:" + id,
				"push=" + pushId + " residents=" + residents.size()));
		return new PushResult(pushId, id, residents.size(), ids);
	}

	private CouponTemplate move(Actor actor, long id, CouponTemplate.Status from, CouponTemplate.Status to, String action) {
		CouponTemplate t = get(actor, id);
		if (!templates.changeStatus(id, from, to, clock.instant())) {
			throw new BusinessRuleException("illegal-coupon-template-transition", "status",
					Text.of("marketing.coupons.problem.templateTransition", t.status(), to));
		}
		issuer.totalChanged(id);
		events.publishEvent(new AdminChange(actor.actedBy(), action, "coupon-template:" + id, t.name()));
		return get(actor, id);
	}
}
