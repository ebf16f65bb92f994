package com.linli.leader.internal.performance;

import java.util.List;

import com.linli.leader.LeaderId;
import com.linli.leader.LeaderPerformanceManagement;
import com.linli.shared.PickupPointFigures;

import org.springframework.stereotype.Component;

/** The leader's place in the region by this month's sales, on the workbench, leading to their performance page. */
@Component
class RankDayFigures implements PickupPointFigures {

	private final LeaderPerformanceManagement performance;

	RankDayFigures(LeaderPerformanceManagement performance) {
		this.performance = performance;
	}

	@Override
	public List<Figure> figures(Day day) {
		var place = performance.monthPlace(new LeaderId(day.leaderId()), day.date());
		String value = place[0] > 0 ? place[0] + "/" + place[1] : "–";
		return List.of(new Figure(45, "rank", "leader.performance.figure.rankToday", value, "/leader/performance"));
	}
}
