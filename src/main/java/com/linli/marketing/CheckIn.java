package com.linli.marketing;

import java.time.LocalDate;

/**
 * A resident's check-in (签到) state on a day of their region's calendar: whether they checked in that
 * day, the streak (days in a row, including that day when checked in), the points that day's check-in
 * gave or will give, the points of the next check-in (today's when not yet done, else tomorrow's), how
 * many check-ins until a bonus one (counting that next one) and the balance.
 */
public record CheckIn(LocalDate day, boolean checkedIn, int streak, long points, long nextPoints, int checkInsToBonus,
		long balance) {
}
