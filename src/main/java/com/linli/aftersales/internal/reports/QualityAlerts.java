package com.linli.aftersales.internal.reports;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import javax.sql.DataSource;

import com.linli.aftersales.QualityAlertRaised;
import com.linli.catalog.SkuId;
import com.linli.identity.Actor;
import com.linli.network.Region;
import com.linli.network.RegionId;
import com.linli.network.RegionManagement;
import com.linli.ordering.OrderSalesFigures;
import com.linli.ordering.OrderSalesFigures.Sold;
import org.springframework.security.access.AccessDeniedException;
import com.linli.shared.InvalidInputException;
import com.linli.shared.JobLock;
import com.linli.shared.Text;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The daily quality alert: each morning (07:00 in {@code linli.zone}) it checks yesterday for every active region
 * and every SKU with product-cause requests ({@link QualityRule} says how), records each alert once
 * ({@code aftersales.quality_alert}, unique per region, SKU and day: a rerun adds nothing) and publishes
 * {@link QualityAlertRaised} for the new ones. Staff run the same check for a day of their choosing ("check now").
 * Settings {@code linli.aftersales.quality.factor} (2), {@code .min-requests} (5), {@code .floor-rate} (0.01),
 * {@code .schedule} ("-" switches the schedule off, as in the tests).
 */
@Service
public class QualityAlerts {

	private static final Logger log = LoggerFactory.getLogger(QualityAlerts.class);

	/** The days before the checked one that make its baseline. */
	static final int BASELINE_DAYS = 28;

	private final RequestFigureQueries requests;

	private final OrderSalesFigures sales;

	private final RegionManagement regions;

	private final JdbcClient jdbc;

	private final DataSource dataSource;

	private final TransactionTemplate transaction;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	private final QualityRule rule;

	QualityAlerts(RequestFigureQueries requests, OrderSalesFigures sales, RegionManagement regions, JdbcClient jdbc,
			DataSource dataSource, TransactionTemplate transaction, ApplicationEventPublisher events, Clock clock,
			@Value("${linli.aftersales.quality.factor:2}") BigDecimal factor,
			@Value("${linli.aftersales.quality.min-requests:5}") int minRequests,
			@Value("${linli.aftersales.quality.floor-rate:0.01}") BigDecimal floorRate) {
		this.requests = requests;
		this.sales = sales;
		this.regions = regions;
		this.jdbc = jdbc;
		this.dataSource = dataSource;
		this.transaction = transaction;
		this.events = events;
		this.clock = clock;
		this.rule = new QualityRule(factor, minRequests, floorRate);
	}

	/** An alert as recorded. */
	public record Alert(long id, long regionId, long skuId, String skuName, LocalDate day, int requests, double rate,
			double baselineRate, String basis, Instant raisedAt) {
	}

	/** What a check did: the regions looked at and the alerts it raised now (not those raised before). */
	public record Check(LocalDate day, int regions, List<Alert> raised) {
	}

	@Scheduled(cron = "${linli.aftersales.quality.schedule:0 0 7 * * *}", zone = "${linli.zone:Asia/Shanghai}")
	void morning() {
		Actor system = Actor.system("aftersales.quality");
		for (Region region : regions.regions()) {
			if (region.active()) {
				check(system, LocalDate.ofInstant(clock.instant(), region.zone()).minusDays(1), region.id());
			}
		}
	}

	/**
	 * Checks a day: one region, or (without one) every active region the actor manages. Under the job lock; empty
	 * when another run holds it.
	 */
	public Optional<Check> check(Actor actor, LocalDate day, RegionId only) {
		if (day == null) {
			throw new InvalidInputException("day", Text.of("aftersales.problem.qualityDay"));
		}
		List<Region> targets = new ArrayList<>();
		if (only != null) {
			actor.checkManagesRegion(only.value());
			targets.add(regions.getRegion(only));
		}
		else {
			regions.regions().stream().filter(r -> r.active() && actor.managesRegion(r.id().value())).forEach(targets::add);
			if (targets.isEmpty() && !actor.isSystem()) {
				throw new AccessDeniedException("no region to check");
			}
		}
		Optional<JobLock> lock = JobLock.tryAcquire(dataSource, "linli.aftersales.quality");
		if (lock.isEmpty()) {
			return Optional.empty();
		}
		try (JobLock held = lock.get()) {
			List<Alert> raised = new ArrayList<>();
			for (Region region : targets) {
				raised.addAll(transaction.execute(s -> checkRegion(actor, region, day)));
			}
			if (!raised.isEmpty()) {
				log.info("Quality check of {}: {} alerts raised", day, raised.size());
			}
			return Optional.of(new Check(day, targets.size(), raised));
		}
	}

	private List<Alert> checkRegion(Actor actor, Region region, LocalDate day) {
		ZoneId zone = region.zone();
		LocalDate baseFrom = day.minusDays(BASELINE_DAYS);
		Instant dayStart = day.atStartOfDay(zone).toInstant();
		var found = requests.productCauseRequests(region.id().value(), baseFrom.atStartOfDay(zone).toInstant(), dayStart,
				day.plusDays(1).atStartOfDay(zone).toInstant());
		if (found.stream().noneMatch(f -> f.dayRequests() > 0)) {
			return List.of();
		}
		Map<Long, Sold> daySold = index(sales.bySku(region.id(), day, day));
		List<Sold> baseSold = sales.bySku(region.id(), baseFrom, day.minusDays(1));
		Map<Long, Sold> baseBySku = index(baseSold);
		// the category's rate over the baseline days: its requests ÷ its units
		Map<Long, long[]> categories = new HashMap<>();
		baseSold.forEach(s -> categories.computeIfAbsent(s.categoryId(), k -> new long[2])[1] += s.units());
		for (var f : found) {
			Long category = f.categoryId() != null ? f.categoryId()
					: Optional.ofNullable(baseBySku.get(f.skuId())).map(Sold::categoryId).orElse(null);
			if (category != null) {
				categories.computeIfAbsent(category, k -> new long[2])[0] += f.baseRequests();
			}
		}
		List<Alert> raised = new ArrayList<>();
		for (var f : found) {
			if (f.dayRequests() == 0) {
				continue;
			}
			Sold today = daySold.get(f.skuId());
			Sold base = baseBySku.get(f.skuId());
			var figures = new QualityRule.Figures(f.dayRequests(), today == null ? 0 : today.units(), f.baseRequests(),
					base == null ? 0 : base.units(), base == null ? 0 : base.days());
			Long category = f.categoryId() != null ? f.categoryId()
					: today != null ? Long.valueOf(today.categoryId()) : null;
			long[] cat = category == null ? null : categories.get(category);
			var verdict = rule.judge(figures,
					cat == null ? QualityRule.CategoryFigures.NONE : new QualityRule.CategoryFigures(cat[0], cat[1]));
			if (verdict.isEmpty() || !verdict.get().alert()) {
				continue;
			}
			var v = verdict.get();
			Instant now = clock.instant();
			Optional<Long> id = jdbc.sql("""
					insert into aftersales.quality_alert (region_id, sku_id, sku_name, day, requests, rate, baseline_rate,
					    basis, raised_at, raised_by)
					values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
					on conflict (region_id, sku_id, day) do nothing
					returning id""")
				.params(region.id().value(), f.skuId(), f.skuName(), day, f.dayRequests(), v.rate(), v.baselineRate(),
						v.basis().name(), java.sql.Timestamp.from(now), abbreviate(actor.toString()))
				.query(Long.class)
				.optional();
			if (id.isPresent()) {
				events.publishEvent(new QualityAlertRaised(region.id(), new SkuId(f.skuId()), f.skuName(), day,
						f.dayRequests(), v.rate(), v.baselineRate()));
				raised.add(new Alert(id.get(), region.id().value(), f.skuId(), f.skuName(), day, f.dayRequests(), v.rate(),
						v.baselineRate(), v.basis().name(), now));
			}
		}
		return raised;
	}

	/** The alerts of a region for days in [from, to], latest first; 403 outside the actor's regions. */
	public List<Alert> list(Actor actor, RegionId region, LocalDate from, LocalDate to) {
		if (region == null) {
			throw new InvalidInputException("regionId", Text.of("aftersales.problem.reportRegionRequired"));
		}
		actor.checkRegion(region.value());
		RefundReports.checkPeriod(from, to);
		return jdbc.sql("""
				select id, region_id, sku_id, sku_name, day, requests, rate, baseline_rate, basis, raised_at
				  from aftersales.quality_alert
				 where region_id = ? and day between ? and ?
				 order by day desc, rate desc, id""")
			.params(region.value(), from, to)
			.query((rs, n) -> new Alert(rs.getLong("id"), rs.getLong("region_id"), rs.getLong("sku_id"),
					rs.getString("sku_name"), rs.getObject("day", LocalDate.class), rs.getInt("requests"),
					rs.getDouble("rate"), rs.getDouble("baseline_rate"), rs.getString("basis"),
					rs.getTimestamp("raised_at").toInstant()))
			.list();
	}

	private static String abbreviate(String s) {
		return s.length() > 60 ? s.substring(0, 60) : s;
	}

	private static Map<Long, Sold> index(List<Sold> sold) {
		Map<Long, Sold> m = new HashMap<>();
		sold.forEach(s -> m.put(s.key(), s));
		return m;
	}
}
