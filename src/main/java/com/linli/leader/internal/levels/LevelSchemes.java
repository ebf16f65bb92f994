package com.linli.leader.internal.levels;

import java.time.Instant;
import java.time.YearMonth;
import java.util.List;

import com.linli.leader.CategoryRate;
import com.linli.leader.CommissionBand;
import com.linli.leader.CommissionScheme;
import com.linli.leader.Leader;
import com.linli.leader.LeaderLevel;
import com.linli.leader.PenaltyKind;

import org.springframework.stereotype.Component;

/**
 * The band table an accrual uses for a leader: the bands of the leader's level in the region when it has its own
 * (with the region scheme's category rates), else the region's scheme. While a LOWER_BAND penalty is in force at
 * the pickup, the level one lower's bands when that level has its own, else every rate (bands and category rates)
 * cut by the region's configured reduction (never below 0).
 */
@Component
public class LevelSchemes {

	private final LevelStore levels;

	private final Penalties penalties;

	LevelSchemes(LevelStore levels, Penalties penalties) {
		this.levels = levels;
		this.penalties = penalties;
	}

	public CommissionScheme schemeFor(Leader leader, CommissionScheme regionScheme, YearMonth month, Instant at) {
		LeaderLevel level = levels.levelAt(leader.id(), month).map(r -> r.level()).orElse(null);
		CommissionScheme scheme = level == null ? regionScheme : ofLevel(leader, level, regionScheme);
		if (!penalties.inForce(leader.id(), PenaltyKind.LOWER_BAND, at)) {
			return scheme;
		}
		if (level != null && level.lower().isPresent()) {
			var lowerBands = levels.bands(leader.regionId(), level.lower().get());
			if (!lowerBands.isEmpty()) {
				return new CommissionScheme(leader.regionId(), lowerBands, regionScheme.overrides(), regionScheme.updatedAt());
			}
		}
		int cut = penalties.rules(leader.regionId()).lowerBandReductionBasisPoints();
		return reduced(scheme, cut);
	}

	private CommissionScheme ofLevel(Leader leader, LeaderLevel level, CommissionScheme regionScheme) {
		var bands = levels.bands(leader.regionId(), level);
		return bands.isEmpty() ? regionScheme
				: new CommissionScheme(leader.regionId(), bands, regionScheme.overrides(), regionScheme.updatedAt());
	}

	/** Every rate cut by {@code cut} basis points, never below 0 (the bands still rise: a uniform cut keeps order). */
	static CommissionScheme reduced(CommissionScheme scheme, int cut) {
		List<CommissionBand> bands = scheme.bands().stream()
			.map(b -> new CommissionBand(b.floor(), Math.max(0, b.rateBasisPoints() - cut))).toList();
		List<CategoryRate> overrides = scheme.overrides().stream()
			.map(o -> new CategoryRate(o.categoryId(), Math.max(0, o.rateBasisPoints() - cut))).toList();
		return new CommissionScheme(scheme.regionId(), bands, overrides, scheme.updatedAt());
	}
}
