package com.linli.leader.internal;

import java.util.List;
import java.util.Optional;
import java.util.Set;

import com.linli.shared.ConsoleFigures;

import org.springframework.stereotype.Component;

/** Active leaders in the viewer's regions, for the console home. */
@Component
class LeaderFigures implements ConsoleFigures {

	private final Leaders leaders;

	LeaderFigures(Leaders leaders) {
		this.leaders = leaders;
	}

	@Override
	public List<Figure> figures(Optional<Set<Long>> regionScope) {
		Long[] regions = regionScope.map(ids -> ids.toArray(Long[]::new)).orElse(null);
		return List.of(new Figure(12, "leader.figure.active", String.format("%,d", leaders.countActive(regions)),
				"/console/leaders?status=ACTIVE"));
	}
}
