package com.linli.leader;

import java.time.Clock;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import com.linli.catalog.Category;
import com.linli.catalog.CategoryId;
import com.linli.catalog.CategoryManagement;
import com.linli.identity.Actor;
import com.linli.leader.internal.CommissionLedger;
import com.linli.leader.internal.CommissionSchemes;
import com.linli.network.RegionId;
import com.linli.network.RegionManagement;
import com.linli.shared.AdminChange;
import com.linli.shared.InvalidInputException;
import com.linli.shared.Money;
import com.linli.shared.Page;
import com.linli.shared.Text;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Leader commission: the tiered schemes (a default one, and a region's own where its operators set
 * one; the rule is in {@link CommissionScheme}), and each leader's ledger, month by month. The ledger
 * is written from ordering's events (accruals on pickup, reversals on refunds after pickup); staff
 * change schemes, which apply to pickups from then on and never rewrite past entries.
 *
 * <p>Withdrawals (提现, REQUESTED -> APPROVED -> PAID | REJECTED) are a later issue: the balance here
 * is what a withdrawal will draw on once the after-sales window has passed.
 */
@Service
@Transactional(readOnly = true)
public class CommissionManagement {

	private final CommissionSchemes schemes;

	private final CommissionLedger ledger;

	private final LeaderManagement leaders;

	private final RegionManagement network;

	private final CategoryManagement catalog;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	CommissionManagement(CommissionSchemes schemes, CommissionLedger ledger, LeaderManagement leaders,
			RegionManagement network, CategoryManagement catalog, ApplicationEventPublisher events, Clock clock) {
		this.schemes = schemes;
		this.ledger = ledger;
		this.leaders = leaders;
		this.network = network;
		this.catalog = catalog;
		this.events = events;
		this.clock = clock;
	}

	/** The scheme in force in a region: its own, else the default one. */
	public CommissionScheme schemeFor(RegionId region) {
		network.getRegion(region);
		return schemes.applying(region);
	}

	/** The region's own scheme, if its operators set one. */
	public Optional<CommissionScheme> ownScheme(RegionId region) {
		network.getRegion(region);
		return schemes.find(region);
	}

	/** The scheme of regions without their own. */
	public CommissionScheme defaultScheme() {
		return schemes.applying(null);
	}

	/**
	 * Sets a region's scheme ({@code region} null: the default scheme, platform admins only). Bands and
	 * overrides are checked as {@link CommissionScheme} says, and each override's category must exist.
	 */
	@Transactional
	public CommissionScheme saveScheme(Actor actor, RegionId region, List<CommissionBand> bands,
			List<CategoryRate> overrides) {
		checkMayEdit(actor, region);
		var checked = new CommissionScheme(region, bands, overrides, clock.instant());
		var known = catalog.categories().stream().map(Category::id).collect(Collectors.toSet());
		for (int i = 0; i < checked.overrides().size(); i++) {
			if (!known.contains(checked.overrides().get(i).categoryId())) {
				throw new InvalidInputException("overrides[" + i + "].categoryId",
						Text.of("leader.problem.unknownCategory", checked.overrides().get(i).categoryId()));
			}
		}
		var saved = schemes.save(region, checked.bands(), checked.overrides(),
				actor.accountId().orElse(null), clock.instant());
		events.publishEvent(new AdminChange(actor.actedBy(), "commission.scheme", target(region), describe(saved)));
		return saved;
	}

	/** The region goes back to the default scheme. */
	@Transactional
	public void useDefaultScheme(Actor actor, RegionId region) {
		if (region == null) {
			throw new InvalidInputException("regionId", Text.of("leader.problem.defaultSchemeCannotRemoved"));
		}
		checkMayEdit(actor, region);
		if (schemes.delete(region)) {
			events.publishEvent(new AdminChange(actor.actedBy(), "commission.scheme.default", target(region), "uses the default scheme"));
		}
	}

	/** The current calendar month in the region's time zone. */
	public YearMonth currentMonth(RegionId region) {
		return YearMonth.now(clock.withZone(network.getRegion(region).zone()));
	}

	/** A leader's month: sales and band, the next band, commission of the month and the balance now. */
	public CommissionSummary summary(LeaderId leaderId, YearMonth month) {
		var leader = leaders.get(leaderId);
		var scheme = schemes.applying(leader.regionId());
		Money sales = ledger.monthSales(leaderId, month);
		var total = ledger.monthTotal(leaderId, month);
		return new CommissionSummary(leaderId, month, sales, scheme.bandFor(sales),
				scheme.nextBand(sales).orElse(null), total.accrued(), total.reversed(),
				ledger.account(leaderId).balance(), scheme);
	}

	/**
	 * The leader's statement for a month: summary, the six months up to the current one, and a page of
	 * the month's entries, all from one snapshot of the ledger (so the figures agree with the entries).
	 */
	@Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
	public CommissionStatement statement(LeaderId leaderId, YearMonth month, int page, int size) {
		var leader = leaders.get(leaderId);
		return new CommissionStatement(leader, summary(leaderId, month),
				monthTotals(leaderId, currentMonth(leader.regionId()), 6), entries(leaderId, month, page, size));
	}

	/** The leader's ledger, newest first; {@code month} null = every month. */
	public Page<CommissionEntry> entries(LeaderId leaderId, YearMonth month, int page, int size) {
		return ledger.entries(leaderId, month, Math.max(page, 0), Page.size(size));
	}

	/** The leader's last {@code months} months up to {@code upTo}, newest first, empty months included. */
	public List<MonthTotal> monthTotals(LeaderId leaderId, YearMonth upTo, int months) {
		YearMonth from = upTo.minusMonths(Math.max(months, 1) - 1L);
		var found = ledger.monthTotals(leaderId, from, upTo);
		List<MonthTotal> totals = new ArrayList<>();
		for (YearMonth m = upTo; !m.isBefore(from); m = m.minusMonths(1)) {
			totals.add(found.getOrDefault(m, new MonthTotal(m, Money.ZERO, Money.ZERO, Money.ZERO)));
		}
		return totals;
	}

	/** The leader's balance and what made it: accrued and reversed over all time. */
	public Money balance(LeaderId leaderId) {
		return ledger.account(leaderId).balance();
	}

	/**
	 * Leaders of the regions ({@code null} = all) with their commission month, highest first; leaders
	 * without a pickup point any more appear only in months they have entries in.
	 */
	public Page<MonthlyCommission> monthly(Set<RegionId> regions, YearMonth month, String text, int page, int size) {
		var found = ledger.monthly(regions, month, text, Math.max(page, 0), Page.size(size));
		Map<RegionId, CommissionScheme> byRegion = new HashMap<>();
		var rows = found.items().stream().map(row -> {
			var scheme = byRegion.computeIfAbsent(row.leader().regionId(), schemes::applying);
			return new MonthlyCommission(row.leader(), month, row.sales(), scheme.bandFor(row.sales()).rateBasisPoints(),
					row.accrued(), row.reversed(), row.balance());
		}).toList();
		return new Page<>(rows, found.total(), found.page(), found.size());
	}

	/** Category names for showing overrides. */
	public Map<CategoryId, String> categoryNames() {
		return catalog.categories().stream().collect(Collectors.toMap(Category::id, Category::name, (a, b) -> a));
	}

	private void checkMayEdit(Actor actor, RegionId region) {
		if (region == null) {
			if (!actor.isSystem() && !actor.isAdmin()) {
				throw new AccessDeniedException("only platform admins change the default commission scheme");
			}
			return;
		}
		network.getRegion(region);
		actor.checkRegion(region.value());
	}

	private static String target(RegionId region) {
		return region == null ? "commission-scheme:default" : "commission-scheme:region:" + region.value();
	}

	private static String describe(CommissionScheme scheme) {
		var bands = scheme.bands().stream().map(b -> b.floor() + "+:" + b.ratePercent() + "%")
			.collect(Collectors.joining(", "));
		var overrides = scheme.overrides().stream().map(o -> "category " + o.categoryId() + ":" + o.ratePercent() + "%")
			.collect(Collectors.joining(", "));
		return "bands " + bands + (overrides.isEmpty() ? "" : "; overrides " + overrides);
	}
}
