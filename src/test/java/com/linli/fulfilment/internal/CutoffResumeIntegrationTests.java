package com.linli.fulfilment.internal;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.linli.Api;
import com.linli.IntegrationTest;
import com.linli.fulfilment.CutoffManagement;
import com.linli.fulfilment.CutoffRun;
import com.linli.fulfilment.CutoffStatus;
import com.linli.fulfilment.FulfilmentFixtures;
import com.linli.fulfilment.internal.CutoffInterruption.CutoffInterrupted;
import com.linli.identity.Actor;
import com.linli.marketing.Listing;
import com.linli.network.PickupPoint;
import com.linli.ordering.OrderingFixtures;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A cutoff killed half way (the test hook stops it right after some pickup points were committed, as
 * a crash would) and started again ends with exactly the sorting lists of an uninterrupted run on the
 * same orders: every confirmed line once, none missing. The scheduled job runs due cutoffs and
 * resumes stalled ones.
 */
@IntegrationTest
class CutoffResumeIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	ApplicationContext context;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Clock clock;

	@Autowired
	CutoffManagement cutoffs;

	@Autowired
	CutoffInterruption interruption;

	@Autowired
	CutoffSchedule schedule;

	@AfterEach
	void disarm() {
		interruption.disarm();
	}

	@Test
	void aCutoffKilledHalfWayResumesAndEndsWithTheSameListsAsAnUninterruptedOne() {
		var interrupted = new Region(3);
		var uninterrupted = new Region(3);

		interruption.arm(interrupted.world.region.id(), 2);
		assertThatThrownBy(() -> cutoffs.run(interrupted.world.region.id(), interrupted.world.pickupDate, Actor.system("test")))
			.isInstanceOf(CutoffInterrupted.class);

		CutoffRun halfWay = cutoffs.find(interrupted.world.region.id(), interrupted.world.pickupDate, Actor.system("test")).orElseThrow();
		assertThat(halfWay.status()).isEqualTo(CutoffStatus.RUNNING);
		assertThat(halfWay.lastError()).contains("interrupted");
		List<PickupPoint> byId = interrupted.points.stream().sorted(Comparator.comparing(p -> p.id().value())).toList();
		assertThat(halfWay.lastPickupPointId()).isEqualTo(byId.get(1).id());
		assertThat(halfWay.lines()).isEqualTo(6);
		assertThat(halfWay.progressPercent()).isBetween(5, 89);
		assertThat(jdbc.sql("select distinct pickup_point_id from fulfilment.sorting_line where run_id = ?")
			.param(halfWay.id().value()).query(Long.class).list())
			.containsExactlyInAnyOrder(byId.get(0).id().value(), byId.get(1).id().value());

		CutoffRun resumed = cutoffs.run(interrupted.world.region.id(), interrupted.world.pickupDate, Actor.system("test"));
		CutoffRun straight = cutoffs.run(uninterrupted.world.region.id(), uninterrupted.world.pickupDate, Actor.system("test"));

		assertThat(resumed.status()).isEqualTo(CutoffStatus.COMPLETED);
		assertThat(resumed.attempts()).isEqualTo(2);
		assertThat(resumed.id()).isEqualTo(halfWay.id());
		assertThat(straight.attempts()).isEqualTo(1);
		assertThat(List.of(resumed.orders(), resumed.lines(), resumed.units(), resumed.pickupPoints()))
			.isEqualTo(List.of(straight.orders(), straight.lines(), straight.units(), straight.pickupPoints()))
			.isEqualTo(List.of(6, 9L, 3 * (1 + 2 + 3L), 3));
		assertThat(interrupted.sortingLines(resumed)).isEqualTo(uninterrupted.sortingLines(straight));
		assertThat(interrupted.pickLines(resumed)).isEqualTo(uninterrupted.pickLines(straight));
		assertThat(interrupted.demand(resumed)).isEqualTo(uninterrupted.demand(straight))
			.isEqualTo(Map.of("红富士苹果", 12L, "土鸡蛋 30枚", 6L));
		assertThat(confirmedLines(interrupted)).isEqualTo(writtenLines(resumed));
	}

	@Test
	void aResumedRunThatFindsNewlyPaidOrdersStartsOverWithoutWritingAnyLineTwice() {
		var region = new Region(2);
		interruption.arm(region.world.region.id(), 1);
		assertThatThrownBy(() -> cutoffs.run(region.world.region.id(), region.world.pickupDate, Actor.system("test")))
			.isInstanceOf(CutoffInterrupted.class);

		// paid after the first attempt confirmed the others, at the pickup point already written
		PickupPoint first = region.points.stream().min(Comparator.comparing(p -> p.id().value())).orElseThrow();
		var late = region.world.resident(first);
		region.day.paidOrder(late, region.eggs, 4);

		CutoffRun run = cutoffs.run(region.world.region.id(), region.world.pickupDate, Actor.system("test"));
		assertThat(run.status()).isEqualTo(CutoffStatus.COMPLETED);
		assertThat(run.lines()).isEqualTo(2 * 3 + 1);
		assertThat(confirmedLines(region)).isEqualTo(writtenLines(run)).hasSize(7);
		assertThat(region.demand(run)).containsEntry("土鸡蛋 30枚", 4L + 4);
	}

	@Test
	void theScheduledJobRunsDueCutoffsAndResumesStalledOnes() {
		var region = new Region(2);
		var dan = region.world.resident(region.points.get(0));
		long unpaid = region.day.order(dan, region.apples, 1).get("id").asLong();
		// the sale session is over: every order of the region and date is past its cutoff
		jdbc.sql("update ordering.orders set cutoff_at = ? where region_id = ?")
			.params(java.sql.Timestamp.from(clock.instant().minusSeconds(60)), region.world.region.id().value()).update();

		interruption.arm(region.world.region.id(), 1);
		// other tests' regions may be due too (after 23:00 every listing of tomorrow is): this region's run is asked
		schedule.runDue(clock.instant());
		CutoffRun stalled = cutoffs.find(region.world.region.id(), region.world.pickupDate, Actor.system("test")).orElseThrow();
		assertThat(stalled.status()).isEqualTo(CutoffStatus.RUNNING);
		assertThat(dan.get("/api/orders/" + unpaid).json().get("status").asText()).isEqualTo("CANCELLED");

		schedule.runDue(clock.instant());
		assertThat(cutoffs.find(region.world.region.id(), region.world.pickupDate, Actor.system("test")).orElseThrow()
			.status()).as("not stalled for a minute yet").isEqualTo(CutoffStatus.RUNNING);
		jdbc.sql("update fulfilment.cutoff_run set updated_at = ? where id = ?")
			.params(java.sql.Timestamp.from(clock.instant().minusSeconds(120)), stalled.id().value()).update();
		assertThat(schedule.runDue(clock.instant())).isGreaterThanOrEqualTo(1);
		CutoffRun done = cutoffs.find(region.world.region.id(), region.world.pickupDate, Actor.system("test")).orElseThrow();
		assertThat(done.status()).isEqualTo(CutoffStatus.COMPLETED);
		assertThat(done.lines()).isEqualTo(6);
		assertThat(confirmedLines(region)).isEqualTo(writtenLines(done));
	}

	/** order line id -> units, of the region's confirmed orders, as ordering holds them. */
	private Map<Long, Integer> confirmedLines(Region region) {
		Map<Long, Integer> lines = new HashMap<>();
		jdbc.sql("""
				select l.id, l.quantity - l.refunded_quantity from ordering.order_line l
				  join ordering.orders o on o.id = l.order_id
				 where o.region_id = ? and o.pickup_date = ? and o.status = 'CONFIRMED'""")
			.params(region.world.region.id().value(), region.world.pickupDate)
			.query(rs -> {
				lines.put(rs.getLong(1), rs.getInt(2));
			});
		return lines;
	}

	/** order line id -> units in the run's sorting lines; a line written twice would fail the primary key. */
	private Map<Long, Integer> writtenLines(CutoffRun run) {
		Map<Long, Integer> lines = new HashMap<>();
		jdbc.sql("select order_line_id, quantity from fulfilment.sorting_line where run_id = ?").param(run.id().value())
			.query(rs -> {
				assertThat(lines.put(rs.getLong(1), rs.getInt(2))).as("line %s once", rs.getLong(1)).isNull();
			});
		return lines;
	}

	/**
	 * A region with {@code pointCount} pickup points; at each, one resident orders 1 apple and 2 eggs
	 * and another 3 apples, both paid.
	 */
	private final class Region {

		final OrderingFixtures world;

		final FulfilmentFixtures day;

		final List<PickupPoint> points = new ArrayList<>();

		final Listing apples;

		final Listing eggs;

		Region(int pointCount) {
			world = new OrderingFixtures(context, port);
			day = new FulfilmentFixtures(world, port);
			points.add(world.pickupPoint);
			for (int i = 1; i < pointCount; i++) {
				points.add(world.anotherPickupPoint());
			}
			apples = world.listing("红富士苹果", "19.90", 500, 5);
			eggs = world.listing("土鸡蛋 30枚", "22.80", 500, 5);
			for (PickupPoint point : points) {
				Api one = world.resident(point);
				Api two = world.resident(point);
				day.paidOrder(one, apples, 1, eggs, 2);
				day.paidOrder(two, apples, 3);
			}
		}

		/** The run's sorting lines, independent of ids: (pickup point rank, product, units), sorted. */
		List<String> sortingLines(CutoffRun run) {
			Map<Long, Integer> rank = ranks();
			return jdbc.sql("select pickup_point_id, sku_name, quantity from fulfilment.sorting_line where run_id = ?")
				.param(run.id().value())
				.query((rs, n) -> rank.get(rs.getLong(1)) + "|" + rs.getString(2) + "|" + rs.getInt(3)).list().stream()
				.sorted().toList();
		}

		List<String> pickLines(CutoffRun run) {
			Map<Long, Integer> rank = ranks();
			return jdbc.sql("select pickup_point_id, sku_name, lines, units from fulfilment.pick_line where run_id = ?")
				.param(run.id().value())
				.query((rs, n) -> rank.get(rs.getLong(1)) + "|" + rs.getString(2) + "|" + rs.getInt(3) + "|" + rs.getLong(4))
				.list().stream().sorted().toList();
		}

		Map<String, Long> demand(CutoffRun run) {
			Map<String, Long> demand = new HashMap<>();
			cutoffs.demand(run.id(), Actor.system("test")).forEach(d -> demand.put(d.skuName(), d.units()));
			return demand;
		}

		private Map<Long, Integer> ranks() {
			Map<Long, Integer> rank = new HashMap<>();
			var sorted = points.stream().map(p -> p.id().value()).sorted().toList();
			for (int i = 0; i < sorted.size(); i++) {
				rank.put(sorted.get(i), i);
			}
			return rank;
		}
	}
}
