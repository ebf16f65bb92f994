package com.linli.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import com.linli.IntegrationTest;
import com.linli.demo.YearOfCity.DayFigures;
import com.linli.demo.YearOfCity.YearSettings;
import com.linli.demo.internal.FraudRing;
import com.linli.identity.AccountManagement;
import com.linli.network.ResidentBindingManagement;
import com.linli.ordering.OrderSalesFigures;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A small year (3 days, 10 pickup points, 300 residents) bulk-loaded: what ordering's own figures say was handed
 * out and paid each day is what the generator planned, a second load imports nothing, and the planted fraud ring
 * is there (one phone prefix, one pickup point, one device, one inviter, bursts of orders cancelled in minutes).
 */
@IntegrationTest
class YearOfCityIntegrationTests {

	@Autowired
	YearOfCity year;

	@Autowired
	OrderSalesFigures figures;

	@Autowired
	AccountManagement accounts;

	@Autowired
	ResidentBindingManagement bindings;

	@Autowired
	JdbcClient jdbc;

	@Test
	void ordersFiguresAreWhatTheGeneratorPlannedAndASecondLoadImportsNothing() {
		var settings = new YearSettings(11, 10, 300, 3, 1.0, "YRTA", "136009900", false);
		LocalDate lastDay = year.lastDay(settings);
		var loaded = year.load(settings, lastDay);
		List<DayFigures> planned = year.expected(settings, lastDay);
		assertThat(planned).hasSize(3);
		// 300 residents order a few dozen times a day, fewer on a quiet weekday (98 on the three days to 2026-12-07)
		assertThat(planned.stream().mapToInt(DayFigures::orders).sum()).isGreaterThan(50);
		assertThat(planned.stream().mapToLong(DayFigures::refundedFen).sum()).isPositive();

		Map<Long, OrderSalesFigures.Sold> byDay = figures.byDay(loaded.region().id(), loaded.firstDay(), lastDay).stream()
			.collect(Collectors.toMap(OrderSalesFigures.Sold::key, Function.identity()));
		for (DayFigures day : planned) {
			var sold = byDay.get(day.date().toEpochDay());
			assertThat(sold).as("figures of %s", day.date()).isNotNull();
			assertThat(sold.units()).as("units handed out on %s", day.date()).isEqualTo(day.units());
			assertThat(sold.paidFen()).as("paid for them on %s", day.date()).isEqualTo(day.paidFen());
		}
		assertThat(count("select count(*) from ordering.orders where region_id = ?", loaded))
			.isEqualTo(planned.stream().mapToInt(DayFigures::orders).sum());
		assertThat(count("""
				select count(*) from ordering.order_line l join ordering.orders o on o.id = l.order_id
				 where o.region_id = ?""", loaded)).isEqualTo(planned.stream().mapToInt(DayFigures::lines).sum());
		assertThat(count("select count(*) from ordering.orders where region_id = ? and status = 'CANCELLED'", loaded))
			.isEqualTo(planned.stream().mapToInt(DayFigures::cancelled).sum());
		assertThat(count("select coalesce(sum(refunded_fen), 0) from ordering.orders where region_id = ?", loaded))
			.isEqualTo(planned.stream().mapToLong(DayFigures::refundedFen).sum());

		var again = year.load(settings, lastDay);
		assertThat(again.cityCreated()).isFalse();
		assertThat(again.daysImported()).isZero();
		assertThat(again.daysSkipped()).isEqualTo(3);
		assertThat(count("select count(*) from ordering.orders where region_id = ?", loaded))
			.isEqualTo(planned.stream().mapToInt(DayFigures::orders).sum());
	}

	@Test
	void theFraudRingIsPlantedOnce() {
		var settings = new YearSettings(12, 10, 200, 2, 0.5, "YRTB", "136009800", true);
		LocalDate lastDay = year.lastDay(settings);
		var loaded = year.load(settings, lastDay);
		String prefix = FraudRing.phonePrefix(12, "YRTB");
		var members = java.util.stream.IntStream.rangeClosed(1, FraudRing.MEMBERS)
			.mapToObj(m -> accounts.findByPhone(prefix + String.format("%02d", m)).orElseThrow()).toList();
		var points = members.stream().map(m -> bindings.pickupPointOf(m.id()).orElseThrow().id()).distinct().toList();
		assertThat(points).hasSize(1);
		Long[] ids = members.stream().map(m -> m.id().value()).toArray(Long[]::new);
		assertThat(jdbc.sql("select count(distinct device_id) from marketing.referral where invitee_id = any(?)")
			.param(ids).query(Long.class).single()).isEqualTo(1);
		assertThat(jdbc.sql("select count(distinct inviter_id) from marketing.referral where invitee_id = any(?) and status = 'BOUND'")
			.param(ids).query(Long.class).single()).isEqualTo(1);
		// three bursts: every member places three orders cancelled within five minutes
		long bursts = jdbc.sql("""
				select count(*) from ordering.orders where resident_id = any(?) and status = 'CANCELLED'
				   and cancelled_at - created_at < interval '5 minutes' and pickup_point_id = ?""")
			.params(ids, points.get(0).value()).query(Long.class).single();
		assertThat(bursts).isEqualTo(3L * 3 * FraudRing.MEMBERS);
		long picked = count("select count(*) from ordering.orders where region_id = ? and status = 'PICKED_UP'", loaded);
		var again = year.load(settings, lastDay);
		assertThat(again.daysImported()).isZero();
		assertThat(count("select count(*) from ordering.orders where region_id = ? and status = 'PICKED_UP'", loaded))
			.isEqualTo(picked);
	}

	private long count(String sql, YearOfCity.LoadedYear loaded) {
		return jdbc.sql(sql).param(loaded.region().id().value()).query(Long.class).single();
	}
}
