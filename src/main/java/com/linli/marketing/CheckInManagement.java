package com.linli.marketing;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

import com.linli.identity.AccountId;
import com.linli.identity.Actor;
import com.linli.marketing.internal.levels.GrowthLedger;
import com.linli.marketing.internal.points.PointsLedger;
import com.linli.marketing.internal.points.PointsProperties;
import com.linli.marketing.internal.points.Streak;
import com.linli.network.RegionManagement;
import com.linli.network.ResidentBindingManagement;
import com.linli.shared.BusinessRuleException;
import com.linli.shared.Text;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Daily check-in (签到): once per resident per day of their region's calendar (the primary key says so),
 * with a streak of days in a row; each check-in earns points (more on every seventh day) and growth value.
 */
@Service
public class CheckInManagement {

	private final JdbcClient jdbc;

	private final PointsLedger points;

	private final GrowthLedger growth;

	private final PointsProperties properties;

	private final ResidentBindingManagement bindings;

	private final RegionManagement regions;

	private final Clock clock;

	CheckInManagement(JdbcClient jdbc, PointsLedger points, GrowthLedger growth, PointsProperties properties,
			ResidentBindingManagement bindings, RegionManagement regions, Clock clock) {
		this.jdbc = jdbc;
		this.points = points;
		this.growth = growth;
		this.properties = properties;
		this.bindings = bindings;
		this.regions = regions;
		this.clock = clock;
	}

	/** Checks the resident in today; a second check-in the same day is a 409 and changes nothing. */
	@Transactional
	public CheckIn checkIn(Actor actor) {
		AccountId resident = actor.requireAccount();
		Instant now = clock.instant();
		return checkIn(resident, today(resident, now), now);
	}

	/**
	 * Records a resident's check-in on a day already past, as if they had checked in then (the demo city's
	 * history, an import); only the platform itself does this. The streak counts from the day before.
	 */
	@Transactional
	public CheckIn checkInOn(Actor actor, AccountId resident, LocalDate day, Instant at) {
		if (!actor.isSystem()) {
			throw new AccessDeniedException("only the platform records past check-ins");
		}
		return checkIn(resident, day, at);
	}

	private CheckIn checkIn(AccountId resident, LocalDate today, Instant now) {
		Streak rules = properties.streak();
		int streak = rules.next(streakOn(resident, today.minusDays(1)));
		long earned = rules.pointsFor(streak);
		int created = jdbc.sql("""
				insert into marketing.check_in (resident_id, day, streak, points, at) values (?, ?, ?, ?, ?)
				on conflict (resident_id, day) do nothing""")
			.params(resident.value(), today, streak, earned, Timestamp.from(now)).update();
		if (created == 0) {
			throw new BusinessRuleException("checked-in-today", "day",
					Text.of("marketing.checkIn.problem.already", today));
		}
		String reference = "check-in:" + resident.value() + ":" + today;
		if (earned > 0) {
			points.add(resident, PointsKind.EARNED, earned, Text.of("marketing.points.reason.checkIn", streak),
					reference, now);
		}
		if (properties.checkInGrowth() > 0) {
			growth.add(resident, properties.checkInGrowth(), Text.of("marketing.points.reason.checkIn", streak),
					reference, now);
		}
		return status(resident, today);
	}

	/** The resident's check-in state today. */
	public CheckIn today(Actor actor) {
		AccountId resident = actor.requireAccount();
		return status(resident, today(resident, clock.instant()));
	}

	/** The resident's check-in state on a day of their calendar. */
	public CheckIn status(AccountId resident, LocalDate day) {
		Streak rules = properties.streak();
		int todays = streakOn(resident, day);
		boolean checkedIn = todays > 0;
		int streak = checkedIn ? todays : streakOn(resident, day.minusDays(1));
		int nextStreak = rules.next(streak);
		long pointsToday = checkedIn ? pointsOn(resident, day) : rules.pointsFor(nextStreak);
		return new CheckIn(day, checkedIn, streak, pointsToday, rules.pointsFor(nextStreak),
				rules.checkInsToBonus(nextStreak), points.balance(resident));
	}

	/** Today in the resident's region (the platform's zone when they have no pickup point yet). */
	public LocalDate today(AccountId resident, Instant now) {
		return LocalDate.ofInstant(now, zone(resident));
	}

	private ZoneId zone(AccountId resident) {
		return bindings.cachedPickupPointOf(resident).map(p -> regions.getRegion(p.regionId()).zone())
			.orElse(clock.getZone());
	}

	private int streakOn(AccountId resident, LocalDate day) {
		return jdbc.sql("select streak from marketing.check_in where resident_id = ? and day = ?")
			.params(resident.value(), day).query(Integer.class).optional().orElse(0);
	}

	private long pointsOn(AccountId resident, LocalDate day) {
		return jdbc.sql("select points from marketing.check_in where resident_id = ? and day = ?")
			.params(resident.value(), day).query(Long.class).optional().orElse(0L);
	}
}
