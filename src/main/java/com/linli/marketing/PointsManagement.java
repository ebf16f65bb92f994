package com.linli.marketing;

import java.time.Instant;
import java.util.List;

import com.linli.identity.AccountId;
import com.linli.identity.Actor;
import com.linli.marketing.internal.points.PointsLedger;
import com.linli.marketing.internal.points.PointsProperties;
import com.linli.shared.Money;
import com.linli.shared.Text;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;

/** A resident's points: the balance, the ledger and what points are worth at checkout. */
@Service
public class PointsManagement {

	/** The most ledger entries one page shows. */
	public static final int LEDGER_PAGE = 50;

	private final PointsLedger ledger;

	private final PointsProperties properties;

	PointsManagement(PointsLedger ledger, PointsProperties properties) {
		this.ledger = ledger;
		this.properties = properties;
	}

	/** The resident's points (the actor is the resident, or staff). */
	public PointsSummary summary(Actor actor, AccountId resident) {
		if (!actor.is(resident) && !actor.isAdmin() && !actor.isSystem()) {
			throw new AccessDeniedException("points of another resident");
		}
		long balance = ledger.balance(resident);
		return new PointsSummary(balance, properties.rate().money(balance - balance % properties.rate().step()),
				properties.pointsPerYuan(), properties.capPercent(), properties.earnPerYuan(),
				ledger.entries(resident, LEDGER_PAGE));
	}

	/**
	 * Points the platform gives a resident (a goodwill gesture of an admin, the demo city): once per
	 * {@code reference}; answers false when that reference was given already.
	 */
	public boolean award(Actor actor, AccountId resident, long points, Text reason, String reference, Instant at) {
		if (!actor.isAdmin() && !actor.isSystem()) {
			throw new AccessDeniedException("only the platform gives points");
		}
		return ledger.add(resident, PointsKind.EARNED, points, reason, "award:" + reference, at);
	}

	/**
	 * Points for a resident's review of a product they picked up (积分 for a review): the configured points, more
	 * with photos; once per review. Answers the points given (0 when given before or when none are configured).
	 */
	public long forReview(AccountId resident, long reviewId, boolean withPhotos, Instant at) {
		long points = properties.review() + (withPhotos ? properties.reviewPhotoBonus() : 0);
		if (points <= 0) {
			return 0;
		}
		return ledger.add(resident, PointsKind.EARNED, points, Text.of("marketing.points.reason.review"),
				"review:" + reviewId, at) ? points : 0;
	}

	/**
	 * A review hidden by an operator (abusive, an advertisement) loses the points it earned, as far as the
	 * balance goes (points already spent are not taken back); once per review. Answers the points taken.
	 */
	public long reviewHidden(AccountId resident, long reviewId, Instant at) {
		var earned = ledger.pointsOf("review:" + reviewId);
		if (earned.isEmpty()) {
			return 0;
		}
		return ledger.takeUpTo(resident, PointsKind.REVERSED, earned.get(), Text.of("marketing.points.reason.reviewHidden"),
				"review-hidden:" + reviewId, at);
	}

	/**
	 * A resident's points: the balance and what it is worth at checkout, the rules (points a yuan spent,
	 * the cap per order, points earned a yuan paid) and the latest entries, newest first.
	 */
	public record PointsSummary(long balance, Money worth, long pointsPerYuan, int capPercent, long earnPerYuan,
			List<PointsEntry> entries) {
	}
}
