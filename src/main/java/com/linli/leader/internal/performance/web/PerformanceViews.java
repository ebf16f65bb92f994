package com.linli.leader.internal.performance.web;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import com.linli.leader.LeaderPerformance;
import com.linli.leader.LeaderPerformanceManagement;
import com.linli.leader.LeaderPerformanceManagement.LeaderReport;
import com.linli.leader.LeaderPerformanceManagement.MonthlyReview;
import com.linli.leader.LeaderPerformanceManagement.RegionPerformance;
import com.linli.leader.LeaderPerformanceManagement.TrendPoint;

/** What the performance API answers: flat records, money in fen, rates in percent. */
final class PerformanceViews {

	private PerformanceViews() {
	}

	record PerformanceView(long leaderId, String leaderName, long pickupPointId, String pickupPointName, String status,
			int rank, long salesFen, long orders, long customers, long newCustomers, Double repurchaseRate,
			Long averageOrderFen, long receiptDays, long onTimeReceiptDays, Double onTimeReceiptRate, long readyOrders,
			long collectedWithinDay, Double collectedWithinDayRate, long complaints, Double complaintRate, long ratings,
			Double averageStars, long commissionFen) {

		static PerformanceView of(LeaderPerformance p) {
			return new PerformanceView(p.leaderId().value(), p.leaderName(), p.pickupPointId(), p.pickupPointName(),
					p.status().name(), p.rank(), p.salesFen(), p.orders(), p.customers(), p.newCustomers(),
					p.repurchaseRate(), p.averageOrderFen(), p.receiptDays(), p.onTimeReceiptDays(),
					p.onTimeReceiptRate(), p.readyOrders(), p.collectedWithinDay(), p.collectedWithinDayRate(),
					p.complaints(), p.complaintRate(), p.ratings(), p.averageStars(), p.commissionFen());
		}
	}

	record RankingView(long regionId, String period, LocalDate from, LocalDate to, String rankedBy,
			List<PerformanceView> leaders) {

		static RankingView of(RegionPerformance r) {
			return new RankingView(r.regionId().value(), r.period().name(), r.from(), r.to(), r.rankedBy().name(),
					r.leaders().stream().map(PerformanceView::of).toList());
		}
	}

	record TrendView(LocalDate from, long orders, long salesFen) {

		static List<TrendView> of(List<TrendPoint> trend) {
			return trend.stream().map(t -> new TrendView(t.from(), t.orders(), t.salesFen())).toList();
		}
	}

	record ReportView(String period, LocalDate from, LocalDate to, int leadersInRegion, PerformanceView performance,
			List<TrendView> trend) {

		static ReportView of(LeaderReport r) {
			return new ReportView(r.period().name(), r.from(), r.to(), r.leadersInRegion(),
					PerformanceView.of(r.performance()), TrendView.of(r.trend()));
		}
	}

	record ReviewLineView(String figure, Double value, Double previous, Double regionMedian) {
	}

	record ReviewView(String month, int leadersInRegion, PerformanceView current, PerformanceView previous,
			List<ReviewLineView> lines) {

		static ReviewView of(MonthlyReview r) {
			return new ReviewView(r.month().toString(), r.leadersInRegion(),
					r.current() == null ? null : PerformanceView.of(r.current()),
					r.previous() == null ? null : PerformanceView.of(r.previous()),
					r.lines().stream().map(l -> new ReviewLineView(l.figure().name(), l.value(), l.previous(),
							l.regionMedian())).toList());
		}
	}

	record DashboardView(long leaderId, LocalDate today, Map<String, Long> todayByStatus, long commissionTodayFen,
			long commissionMonthFen, int monthRank, int leadersInRegion, PerformanceView month,
			List<TrendView> trend) {

		static DashboardView of(LeaderPerformanceManagement.Dashboard d) {
			Map<String, Long> byStatus = new java.util.LinkedHashMap<>();
			d.todayByStatus().forEach((s, n) -> byStatus.put(s.name(), n));
			return new DashboardView(d.leader().id().value(), d.today(), byStatus, d.commissionTodayFen(),
					d.commissionMonthFen(), d.month().rank(), d.leadersInRegion(), PerformanceView.of(d.month()),
					TrendView.of(d.trend()));
		}
	}
}
