package com.linli.logistics.internal.performance;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;

import com.linli.logistics.DeliveryPerformance.Figures;
import com.linli.logistics.StopStatus;
import com.linli.logistics.internal.performance.DeliveryQueries.RouteRow;
import com.linli.logistics.internal.performance.DeliveryQueries.StopRow;

/** Adds up routes and stops into {@link Figures} (plain Java: unit-tested alone). */
public final class FiguresBuilder {

	private int routes;

	private int stops;

	private int onTime;

	private int late;

	private int skipped;

	private int pending;

	private long delaySeconds;

	private BigDecimal km = BigDecimal.ZERO;

	private long costFen;

	private int crates;

	private int orders;

	public FiguresBuilder route(RouteRow r) {
		routes++;
		km = km.add(BigDecimal.valueOf(r.km()));
		costFen += r.costFen();
		crates += r.crates();
		return this;
	}

	public FiguresBuilder stop(StopRow s) {
		stops++;
		orders += s.orders();
		if (s.status() == StopStatus.SKIPPED) {
			skipped++;
		}
		else if (s.arrivedAt() == null) {
			pending++;
		}
		else if (!s.arrivedAt().isAfter(s.windowEnd())) {
			onTime++;
		}
		else {
			late++;
			delaySeconds += Duration.between(s.windowEnd(), s.arrivedAt()).toSeconds();
		}
		return this;
	}

	/** Whole minutes late, rounded up (a stop one second late is one minute late). */
	public static int lateMinutes(StopRow s) {
		long seconds = Duration.between(s.windowEnd(), s.arrivedAt()).toSeconds();
		return (int) ((seconds + 59) / 60);
	}

	public Figures build() {
		int reached = onTime + late + skipped;
		BigDecimal percent = reached == 0 ? null
				: BigDecimal.valueOf(onTime * 100L).divide(BigDecimal.valueOf(reached), 1, RoundingMode.HALF_UP);
		BigDecimal delay = late == 0 ? null
				: BigDecimal.valueOf(delaySeconds).divide(BigDecimal.valueOf(60L * late), 1, RoundingMode.HALF_UP);
		return new Figures(routes, stops, onTime, late, skipped, pending, percent, delay, km.setScale(2, RoundingMode.HALF_UP),
				costFen, crates, orders, divide(costFen, crates), divide(costFen, orders));
	}

	private static Long divide(long fen, int by) {
		return by == 0 ? null : BigDecimal.valueOf(fen).divide(BigDecimal.valueOf(by), 0, RoundingMode.HALF_UP).longValue();
	}
}
