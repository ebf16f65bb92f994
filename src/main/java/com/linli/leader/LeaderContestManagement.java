package com.linli.leader;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;

import com.linli.identity.Actor;
import com.linli.leader.internal.CommissionLedger;
import com.linli.leader.internal.Leaders;
import com.linli.leader.internal.incentives.Contests;
import com.linli.leader.internal.incentives.IncentiveLedger;
import com.linli.network.RegionId;
import com.linli.network.RegionManagement;
import com.linli.shared.BusinessRuleException;
import com.linli.shared.InvalidInputException;
import com.linli.shared.Money;
import com.linli.shared.NotFoundException;
import com.linli.shared.Text;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Monthly contests (月度评比). An operator defines one for a region and month: the metric, how many win, the prize
 * of each rank (cash credited to the ledger, available at once; or a description of a coupon or goods handed out
 * by the operator). Standings come from the performance module's figures of the month
 * ({@link LeaderPerformanceManagement}, the same as its ranking): SALES, GROWTH (sales minus the previous month's),
 * SATISFACTION (average review stars among leaders with at least the minimum of orders and a rating). Only a
 * positive value places. When the month has ended, the contest is closed (by the operator, or by the job after the
 * settlement window): the winners are fixed and their cash credited once (the contest row is locked, a second close
 * is refused; the ledger's unique reference per contest and rank is the last guard).
 */
@Service
@Transactional(readOnly = true)
public class LeaderContestManagement {

	private static final Logger log = LoggerFactory.getLogger(LeaderContestManagement.class);

	/** The most places a contest rewards. */
	public static final int MAX_WINNERS = 20;

	private final Contests contests;

	private final IncentiveLedger ledger;

	private final CommissionLedger accounts;

	private final Leaders leaders;

	private final LeaderPerformanceManagement performance;

	private final RegionManagement regions;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	LeaderContestManagement(Contests contests, IncentiveLedger ledger, CommissionLedger accounts, Leaders leaders,
			LeaderPerformanceManagement performance, RegionManagement regions, ApplicationEventPublisher events,
			Clock clock) {
		this.contests = contests;
		this.ledger = ledger;
		this.accounts = accounts;
		this.leaders = leaders;
		this.performance = performance;
		this.regions = regions;
		this.events = events;
		this.clock = clock;
	}

	/** A contest to create; {@code metric} as named in the request (checked here). */
	public record NewContest(long regionId, YearMonth month, String metric, String title, int winners, int minOrders,
			List<Contest.Prize> prizes) {
	}

	/** A leader's place in a contest: the metric's value (fen for SALES and GROWTH, stars for SATISFACTION). */
	public record Standing(int rank, LeaderId leaderId, String leaderName, Double value, long orders, boolean placed,
			Money cash, String prize) {
	}

	/** A contest with its standings (open: as of now; closed: the winners fixed and paid). */
	public record ContestView(Contest contest, List<Standing> standings, boolean monthEnded) {
	}

	/** A leader's view of a contest of their region: their own standing, if any. */
	public record MyContest(Contest contest, Standing mine, int ranked, List<Standing> winners) {
	}

	@Transactional
	public Contest create(Actor actor, NewContest c) {
		actor.checkRegion(c.regionId());
		ContestMetric metric = ContestMetric.parse(c.metric());
		if (c.month() == null) {
			throw new InvalidInputException("month", Text.of("leader.problem.incentivesMonth"));
		}
		if (c.title() == null || c.title().isBlank() || c.title().strip().length() > 60) {
			throw new InvalidInputException("title", Text.of("leader.problem.incentivesTitle"));
		}
		if (c.winners() < 1 || c.winners() > MAX_WINNERS) {
			throw new InvalidInputException("winners", Text.of("leader.problem.incentivesWinners", MAX_WINNERS));
		}
		if (c.minOrders() < 0) {
			throw new InvalidInputException("minOrders", Text.of("leader.problem.incentivesMinOrders"));
		}
		var prizes = c.prizes() == null ? List.<Contest.Prize>of() : c.prizes();
		var ranks = new HashSet<Integer>();
		for (int i = 0; i < prizes.size(); i++) {
			var p = prizes.get(i);
			if (p.cash() == null || p.cash().isNegative()) {
				throw new InvalidInputException("prizes[" + i + "].cashFen", Text.of("leader.problem.incentivesCash"));
			}
			if (p.rank() < 1 || p.rank() > c.winners() || !ranks.add(p.rank())) {
				throw new InvalidInputException("prizes[" + i + "].rank",
						Text.of("leader.problem.incentivesPrizeRank", c.winners()));
			}
			if (p.description() != null && p.description().strip().length() > 100) {
				throw new InvalidInputException("prizes[" + i + "].description",
						Text.of("leader.problem.incentivesPrizeDescription"));
			}
		}
		var region = new RegionId(c.regionId());
		regions.getRegion(region);
		if (contests.monthClosed(region, c.month())) {
			throw new BusinessRuleException("contest-month-closed", "month",
					Text.of("leader.problem.incentivesMonthClosed", c.month()));
		}
		if (contests.exists(region, c.month(), metric)) {
			throw new BusinessRuleException("contest-exists", "metric",
					Text.of("leader.problem.incentivesExists", c.month(), metric));
		}
		var id = contests.insert(region, c.month(), metric, c.title().strip(), c.winners(), c.minOrders(),
				prizes.stream().map(p -> new Contest.Prize(p.rank(), p.cash(),
						p.description() == null || p.description().isBlank() ? null : p.description().strip()))
					.toList(),
				actor.accountIdOrNull(), clock.instant());
		return contests.find(id).orElseThrow();
	}

	public List<Contest> list(Actor actor, Long regionId, YearMonth month) {
		Long[] regions;
		if (regionId != null) {
			actor.checkRegion(regionId);
			regions = new Long[] { regionId };
		}
		else {
			var ids = actor.regionFilter(null).idsOrNull();
			regions = ids == null ? null : ids.toArray(Long[]::new);
		}
		return contests.list(regions, month);
	}

	public ContestView view(Actor actor, ContestId id) {
		Contest c = visible(actor, id);
		return new ContestView(c, standings(c), monthEnded(c));
	}

	/** The contests of the signed-in leader's region this month and last, with their place. */
	public List<MyContest> mine(Actor actor) {
		Leader leader = leaders.findByAccount(actor.requireAccount())
			.filter(l -> l.status() != LeaderStatus.CLOSED)
			.orElseThrow(() -> new AccessDeniedException("not a leader"));
		YearMonth now = YearMonth.from(LocalDate.now(clock.withZone(zone(leader.regionId()))));
		List<MyContest> mine = new ArrayList<>();
		for (YearMonth month : List.of(now, now.minusMonths(1))) {
			for (Contest c : contests.list(new Long[] { leader.regionId().value() }, month)) {
				var standings = standings(c);
				var own = standings.stream().filter(s -> s.leaderId().equals(leader.id())).findFirst().orElse(null);
				mine.add(new MyContest(c, own, standings.size(),
						standings.stream().filter(Standing::placed).limit(c.winners()).toList()));
			}
		}
		return mine;
	}

	/**
	 * Closes a contest whose month has ended: fixes the winners and credits their cash, once. The row lock makes a
	 * concurrent close wait and then find it closed (409 {@code contest-closed}).
	 */
	@Transactional
	public ContestView close(Actor actor, ContestId id) {
		visible(actor, id);
		Contest c = contests.lock(id).orElseThrow(() -> new NotFoundException("contest", id));
		if (c.status() == ContestStatus.OPEN && !monthEnded(c)) {
			throw new BusinessRuleException("contest-month-running", "month",
					Text.of("leader.problem.incentivesMonthRunning", c.month()));
		}
		Instant now = clock.instant();
		c.close(now);
		var winners = live(c).stream().filter(Standing::placed).limit(c.winners()).toList();
		// lock the winners' accounts in id order, so that two closes of different contests never cross
		winners.stream().map(Standing::leaderId).sorted(Comparator.comparingLong(LeaderId::value))
			.forEach(accounts::lockAccount);
		YearMonth entryMonth = YearMonth.from(LocalDate.now(clock.withZone(zone(c.regionId()))));
		for (Standing w : winners) {
			var prize = c.prize(w.rank());
			Long entry = null;
			if (!prize.cash().isZero()) {
				entry = ledger.insertReward(w.leaderId(), CommissionEntryKind.CONTEST_REWARD,
						"contest:" + c.id() + ":" + w.rank(), c.title() + " #" + w.rank(), prize.cash(), entryMonth, now);
			}
			contests.insertWinner(c.id(), w.rank(), w.leaderId(), w.value(), prize.cash(), prize.description(), entry);
		}
		contests.saveClosed(c, actor.accountIdOrNull());
		c.events().forEach(events::publishEvent);
		log.info("Contest {} ({} {}) closed: {} winners", c.id(), c.regionId(), c.month(), winners.size());
		var closed = contests.find(id).orElseThrow();
		return new ContestView(closed, standings(closed), true);
	}

	/** Open contests whose month ended more than {@code days} days ago (the job closes them). */
	public List<ContestId> dueToClose(Instant now, long days) {
		// the latest month any region may have ended before now minus the window
		YearMonth current = YearMonth.from(now.minus(java.time.Duration.ofDays(days)).atZone(ZoneId.of("UTC")));
		return contests.openBefore(current);
	}

	/** Whether the contest's month has ended in its region. */
	public boolean monthEnded(Contest c) {
		return !clock.instant().isBefore(c.month().plusMonths(1).atDay(1).atStartOfDay(zone(c.regionId())).toInstant());
	}

	/** The standings: closed, the winners as fixed; open, every live leader of the region by the metric. */
	List<Standing> standings(Contest c) {
		if (c.status() == ContestStatus.CLOSED) {
			return contests.winners(c.id()).stream().map(w -> new Standing(w.rank(), w.leaderId(), w.leaderName(),
					w.value(), 0, true, w.cash(), w.description())).toList();
		}
		return live(c);
	}

	/** Every live leader of the region by the contest's metric over its month, placed ones first. */
	List<Standing> live(Contest c) {
		var month = c.month();
		var current = performance.figures(c.regionId(), month.atDay(1), month.atEndOfMonth());
		Map<LeaderId, Long> previous = new HashMap<>();
		if (c.metric() == ContestMetric.GROWTH) {
			var before = month.minusMonths(1);
			performance.figures(c.regionId(), before.atDay(1), before.atEndOfMonth())
				.forEach(p -> previous.put(p.leaderId(), p.salesFen()));
		}
		record Row(LeaderPerformance p, Double value, boolean eligible) {
		}
		List<Row> rows = new ArrayList<>();
		for (LeaderPerformance p : current) {
			Double value = switch (c.metric()) {
				case SALES -> (double) p.salesFen();
				case GROWTH -> (double) (p.salesFen() - previous.getOrDefault(p.leaderId(), 0L));
				case SATISFACTION -> p.ratings() > 0 && p.orders() >= c.minOrders() ? p.averageStars() : null;
			};
			boolean eligible = value != null && value > 0 && p.orders() >= c.minOrders();
			rows.add(new Row(p, value, eligible));
		}
		rows.sort(Comparator.comparing((Row r) -> !r.eligible())
			.thenComparing(r -> r.value(), Comparator.nullsLast(Comparator.reverseOrder()))
			.thenComparing(r -> r.p().leaderId().value()));
		List<Standing> standings = new ArrayList<>();
		for (int i = 0; i < rows.size(); i++) {
			Row r = rows.get(i);
			int rank = i + 1;
			var prize = r.eligible() && rank <= c.winners() ? c.prize(rank) : null;
			standings.add(new Standing(rank, r.p().leaderId(), r.p().leaderName(), r.value(), r.p().orders(),
					r.eligible(), prize == null ? Money.ZERO : prize.cash(), prize == null ? null : prize.description()));
		}
		return standings;
	}

	private Contest visible(Actor actor, ContestId id) {
		Contest c = contests.find(id).orElseThrow(() -> new NotFoundException("contest", id));
		if (!actor.worksIn(c.regionId().value())) {
			throw new NotFoundException("contest", id);
		}
		return c;
	}

	private ZoneId zone(RegionId region) {
		return regions.getRegion(region).zone();
	}
}
