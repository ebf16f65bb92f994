package com.linli.analytics;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import com.linli.analytics.internal.rfm.RfmScoring;
import com.linli.analytics.internal.rfm.RfmScoring.Scored;
import com.linli.analytics.internal.rfm.Segment;
import com.linli.ordering.ResidentOrderFigures.Buyer;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** RFM quintile scores and segments on a fixed set of ten buyers, computed by hand. */
class RfmScoringTests {

	static final LocalDate AS_OF = LocalDate.of(2026, 12, 1);

	static Buyer buyer(long id, int firstDaysAgo, int lastDaysAgo, int orders, long fen) {
		return new Buyer(id, AS_OF.minusDays(firstDaysAgo), AS_OF.minusDays(lastDaysAgo), orders, fen);
	}

	/**
	 * n = 10: score = 1 + floor(5 × b / 10) with b the buyers strictly worse: b 0–1 → 1, 2–3 → 2, 4–5 → 3, 6–7 → 4,
	 * 8–9 → 5. Recency days 1, 2, 3, 4, 5, 150, 200, 250, 400, 500; orders 6, 5, 4, 2, 1, 2, 4, 3, 0, 0; fen 600,
	 * 400, 200, 40, 30, 80, 240, 210, 0, 0.
	 */
	static final List<Buyer> TEN = List.of(buyer(1, 90, 1, 6, 600), buyer(2, 100, 2, 5, 400), buyer(3, 120, 3, 4, 200),
			buyer(8, 100, 4, 2, 40), buyer(4, 5, 5, 1, 30), buyer(6, 300, 150, 2, 80), buyer(5, 260, 200, 4, 240),
			buyer(10, 310, 250, 3, 210), buyer(7, 400, 400, 0, 0), buyer(9, 600, 500, 0, 0));

	@Test
	void quintilesWithinTheRegionAndEqualValuesGetEqualScores() {
		Map<Long, Scored> s = RfmScoring.score(TEN, AS_OF).stream()
			.collect(Collectors.toMap(Scored::residentId, Function.identity()));
		// recency: b = buyers with more days since their last order
		assertThat(List.of(s.get(1L).r(), s.get(2L).r(), s.get(3L).r(), s.get(8L).r(), s.get(4L).r(), s.get(6L).r(),
				s.get(5L).r(), s.get(10L).r(), s.get(7L).r(), s.get(9L).r())).containsExactly(5, 5, 4, 4, 3, 3, 2, 2, 1, 1);
		// frequency: 6→b9→5, 5→b8→5, 4 (two)→b6→4, 3→b5→3, 2 (two)→b3→2, 1→b2→2, 0 (two)→b0→1
		assertThat(List.of(s.get(1L).f(), s.get(2L).f(), s.get(3L).f(), s.get(5L).f(), s.get(10L).f(), s.get(6L).f(),
				s.get(8L).f(), s.get(4L).f(), s.get(7L).f(), s.get(9L).f())).containsExactly(5, 5, 4, 4, 3, 2, 2, 2, 1, 1);
		// monetary: 600→5, 400→5, 240→4, 210→4, 200→3, 80→3, 40→2, 30→2, 0 (two)→1
		assertThat(List.of(s.get(1L).m(), s.get(2L).m(), s.get(5L).m(), s.get(10L).m(), s.get(3L).m(), s.get(6L).m(),
				s.get(8L).m(), s.get(4L).m(), s.get(7L).m(), s.get(9L).m())).containsExactly(5, 5, 4, 4, 3, 3, 2, 2, 1, 1);
		assertThat(s.get(1L).recencyDays()).isEqualTo(1);
		assertThat(s.get(9L).recencyDays()).isEqualTo(500);
	}

	@Test
	void segmentsFollowTheRuleTable() {
		Map<Long, Segment> s = RfmScoring.score(TEN, AS_OF).stream()
			.collect(Collectors.toMap(Scored::residentId, Scored::segment));
		assertThat(s).containsEntry(1L, Segment.CHAMPIONS) // 5 5 5
			.containsEntry(2L, Segment.CHAMPIONS) // 5 5 5
			.containsEntry(3L, Segment.LOYAL) // 4 4 3
			.containsEntry(4L, Segment.NEW) // first order 5 days ago
			.containsEntry(5L, Segment.AT_RISK) // 2 4 4
			.containsEntry(6L, Segment.POTENTIAL) // 3 2 3
			.containsEntry(7L, Segment.LOST) // 1 1 1
			.containsEntry(8L, Segment.POTENTIAL) // 4 2 2
			.containsEntry(9L, Segment.LOST) // 1 1 1
			.containsEntry(10L, Segment.AT_RISK); // 2 3 4
	}

	@Test
	void ruleTableEdges() {
		assertThat(Segment.of(5, 5, 5, 29)).isEqualTo(Segment.NEW);
		assertThat(Segment.of(5, 5, 5, 30)).isEqualTo(Segment.CHAMPIONS);
		assertThat(Segment.of(2, 2, 5, 100)).isEqualTo(Segment.HIBERNATING);
		assertThat(Segment.of(1, 2, 5, 100)).isEqualTo(Segment.LOST);
		assertThat(Segment.of(1, 3, 1, 100)).isEqualTo(Segment.AT_RISK);
		assertThat(Segment.of(3, 4, 1, 100)).isEqualTo(Segment.LOYAL);
	}

	@Test
	void everyoneEqualScoresEveryoneOne() {
		var same = List.of(buyer(1, 50, 10, 2, 100), buyer(2, 50, 10, 2, 100), buyer(3, 50, 10, 2, 100));
		assertThat(RfmScoring.score(same, AS_OF)).allSatisfy(s -> {
			assertThat(s.r()).isEqualTo(1);
			assertThat(s.f()).isEqualTo(1);
			assertThat(s.m()).isEqualTo(1);
		});
	}

	@Test
	void segmentsParseFromPaths() {
		assertThat(Segment.parse("at-risk")).isEqualTo(Segment.AT_RISK);
		assertThat(Segment.parse("CHAMPIONS")).isEqualTo(Segment.CHAMPIONS);
	}
}
