package com.linli.inventory;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.linli.Api;
import com.linli.Deadline;
import com.linli.IntegrationTest;
import com.linli.catalog.Sku;
import com.linli.fulfilment.FulfilmentFixtures;
import com.linli.inventory.internal.forecast.ForecastJob;
import com.linli.inventory.internal.forecast.PointDemands;
import com.linli.marketing.Listing;
import com.linli.marketing.MarketingFixtures;
import com.linli.network.PickupPoint;
import com.linli.network.Region;
import com.linli.ordering.OrderingFixtures;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * Demand per pickup point from the cutoffs, and the nightly job forecasting each pickup point so that a SKU's
 * points add up to its region forecast every day; every baseline scored beside Linli. Through HTTP.
 */
@IntegrationTest
class PointForecastIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	ApplicationContext context;

	@Autowired
	ForecastJob job;

	@Autowired
	PointDemands pointDemands;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Clock clock;

	/** Units per weekday (Monday first) at the three points: A and B sell every open day, C one unit on Mondays. */
	static final long[] A = { 6, 6, 6, 6, 12, 6, 0 };

	static final long[] B = { 3, 3, 3, 3, 6, 3, 0 };

	static final long[] C = { 1, 0, 0, 0, 0, 0, 0 };

	@Test
	void aCutoffRecordsTheUnitsOfEachPickupPoint() {
		var world = new OrderingFixtures(context, port);
		var day = new FulfilmentFixtures(world, port);
		PickupPoint other = world.anotherPickupPoint();
		Listing apples = world.listing("红富士苹果", "19.90", 100, 5);
		day.paidOrder(world.resident(), apples, 3);
		day.paidOrder(world.resident(other), apples, 2);
		day.paidOrder(world.resident(other), apples, 4);
		assertThat(day.cutoff(day.operator()).get("status").asText()).isEqualTo("COMPLETED");

		Deadline deadline = Deadline.inMillis(20_000);
		Map<Long, Long> units = Map.of();
		while (!deadline.passed() && units.size() < 2) {
			units = pointUnits(world.region, apples, world.pickupDate);
		}
		assertThat(units).containsExactlyInAnyOrderEntriesOf(Map.of(world.pickupPoint.id().value(), 3L, other.id().value(), 6L));
	}

	private Map<Long, Long> pointUnits(Region region, Listing listing, LocalDate date) {
		Map<Long, Long> units = new HashMap<>();
		jdbc.sql("select pickup_point_id, units from inventory.point_demand where region_id = ? and sku_id = ? and demand_date = ?")
			.params(region.id().value(), listing.skuId().value(), date)
			.query(rs -> {
				units.put(rs.getLong(1), rs.getLong(2));
			});
		return units;
	}

	@Test
	void theJobForecastsEachPickupPointSoThatThePointsAddUpToTheRegionAndScoresEveryBaseline() {
		var fixtures = new MarketingFixtures(context);
		Region region = fixtures.region();
		PickupPoint a = fixtures.pickupPoint(region, "甲" + MarketingFixtures.next(), 30.28, 120.13);
		PickupPoint b = fixtures.pickupPoint(region, "乙" + MarketingFixtures.next(), 30.29, 120.14);
		PickupPoint c = fixtures.pickupPoint(region, "丙" + MarketingFixtures.next(), 30.30, 120.15);
		Sku greens = fixtures.sku(fixtures.category("蔬菜" + MarketingFixtures.next(), 1), "上海青", "500g/袋");
		Api staff = Api.at(port).asAdmin();
		LocalDate today = LocalDate.now(clock.withZone(ZoneId.of("Asia/Shanghai")));
		// ten weeks of history: the region's units are the three points' (10, 9, 9, 9, 18, 9, closed Sundays)
		List<PointDemands.Row> rows = new ArrayList<>();
		for (LocalDate d = today.minusDays(69); !d.isAfter(today); d = d.plusDays(1)) {
			int w = d.getDayOfWeek().getValue() - 1;
			long total = A[w] + B[w] + C[w];
			if (total > 0) {
				record(staff, region, greens, d, total);
				rows.add(new PointDemands.Row(a.id(), greens.id(), d, A[w], false));
				rows.add(new PointDemands.Row(b.id(), greens.id(), d, B[w], false));
				if (C[w] > 0) {
					rows.add(new PointDemands.Row(c.id(), greens.id(), d, C[w], false));
				}
			}
		}
		pointDemands.record(region.id(), rows, Instant.now(clock));
		// the job as it ran a week ago (what it knew then), then tonight's through the API
		job.forecastAsOf(region.id(), today.minusDays(7));
		runJob(staff, region);

		JsonNode regional = staff.get("/api/forecasts/regions/" + region.id() + "/skus/" + greens.id()).json();
		JsonNode points = staff.get("/api/forecasts/regions/" + region.id() + "/skus/" + greens.id() + "/points").json();
		assertThat(points).hasSize(3);
		Map<Long, JsonNode> byPoint = new HashMap<>();
		points.forEach(p -> byPoint.put(p.get("pickupPointId").asLong(), p));
		// A and B sell more than a unit a day for weeks: forecast on their own; C takes its share
		assertThat(byPoint.get(a.id().value()).get("method").asText()).isEqualTo("linli");
		assertThat(byPoint.get(b.id().value()).get("method").asText()).isEqualTo("linli");
		assertThat(byPoint.get(c.id().value()).get("method").asText()).isEqualTo("share");
		assertThat(byPoint.get(a.id().value()).get("pickupPointName").asText()).isEqualTo(a.name());
		// shares over the last 56 days (8 weeks): A 8 × 42 = 336, B 168, C 8 of 512
		for (int h = 0; h < 7; h++) {
			JsonNode ahead = regional.get("ahead").get(h);
			LocalDate d = LocalDate.parse(ahead.get("date").asText());
			int w = d.getDayOfWeek().getValue() - 1;
			// the region's median is the weekly pattern; its mean (a combination of methods) is what the points split
			assertThat(ahead.get("forecastUnits").asDouble()).as(d.toString()).isEqualTo(A[w] + B[w] + C[w], within(1e-9));
			double expected = ahead.get("expectedUnits").asDouble();
			double sum = 0;
			for (JsonNode p : points) {
				JsonNode day = p.get("days").get(h);
				assertThat(day.get("date").asText()).isEqualTo(d.toString());
				assertThat(day.get("p50").asDouble()).isLessThanOrEqualTo(day.get("p80").asDouble());
				assertThat(day.get("p80").asDouble()).isLessThanOrEqualTo(day.get("p95").asDouble());
				sum += day.get("mean").asDouble();
			}
			assertThat(sum).as("points add up to the region on " + d).isEqualTo(expected, within(0.002));
			// the direct points split 504/512 of the region by their own forecasts (6 : 3), C takes 8/512
			double direct = expected * 504 / 512;
			assertThat(mean(byPoint.get(a.id().value()), h)).isEqualTo(A[w] == 0 ? 0 : direct * A[w] / (A[w] + B[w]), within(0.001));
			assertThat(mean(byPoint.get(b.id().value()), h)).isEqualTo(B[w] == 0 ? 0 : direct * B[w] / (A[w] + B[w]), within(0.001));
			assertThat(mean(byPoint.get(c.id().value()), h)).isEqualTo(expected * 8 / 512, within(0.001));
		}

		// the week's scores: Linli and seasonal naive exact on a weekly pattern; the 28-day mean 64/7 every day
		JsonNode methods = staff.get("/api/forecasts/regions/" + region.id() + "/methods?days=7").json();
		Map<String, JsonNode> byMethod = new HashMap<>();
		methods.forEach(m -> byMethod.put(m.get("method").asText(), m));
		assertThat(byMethod).containsOnlyKeys("linli", "seasonal-naive", "moving-average-28", "ses-weekday");
		assertThat(byMethod.get("linli").get("days").asInt()).isEqualTo(6);
		assertThat(byMethod.get("linli").get("actualUnits").asLong()).isEqualTo(64);
		assertThat(byMethod.get("linli").get("accuracy").asDouble()).isEqualTo(1, within(1e-9));
		assertThat(byMethod.get("seasonal-naive").get("accuracy").asDouble()).isEqualTo(1, within(1e-9));
		// |10 − 64/7| + 4 × |9 − 64/7| + |18 − 64/7| = 72/7 over 64 units
		assertThat(byMethod.get("moving-average-28").get("accuracy").asDouble()).isEqualTo(47.0 / 56, within(1e-3));
		assertThat(byMethod.get("moving-average-28").get("days").asInt()).isEqualTo(6);
		// the strong baseline's index is the series' own on a pattern this regular: exact as well
		assertThat(byMethod.get("ses-weekday").get("accuracy").asDouble()).isEqualTo(1, within(1e-6));

		// an operator of another region sees none of it
		Api stranger = MarketingFixtures.operatorOf(Api.at(port), fixtures.region());
		assertThat(stranger.get("/api/forecasts/regions/" + region.id() + "/skus/" + greens.id() + "/points").status())
			.isEqualTo(403);
		assertThat(stranger.get("/api/forecasts/regions/" + region.id() + "/methods").status()).isEqualTo(403);
		assertThat(staff.get("/api/forecasts/regions/" + region.id() + "/methods?days=0").errorFields())
			.containsExactly("days");
	}

	private static double mean(JsonNode point, int h) {
		return point.get("days").get(h).get("mean").asDouble();
	}

	private static void record(Api staff, Region region, Sku sku, LocalDate date, long units) {
		var body = new HashMap<String, Object>(Map.of("regionId", region.id().value(), "skuId", sku.id().value(), "date",
				date.toString(), "units", units));
		var r = staff.put("/api/forecasts/demand", body);
		assertThat(r.status()).as(r.toString()).isEqualTo(200);
	}

	private static JsonNode awaitJob(Api staff) {
		return ForecastRuns.await(staff);
	}

	private static void runJob(Api staff, Region region) {
		awaitJob(staff);
		var started = staff.post("/api/forecasts/runs?regionId=" + region.id(), "{}");
		if (started.status() == 409) {
			awaitJob(staff);
			started = staff.post("/api/forecasts/runs?regionId=" + region.id(), "{}");
		}
		assertThat(started.status()).as(started.toString()).isEqualTo(202);
		JsonNode done = awaitJob(staff);
		assertThat(done.get("lastError") == null || done.get("lastError").isNull()).as(done.toString()).isTrue();
		assertThat(done.get("percent").asInt()).isEqualTo(100);
	}
}
