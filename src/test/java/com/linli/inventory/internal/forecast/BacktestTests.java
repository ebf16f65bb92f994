package com.linli.inventory.internal.forecast;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class BacktestTests {

	static final LocalDate START = LocalDate.of(2026, 3, 2);

	/** Three weeks at 1, 2 and 4 units a day: two folds, whose answers are known by hand. */
	static Backtest.Data steps() {
		double[] units = new double[21];
		for (int t = 0; t < 21; t++) {
			units[t] = t < 7 ? 1 : t < 14 ? 2 : 4;
		}
		return new Backtest.Data(START, 21, Map.of("S", List.of(DemandSeries.of("S/x", units))));
	}

	@Test
	void wapeOfKnownSeriesOverTwoFolds() {
		List<Integer> progress = new ArrayList<>();
		var result = new Backtest(2, 7, Set.of()).run(steps(), Backtest.standardMethods(), progress::add);
		// seasonal-naive: fold 1 says 1 for 2 (error 7), fold 2 says 2 for 4 (error 14); 21 / 42 sold
		assertThat(result.wape().get("seasonal-naive")).isEqualTo(0.5, within(1e-12));
		// moving average of what there is: fold 1 says 1 (error 7), fold 2 says 1.5 (error 17.5)
		assertThat(result.wape().get("moving-average-28")).isEqualTo(24.5 / 42, within(1e-12));
		assertThat(result.wapeByFold().get("seasonal-naive")).containsExactly(0.5, 0.5);
		assertThat(result.foldStarts()).containsExactly(START.plusDays(7), START.plusDays(14));
		assertThat(result.actualUnits()).isEqualTo(42);
		assertThat(progress).containsExactly(50, 100);
	}

	@Test
	void aMethodSeesOnlyTheDaysBeforeItsFold() {
		Map<String, DemandModel> methods = new LinkedHashMap<>();
		List<Integer> seen = new ArrayList<>();
		methods.put("peek", (past, calendar, horizon) -> {
			seen.add(past.get(0).days());
			double[] last = new double[horizon];
			java.util.Arrays.fill(last, past.get(0).units()[past.get(0).days() - 1]);
			return past.stream().map(s -> new Prediction(last, last, last, last, "peek")).toList();
		});
		new Backtest(2, 7, Set.of()).run(steps(), methods, p -> {
		});
		assertThat(seen).containsExactly(7, 14);
	}

	@Test
	void readsCsvWithZeroFilledDaysAndPrintsTheTable() throws Exception {
		String csv = """
				date,store,item,quantity
				2026-03-02,UK,A,3
				2026-03-02,UK,A,2
				2026-03-04,UK,B,1
				2026-03-10,UK,A,4
				""";
		var data = ForecastBacktest.read(new StringReader(csv));
		assertThat(data.start()).isEqualTo(START);
		assertThat(data.days()).isEqualTo(9);
		var series = data.groups().get("UK");
		assertThat(series).extracting(DemandSeries::key).containsExactly("UK/A", "UK/B");
		assertThat(series.get(0).units()).containsExactly(5, 0, 0, 0, 0, 0, 0, 0, 4);
		assertThat(series.get(1).units()).containsExactly(0, 0, 1, 0, 0, 0, 0, 0, 0);

		var out = new ByteArrayOutputStream();
		ForecastBacktest.run(steps(), new Backtest(2, 7, Set.of()), "steps", new PrintStream(out, true, StandardCharsets.UTF_8));
		String printed = out.toString(StandardCharsets.UTF_8);
		assertThat(printed).contains("backtest 100%").containsPattern("seasonal-naive\\s+0\\.500");
	}

	@Test
	void badInputIsRefusedWithTheLine() {
		assertThatThrownBy(() -> ForecastBacktest.read(new StringReader("2026-03-02,UK,A,-1\n")))
			.hasMessageContaining("line 1");
		assertThatThrownBy(() -> ForecastBacktest.read(new StringReader("date,store,item,quantity\n2026-03-02,UK,A\n")))
			.hasMessageContaining("line 2");
		assertThatThrownBy(() -> new Backtest(8, 7, Set.of()).run(steps(), Backtest.standardMethods(), p -> {
		})).hasMessageContaining("21 days");
	}
}
