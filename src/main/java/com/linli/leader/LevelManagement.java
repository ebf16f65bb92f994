package com.linli.leader;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Optional;

import com.linli.identity.Actor;
import com.linli.leader.internal.CommissionLedger;
import com.linli.leader.internal.Leaders;
import com.linli.leader.internal.levels.LevelStore;
import com.linli.network.RegionId;
import com.linli.network.RegionManagement;
import com.linli.shared.AdminChange;
import com.linli.shared.InvalidInputException;
import com.linli.shared.Money;
import com.linli.shared.NotFoundException;
import com.linli.shared.Text;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Leader levels (团长等级): the level of a month is the highest whose thresholds (per region, configurable; the
 * platform's defaults otherwise) the leader's picked-up sales of the three full months before it and their average
 * rating reach. Recomputed on the first of each month by a job and on an operator's demand; a recompute of the
 * same month rewrites the same row (rerun-safe), and the history keeps one row per leader and month. Each level
 * may have its own commission bands in a region ({@link com.linli.leader.internal.levels.LevelSchemes}).
 */
@Service
@Transactional(readOnly = true)
public class LevelManagement {

	private final LevelStore store;

	private final Leaders leaders;

	private final CommissionLedger ledger;

	private final ServiceManagement service;

	private final RegionManagement regions;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	LevelManagement(LevelStore store, Leaders leaders, CommissionLedger ledger, ServiceManagement service,
			RegionManagement regions, ApplicationEventPublisher events, Clock clock) {
		this.store = store;
		this.leaders = leaders;
		this.ledger = ledger;
		this.service = service;
		this.regions = regions;
		this.events = events;
		this.clock = clock;
	}

	/** What a recompute did: the month, how many leaders it computed and how many changed level. */
	public record Recomputed(YearMonth month, int leaders, int changed) {
	}

	public List<LevelThreshold> thresholds(Actor actor, RegionId region) {
		actor.checkRegion(region.value());
		return store.thresholds(region);
	}

	/** Replaces the region's thresholds (400 naming the field when the table is not valid: nothing changes). */
	@Transactional
	public List<LevelThreshold> saveThresholds(Actor actor, RegionId region, List<LevelThreshold> table) {
		actor.checkRegion(region.value());
		regions.getRegion(region);
		LevelThreshold.validate(table);
		store.saveThresholds(region, table, clock.instant());
		events.publishEvent(new AdminChange(actor.actedBy(), "leader.level-thresholds", "region:" + region,
				table.stream().map(t -> t.level() + ">=" + t.minSales() + "/" + t.minRating()).toList().toString()));
		return store.thresholds(region);
	}

	public List<CommissionBand> bands(Actor actor, RegionId region, LeaderLevel level) {
		actor.checkRegion(region.value());
		return store.bands(region, level);
	}

	/** Sets a level's own bands in the region (validated as a scheme's); an empty list drops them. */
	@Transactional
	public List<CommissionBand> saveBands(Actor actor, RegionId region, LeaderLevel level, List<CommissionBand> bands) {
		actor.checkRegion(region.value());
		regions.getRegion(region);
		if (level == null) {
			throw new InvalidInputException("level", Text.of("leader.problem.required"));
		}
		if (bands != null && !bands.isEmpty()) {
			new CommissionScheme(region, bands, List.of(), clock.instant());
		}
		store.saveBands(region, level, bands == null ? List.of() : bands);
		events.publishEvent(new AdminChange(actor.actedBy(), "leader.level-bands", "region:" + region + ":" + level,
				String.valueOf(bands)));
		return store.bands(region, level);
	}

	/**
	 * Computes the level of {@code month} (this month when null; at most next month) for every live leader of the
	 * region, from the three full months before it.
	 */
	@Transactional
	public Recomputed recompute(Actor actor, RegionId region, YearMonth month) {
		actor.checkRegion(region.value());
		var zone = regions.getRegion(region).zone();
		YearMonth current = YearMonth.from(LocalDate.ofInstant(clock.instant(), zone));
		YearMonth target = month == null ? current : month;
		if (target.isAfter(current.plusMonths(1))) {
			throw new InvalidInputException("month", Text.of("leader.problem.levelsMonthTooLate", current.plusMonths(1)));
		}
		var table = store.thresholds(region);
		int count = 0;
		int changed = 0;
		Instant now = clock.instant();
		for (int page = 0;; page++) {
			var batch = leaders.search(new LeaderSearch(java.util.Set.of(region), null, null, page, 200));
			for (Leader leader : batch.items()) {
				if (leader.status() == LeaderStatus.CLOSED) {
					continue;
				}
				var record = compute(leader, table, target, now, actor.name());
				changed += store.saveLevel(record) ? 1 : 0;
				count++;
			}
			if ((long) (page + 1) * 200 >= batch.total()) {
				break;
			}
		}
		events.publishEvent(new AdminChange(actor.actedBy(), "leader.level-recompute", "region:" + region,
				target + " leaders " + count + " changed " + changed));
		return new Recomputed(target, count, changed);
	}

	/**
	 * An operator sets a leader's level of this month by hand (a leader who came from another platform with their
	 * community, say), with a reason kept in the history; the next recompute of a month applies the thresholds again.
	 */
	@Transactional
	public LevelRecord assign(Actor actor, LeaderId id, LeaderLevel level, String reason) {
		var leader = leaders.find(id).orElseThrow(() -> new NotFoundException("leader", id));
		actor.checkRegion(leader.regionId().value());
		if (level == null) {
			throw new InvalidInputException("level", Text.of("leader.problem.required"));
		}
		if (reason == null || reason.isBlank() || reason.strip().length() > 40) {
			throw new InvalidInputException("reason", Text.of("leader.problem.levelsAssignReason"));
		}
		YearMonth current = YearMonth.from(LocalDate.ofInstant(clock.instant(), regions.getRegion(leader.regionId()).zone()));
		var computed = compute(leader, store.thresholds(leader.regionId()), current, clock.instant(), actor.name());
		var record = new LevelRecord(id, current, level, computed.sales(), computed.rating(), computed.ratings(),
				clock.instant(), (actor.name() + ": " + reason.strip()).substring(0, Math.min(60, actor.name().length() + 2 + reason.strip().length())));
		store.saveLevel(record);
		events.publishEvent(new AdminChange(actor.actedBy(), "leader.level-assign", "leader:" + id, level + " " + reason));
		return store.levelOf(id, current).orElseThrow();
	}

	/** Every region with leaders (the monthly job). */
	@Transactional
	public int recomputeAll(Actor actor) {
		int count = 0;
		for (var region : regions.regions()) {
			count += recompute(actor, region.id(), null).leaders();
		}
		return count;
	}

	/** The leader's level now, and what the next one asks for. */
	public LevelStanding standing(LeaderId id) {
		var leader = leaders.find(id).orElseThrow(() -> new NotFoundException("leader", id));
		YearMonth current = YearMonth.from(LocalDate.ofInstant(clock.instant(), regions.getRegion(leader.regionId()).zone()));
		var record = store.levelAt(id, current);
		LeaderLevel level = record.map(LevelRecord::level).orElse(LeaderLevel.TRAINEE);
		var table = store.thresholds(leader.regionId());
		Optional<LevelThreshold> next = level.higher()
			.flatMap(h -> table.stream().filter(t -> t.level() == h).findFirst());
		Money soFar = Money.ZERO;
		for (int i = 0; i < 3; i++) {
			soFar = soFar.plus(ledger.monthSales(id, current.minusMonths(i)));
		}
		Money so = soFar;
		Money toNext = next.map(t -> t.minSales().isGreaterThan(so) ? t.minSales().minus(so) : Money.ZERO)
			.orElse(Money.ZERO);
		return new LevelStanding(id, level, record, next, soFar, toNext);
	}

	/** The level history of a leader of the caller's regions, newest first. */
	public List<LevelRecord> history(Actor actor, LeaderId id) {
		var leader = leaders.find(id).orElseThrow(() -> new NotFoundException("leader", id));
		actor.checkRegion(leader.regionId().value());
		return store.history(id);
	}

	private LevelRecord compute(Leader leader, List<LevelThreshold> table, YearMonth month, Instant now, String by) {
		Money sales = Money.ZERO;
		for (int i = 1; i <= 3; i++) {
			sales = sales.plus(ledger.monthSales(leader.id(), month.minusMonths(i)));
		}
		var figures = service.figures(leader.id());
		Double rating = figures.averageStars();
		LeaderLevel level = LeaderLevel.TRAINEE;
		for (var t : table) {
			if (t.reachedBy(sales, rating)) {
				level = t.level();
			}
		}
		return new LevelRecord(leader.id(), month, level, sales, rating, figures.ratings(), now, by);
	}
}
