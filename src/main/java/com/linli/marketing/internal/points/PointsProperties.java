package com.linli.marketing.internal.points;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of points, check-in and growth ({@code linli.marketing.points.*}).
 * @param earnPerYuan points earned for each whole yuan paid
 * @param pointsPerYuan points worth one yuan when spent at checkout (100: one point is one fen)
 * @param capPercent at most this percent of what an order still costs may be paid with points
 * @param checkIn points of a day's check-in
 * @param checkInBonus points of every seventh day in a row (instead of {@code checkIn})
 * @param growthPerYuan growth value (成长值) for each whole yuan paid
 * @param checkInGrowth growth value of a check-in
 * @param review points of a resident's review of a product they picked up (once per review)
 * @param reviewPhotoBonus points more when the review has photos
 */
@ConfigurationProperties("linli.marketing.points")
public record PointsProperties(@DefaultValue("1") long earnPerYuan, @DefaultValue("100") long pointsPerYuan,
		@DefaultValue("20") int capPercent, @DefaultValue("5") long checkIn, @DefaultValue("20") long checkInBonus,
		@DefaultValue("1") long growthPerYuan, @DefaultValue("1") long checkInGrowth, @DefaultValue("10") long review,
		@DefaultValue("10") long reviewPhotoBonus) {

	public PointsProperties {
		if (earnPerYuan < 0 || pointsPerYuan <= 0 || capPercent < 0 || capPercent > 100 || checkIn < 0
				|| checkInBonus < 0 || growthPerYuan < 0 || checkInGrowth < 0 || review < 0 || reviewPhotoBonus < 0) {
			throw new IllegalArgumentException("linli.marketing.points: rates must not be negative, "
					+ "points-per-yuan positive, cap-percent at most 100");
		}
	}

	public PointsRate rate() {
		return new PointsRate(pointsPerYuan);
	}

	public Streak streak() {
		return new Streak(checkIn, checkInBonus);
	}
}
