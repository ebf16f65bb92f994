package com.linli.leader;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import com.linli.identity.Actor;
import com.linli.leader.internal.performance.PerformanceQueries;
import com.linli.leader.internal.performance.PerformanceQueries.Signal;
import com.linli.network.RegionId;
import com.linli.shared.InvalidInputException;
import com.linli.shared.Money;
import com.linli.shared.NotFoundException;
import com.linli.shared.Text;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Which leaders may be about to leave, and why: a score of 0–100 per live leader of a region from the last
 * {@value #WINDOW_DAYS} days (up to a date, by pickup date) against the {@value #WINDOW_DAYS} days before.
 * <ul>
 * <li>falling sales: a drop of 10% or more scores 0.4 point per percent (at most 40);</li>
 * <li>falling customers: a drop of 10% or more scores 0.25 point per percent (at most 25);</li>
 * <li>rising complaints: 10 points per complaint more than before (at most 20);</li>
 * <li>competitor signals operators recorded in the last {@value #SIGNAL_DAYS} days: 15 points each (at most 30).</li>
 * </ul>
 * The sum is capped at 100; leaders at or above the alert score are the ones to call, with the reasons.
 */
@Service
@Transactional(readOnly = true)
public class LeaderChurnRisk {

	public static final int WINDOW_DAYS = 28;

	public static final int SIGNAL_DAYS = 56;

	private final LeaderPerformanceManagement performance;

	private final PerformanceQueries queries;

	private final LeaderManagement leaders;

	private final Clock clock;

	private final int alertScore;

	LeaderChurnRisk(LeaderPerformanceManagement performance, PerformanceQueries queries, LeaderManagement leaders,
			Clock clock, @Value("${linli.leader.churn-alert-score:40}") int alertScore) {
		this.performance = performance;
		this.queries = queries;
		this.leaders = leaders;
		this.clock = clock;
		this.alertScore = alertScore;
	}

	/** A leader's risk: the score, whether to call them, the reasons (message texts) and what they came from. */
	public record Risk(LeaderId leaderId, String leaderName, String pickupPointName, int score, boolean alert,
			List<Text> reasons, long recentSalesFen, long previousSalesFen, long recentCustomers,
			long previousCustomers, long recentComplaints, long previousComplaints, long signals) {
	}

	/** The region's live leaders, riskiest first, as of a date (its window ends that day). */
	public List<Risk> risks(Actor actor, RegionId region, LocalDate asOf) {
		actor.checkRegion(region.value());
		LocalDate end = asOf == null ? performance.today(region) : asOf;
		LocalDate recentFrom = end.minusDays(WINDOW_DAYS - 1);
		var recent = performance.figures(region, recentFrom, end);
		Map<LeaderId, LeaderPerformance> previous = performance
			.figures(region, recentFrom.minusDays(WINDOW_DAYS), recentFrom.minusDays(1)).stream()
			.collect(Collectors.toMap(LeaderPerformance::leaderId, Function.identity()));
		var zone = java.time.ZoneId.of("UTC");
		var signals = queries.signalCounts(region, end.plusDays(1).minusDays(SIGNAL_DAYS).atStartOfDay(zone).toInstant());
		List<Risk> risks = new ArrayList<>();
		for (LeaderPerformance now : recent) {
			LeaderPerformance before = previous.get(now.leaderId());
			risks.add(score(now, before, signals.getOrDefault(now.leaderId(), 0L)));
		}
		risks.sort(Comparator.comparingInt(Risk::score).reversed().thenComparing(r -> r.leaderId().value()));
		return risks;
	}

	/** Only the leaders to call. */
	public List<Risk> alerts(Actor actor, RegionId region, LocalDate asOf) {
		return risks(actor, region, asOf).stream().filter(Risk::alert).toList();
	}

	private Risk score(LeaderPerformance now, LeaderPerformance before, long signalCount) {
		List<Text> reasons = new ArrayList<>();
		int score = 0;
		long salesBefore = before == null ? 0 : before.salesFen();
		long customersBefore = before == null ? 0 : before.customers();
		long complaintsBefore = before == null ? 0 : before.complaints();
		int salesDrop = drop(salesBefore, now.salesFen());
		if (salesDrop >= 10) {
			score += (int) Math.round(salesDrop * 0.4);
			reasons.add(Text.of("leader.churn.reason.sales", Money.ofFen(salesBefore).yuan().toPlainString(),
					Money.ofFen(now.salesFen()).yuan().toPlainString(), salesDrop));
		}
		int customersDrop = drop(customersBefore, now.customers());
		if (customersDrop >= 10) {
			score += (int) Math.round(customersDrop * 0.25);
			reasons.add(Text.of("leader.churn.reason.customers", customersBefore, now.customers(), customersDrop));
		}
		if (now.complaints() > complaintsBefore) {
			score += (int) Math.min(20, 10 * (now.complaints() - complaintsBefore));
			reasons.add(Text.of("leader.churn.reason.complaints", complaintsBefore, now.complaints()));
		}
		if (signalCount > 0) {
			score += (int) Math.min(30, 15 * signalCount);
			reasons.add(Text.of("leader.churn.reason.signals", signalCount));
		}
		score = Math.min(100, score);
		return new Risk(now.leaderId(), now.leaderName(), now.pickupPointName(), score, score >= alertScore, reasons,
				now.salesFen(), salesBefore, now.customers(), customersBefore, now.complaints(), complaintsBefore,
				signalCount);
	}

	/** The drop from before to now in whole percent (0 when nothing before or no drop). */
	static int drop(long before, long now) {
		return before <= 0 || now >= before ? 0 : (int) Math.round((before - now) * 100.0 / before);
	}

	/** An operator records a competitor signal about a leader of their regions. */
	@Transactional
	public Signal recordSignal(Actor actor, LeaderId id, String note) {
		Leader leader = visible(actor, id);
		String clean = note == null ? "" : note.trim();
		if (clean.isEmpty()) {
			throw new InvalidInputException("note", Text.of("leader.problem.required"));
		}
		if (clean.length() > 200) {
			throw new InvalidInputException("note", Text.of("leader.problem.churnNoteTooLong", 200));
		}
		return queries.recordSignal(leader.id(), clean, clock.instant(), actor.accountIdOrNull());
	}

	public List<Signal> signals(Actor actor, LeaderId id) {
		return queries.signals(visible(actor, id).id());
	}

	private Leader visible(Actor actor, LeaderId id) {
		Leader leader = leaders.get(id);
		if (!actor.worksIn(leader.regionId().value())) {
			throw new NotFoundException("leader", id);
		}
		return leader;
	}
}
