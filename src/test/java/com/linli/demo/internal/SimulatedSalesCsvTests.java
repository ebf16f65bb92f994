package com.linli.demo.internal;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.LocalDate;

import com.linli.demo.CityGenerator;
import com.linli.demo.DaySettings;
import com.linli.demo.DemoSettings;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SimulatedSalesCsvTests {

	static String history(long seed, boolean byRegion) {
		var plan = new CityGenerator().generate(DemoSettings.defaults().withSeed(seed).withCommunities(4).withResidents(300));
		StringWriter out = new StringWriter();
		SimulatedSalesCsv.write(plan, LocalDate.of(2026, 1, 1), 10, DaySettings.DEFAULT_SHOPPER_SHARE, byRegion,
				new PrintWriter(out));
		return out.toString();
	}

	@Test
	void theSameSeedGivesTheSameHistoryAndAnotherSeedAnother() {
		String first = history(7, false);
		assertThat(first).startsWith("date,store,item,quantity\n2026-01-01,P");
		assertThat(history(7, false)).isEqualTo(first);
		assertThat(history(8, false)).isNotEqualTo(first);
		assertThat(first.lines().skip(1).map(l -> l.split(",")[0]).distinct().count()).isEqualTo(10);
	}

	@Test
	void perRegionIsTheSumOfThePickupPoints() {
		long points = history(7, false).lines().skip(1).mapToLong(l -> Long.parseLong(l.split(",")[3])).sum();
		long region = history(7, true).lines().skip(1).mapToLong(l -> Long.parseLong(l.split(",")[3])).sum();
		assertThat(points).isPositive().isEqualTo(region);
	}
}
