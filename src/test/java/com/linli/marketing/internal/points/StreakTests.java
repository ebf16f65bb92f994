package com.linli.marketing.internal.points;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The check-in streak: days in a row, a missed day starts again, every seventh day gives the bonus. */
class StreakTests {

	final Streak streak = new Streak(5, 20);

	@Test
	void aStreakGrowsByOneADayAndStartsAgainAfterAMissedDay() {
		assertThat(streak.next(0)).isEqualTo(1);
		assertThat(streak.next(1)).isEqualTo(2);
		assertThat(streak.next(6)).isEqualTo(7);
	}

	@Test
	void everySeventhDayInARowGivesTheBonus() {
		for (int day = 1; day <= 21; day++) {
			assertThat(streak.pointsFor(day)).as("day " + day).isEqualTo(day % 7 == 0 ? 20 : 5);
		}
		assertThatThrownBy(() -> streak.pointsFor(0)).isInstanceOf(IllegalArgumentException.class);
	}

	@Test
	void countsTheCheckInsToTheNextBonus() {
		assertThat(streak.checkInsToBonus(7)).isEqualTo(1);
		assertThat(streak.checkInsToBonus(1)).isEqualTo(7);
		assertThat(streak.checkInsToBonus(6)).isEqualTo(2);
		assertThat(streak.checkInsToBonus(8)).isEqualTo(7);
	}

	@Test
	void amountsAreConfigurable() {
		var generous = new PointsProperties(1, 100, 20, 10, 50, 1, 1, 10, 10).streak();
		assertThat(generous.pointsFor(3)).isEqualTo(10);
		assertThat(generous.pointsFor(14)).isEqualTo(50);
	}
}
