package com.linli.leader;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collectors;

import com.linli.identity.Actor;
import com.linli.leader.internal.performance.PerformanceQueries;
import com.linli.leader.internal.performance.PerformanceQueries.RegionLeader;
import com.linli.network.PickupPoint;
import com.linli.network.PickupPointId;
import com.linli.network.PickupPointManagement;
import com.linli.network.RegionId;
import com.linli.network.RegionManagement;
import com.linli.ordering.OrderStatus;
import com.linli.ordering.PickupPointPerformanceFigures;
import com.linli.ordering.PickupPointPerformanceFigures.PointFigures;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Leaders' performance and ranking: per leader and period (day, week, month) their pickup point's sales, orders,
 * customers, new customers, repurchase rate, average order, pickup timeliness (from ordering's
 * {@link PickupPointPerformanceFigures}), their complaints and rating (from the service records aftersales feeds)
 * and commission (from the ledger); the ranking within the region by any figure; a leader's trend; the monthly
 * review against the previous month and the region's median; the leader's own dashboard. Operators see only their
 * regions, a leader only themselves.
 */
@Service
@Transactional(readOnly = true)
public class LeaderPerformanceManagement {

	/** How many periods a trend shows, the chosen one last. */
	public static final int TREND_PERIODS = 12;

	private final PerformanceQueries queries;

	private final PickupPointPerformanceFigures orders;

	private final PickupPointManagement network;

	private final RegionManagement regions;

	private final LeaderManagement leaders;

	private final Clock clock;

	private final LocalTime receiptDue;

	LeaderPerformanceManagement(PerformanceQueries queries, PickupPointPerformanceFigures orders,
			PickupPointManagement network, RegionManagement regions, LeaderManagement leaders, Clock clock,
			@Value("${linli.leader.receipt-due:09:00}") LocalTime receiptDue) {
		this.queries = queries;
		this.orders = orders;
		this.network = network;
		this.regions = regions;
		this.leaders = leaders;
		this.clock = clock;
		this.receiptDue = receiptDue;
	}

	/** A region's leaders ranked by a figure over the period that holds a date. */
	public record RegionPerformance(RegionId regionId, PerformancePeriod period, LocalDate from, LocalDate to,
			PerformanceFigure rankedBy, List<LeaderPerformance> leaders) {
	}

	/** One period of a leader's trend, starting {@code from}. */
	public record TrendPoint(LocalDate from, long orders, long salesFen) {
	}

	/** A leader's figures in a period with their place in the region and their trend. */
	public record LeaderReport(LeaderPerformance performance, int leadersInRegion, PerformancePeriod period,
			LocalDate from, LocalDate to, List<TrendPoint> trend) {
	}

	/** One figure of a monthly review: this month, the month before, the region's median this month. */
	public record ReviewLine(PerformanceFigure figure, Double value, Double previous, Double regionMedian) {
	}

	/** The month's figures of a leader for the operator's talk with them. */
	public record MonthlyReview(YearMonth month, LeaderPerformance current, LeaderPerformance previous,
			int leadersInRegion, List<ReviewLine> lines) {
	}

	/** The leader's own dashboard: today's orders by status, earnings, this month's place in the region. */
	public record Dashboard(Leader leader, LocalDate today, Map<OrderStatus, Long> todayByStatus,
			long commissionTodayFen, long commissionMonthFen, LeaderPerformance month, int leadersInRegion,
			List<TrendPoint> trend) {
	}

	/** The date today in the region's zone. */
	public LocalDate today(RegionId region) {
		return LocalDate.now(clock.withZone(regions.getRegion(region).zone()));
	}

	public RegionPerformance region(Actor actor, RegionId region, PerformancePeriod period, LocalDate date,
			PerformanceFigure rankBy) {
		actor.checkRegion(region.value());
		return ranking(region, period, date, rankBy);
	}

	public LeaderReport leader(Actor actor, LeaderId id, PerformancePeriod period, LocalDate date) {
		Leader leader = visible(actor, id);
		return report(leader, period, date == null ? today(leader.regionId()) : date);
	}

	/** The signed-in leader's own figures. */
	public LeaderReport mine(Actor actor, PerformancePeriod period, LocalDate date) {
		Leader leader = own(actor);
		return report(leader, period, date == null ? today(leader.regionId()) : date);
	}

	public MonthlyReview review(Actor actor, LeaderId id, YearMonth month) {
		Leader leader = visible(actor, id);
		YearMonth shown = month == null ? YearMonth.from(today(leader.regionId())) : month;
		var current = ranking(leader.regionId(), PerformancePeriod.MONTH, shown.atDay(1), PerformanceFigure.SALES);
		var before = ranking(leader.regionId(), PerformancePeriod.MONTH, shown.minusMonths(1).atDay(1),
				PerformanceFigure.SALES);
		LeaderPerformance now = find(current, leader);
		if (now == null) {
			now = empty(leader);
		}
		LeaderPerformance then = find(before, leader);
		List<ReviewLine> lines = new ArrayList<>();
		for (PerformanceFigure figure : PerformanceFigure.values()) {
			lines.add(new ReviewLine(figure, figure.of(now), then == null ? null : figure.of(then),
					median(current.leaders().stream().map(figure::of).filter(Objects::nonNull).sorted().toList())));
		}
		return new MonthlyReview(shown, now, then, current.leaders().size(), lines);
	}

	public Dashboard dashboard(Actor actor) {
		Leader leader = own(actor);
		ZoneId zone = regions.getRegion(leader.regionId()).zone();
		LocalDate today = LocalDate.now(clock.withZone(zone));
		Map<OrderStatus, Long> byStatus = new EnumMap<>(OrderStatus.class);
		orders.byStatus(leader.pickupPointId(), today).forEach(s -> byStatus.put(s.status(), s.orders()));
		long commissionToday = queries.commission(leader.id(), start(today, zone), start(today.plusDays(1), zone));
		var month = report(leader, PerformancePeriod.MONTH, today);
		var days = report(leader, PerformancePeriod.DAY, today);
		return new Dashboard(leader, today, byStatus, commissionToday, month.performance().commissionFen(),
				month.performance(), month.leadersInRegion(), days.trend());
	}

	/** A leader's place by sales in their region's month that holds the date, and how many are ranked: {place, of}. */
	public int[] monthPlace(LeaderId id, LocalDate date) {
		Leader leader = leaders.get(id);
		var ranking = ranking(leader.regionId(), PerformancePeriod.MONTH, date, PerformanceFigure.SALES);
		LeaderPerformance mine = find(ranking, leader);
		return new int[] { mine == null ? 0 : mine.rank(), ranking.leaders().size() };
	}

	private LeaderReport report(Leader leader, PerformancePeriod period, LocalDate date) {
		var ranking = ranking(leader.regionId(), period, date, PerformanceFigure.SALES);
		LeaderPerformance mine = find(ranking, leader);
		if (mine == null) {
			mine = empty(leader);
		}
		LocalDate trendFrom = period.shift(date, TREND_PERIODS - 1);
		Map<LocalDate, long[]> buckets = new LinkedHashMap<>();
		for (int i = TREND_PERIODS - 1; i >= 0; i--) {
			buckets.put(period.shift(date, i), new long[2]);
		}
		orders.byDay(leader.pickupPointId(), trendFrom, period.end(date)).forEach(d -> {
			long[] bucket = buckets.get(period.start(d.date()));
			if (bucket != null) {
				bucket[0] += d.orders();
				bucket[1] += d.salesFen();
			}
		});
		List<TrendPoint> trend = buckets.entrySet().stream()
			.map(e -> new TrendPoint(e.getKey(), e.getValue()[0], e.getValue()[1])).toList();
		return new LeaderReport(mine, ranking.leaders().size(), period, ranking.from(), ranking.to(), trend);
	}

	/** A leader not ranked in the region (closed): nothing, no place. */
	private static LeaderPerformance empty(Leader leader) {
		return new LeaderPerformance(leader.id(), leader.name(), leader.pickupPointId().value(), null, leader.status(),
				0, 0, 0, 0, null, null, 0, 0, null, 0, 0, null, 0, null, 0, null, 0, 0);
	}

	private static LeaderPerformance find(RegionPerformance ranking, Leader leader) {
		return ranking.leaders().stream().filter(p -> p.leaderId().equals(leader.id())).findFirst().orElse(null);
	}

	/** The region's live leaders with their figures, best first by the figure, ties sharing a place. */
	RegionPerformance ranking(RegionId region, PerformancePeriod period, LocalDate date, PerformanceFigure rankBy) {
		LocalDate from = period.start(date);
		LocalDate to = period.end(date);
		return new RegionPerformance(region, period, from, to, rankBy, rank(figures(region, from, to), rankBy));
	}

	/** The figures of the region's live leaders over the pickup dates {@code [from, to]} (unranked, in id order). */
	List<LeaderPerformance> figures(RegionId region, LocalDate from, LocalDate to) {
		ZoneId zone = regions.getRegion(region).zone();
		Instant fromAt = start(from, zone);
		Instant toAt = start(to.plusDays(1), zone);
		List<RegionLeader> live = queries.leaders(region);
		Map<Long, PointFigures> byPoint = orders.byPickupPoint(region, from, to, receiptDue, zone).stream()
			.collect(Collectors.toMap(PointFigures::pickupPointId, Function.identity()));
		var service = queries.service(region, fromAt, toAt);
		var commission = queries.commission(region, fromAt, toAt);
		Map<PickupPointId, PickupPoint> points = network
			.pickupPoints(live.stream().map(l -> new PickupPointId(l.pickupPointId())).toList());
		List<LeaderPerformance> figures = new ArrayList<>();
		for (RegionLeader l : live) {
			PointFigures p = byPoint.getOrDefault(l.pickupPointId(), PointFigures.none(l.pickupPointId()));
			var s = service.getOrDefault(l.id(), PerformanceQueries.Service.NONE);
			PickupPoint point = points.get(new PickupPointId(l.pickupPointId()));
			figures.add(new LeaderPerformance(l.id(), l.name(), l.pickupPointId(), point == null ? null : point.name(),
					l.status(), p.salesFen(), p.orders(), p.customers(), p.newCustomers(),
					percent(p.customers() - p.newCustomers(), p.customers()),
					p.orders() == 0 ? null : Math.round((double) p.salesFen() / p.orders()), p.receiptDays(),
					p.onTimeReceiptDays(), percent(p.onTimeReceiptDays(), p.receiptDays()), p.readyOrders(),
					p.collectedWithinDay(), percent(p.collectedWithinDay(), p.readyOrders()), s.complaints(),
					percent(s.complaints(), p.orders()), s.ratings(), s.averageStars(),
					commission.getOrDefault(l.id(), 0L), 0));
		}
		return figures;
	}

	/** Best first by the figure (no value last), then by leader id; equal values share the better place. */
	static List<LeaderPerformance> rank(List<LeaderPerformance> figures, PerformanceFigure by) {
		Comparator<Double> values = by.higherIsBetter() ? Comparator.reverseOrder() : Comparator.naturalOrder();
		List<LeaderPerformance> sorted = figures.stream()
			.sorted(Comparator.comparing(by::of, Comparator.nullsLast(values))
				.thenComparing(p -> p.leaderId().value()))
			.toList();
		List<LeaderPerformance> ranked = new ArrayList<>();
		for (int i = 0; i < sorted.size(); i++) {
			Double value = by.of(sorted.get(i));
			boolean tie = i > 0 && Objects.equals(value, by.of(sorted.get(i - 1)));
			ranked.add(sorted.get(i).ranked(tie ? ranked.get(i - 1).rank() : i + 1));
		}
		return ranked;
	}

	/** A share as a percentage with one decimal; null when there is nothing to divide by. */
	static Double percent(long part, long whole) {
		return whole == 0 ? null : Math.round(part * 1000.0 / whole) / 10.0;
	}

	static Double median(List<Double> sorted) {
		if (sorted.isEmpty()) {
			return null;
		}
		int n = sorted.size();
		return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
	}

	private static Instant start(LocalDate date, ZoneId zone) {
		return date.atStartOfDay(zone).toInstant();
	}

	/** A leader of the actor's regions (an operator of another region: 404, as if there were none). */
	private Leader visible(Actor actor, LeaderId id) {
		Leader leader = leaders.get(id);
		if (!actor.worksIn(leader.regionId().value())) {
			throw new com.linli.shared.NotFoundException("leader", id);
		}
		return leader;
	}

	private Leader own(Actor actor) {
		return leaders.leaderFor(actor.requireAccount())
			.filter(l -> l.status() != LeaderStatus.CLOSED)
			.orElseThrow(() -> new AccessDeniedException("not a leader"));
	}
}
