package com.linli.aftersales.internal.reviews;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import com.linli.aftersales.ReviewHidden;
import com.linli.aftersales.ReviewId;
import com.linli.identity.AccountId;
import com.linli.shared.BusinessRuleException;
import com.linli.shared.InvalidInputException;
import com.linli.shared.Text;

/**
 * A posted review's moderation state: visible, or hidden by an operator with a reason (the resident is told). Plain
 * Java: {@link #hide} and {@link #unhide} refuse a move that is not one and register the event.
 */
public final class Review {

	/** The longest reason an operator gives for hiding. */
	public static final int MAX_REASON = 200;

	private final ReviewId id;

	private final AccountId residentId;

	private final String skuName;

	private final long regionId;

	private boolean hidden;

	private String hiddenReason;

	private Long hiddenBy;

	private Instant hiddenAt;

	private final long version;

	private final List<Object> events = new ArrayList<>();

	public Review(ReviewId id, AccountId residentId, String skuName, long regionId, boolean hidden, String hiddenReason,
			Long hiddenBy, Instant hiddenAt, long version) {
		this.id = id;
		this.residentId = residentId;
		this.skuName = skuName;
		this.regionId = regionId;
		this.hidden = hidden;
		this.hiddenReason = hiddenReason;
		this.hiddenBy = hiddenBy;
		this.hiddenAt = hiddenAt;
		this.version = version;
	}

	/** Hides the review with a reason of 1–200 characters (400 naming {@code reason}); 409 when hidden already. */
	public void hide(String reason, Long by, Instant at) {
		String trimmed = reason == null ? "" : reason.strip();
		if (trimmed.isEmpty() || trimmed.length() > MAX_REASON) {
			throw new InvalidInputException("reason", Text.of("aftersales.problem.reviewHideReason", MAX_REASON));
		}
		if (hidden) {
			throw new BusinessRuleException("review-hidden-already", "id", Text.of("aftersales.problem.reviewHiddenAlready"));
		}
		hidden = true;
		hiddenReason = trimmed;
		hiddenBy = by;
		hiddenAt = at;
		events.add(new ReviewHidden(id, residentId, skuName, trimmed, at));
	}

	/** Shows a hidden review again (the reason is forgotten); 409 when it is not hidden. */
	public void unhide() {
		if (!hidden) {
			throw new BusinessRuleException("review-not-hidden", "id", Text.of("aftersales.problem.reviewNotHidden"));
		}
		hidden = false;
		hiddenReason = null;
		hiddenBy = null;
		hiddenAt = null;
	}

	public ReviewId id() { return id; }

	public AccountId residentId() { return residentId; }

	public String skuName() { return skuName; }

	public long regionId() { return regionId; }

	public boolean hidden() { return hidden; }

	public String hiddenReason() { return hiddenReason; }

	public Long hiddenBy() { return hiddenBy; }

	public Instant hiddenAt() { return hiddenAt; }

	public long version() { return version; }

	public List<Object> events() { return Collections.unmodifiableList(events); }

	/** "张**": the first character of a name and stars for the rest (a single character becomes "*"). */
	public static String mask(String name) {
		if (name == null || name.isBlank()) {
			return "*";
		}
		String n = name.strip();
		int first = n.offsetByCodePoints(0, 1);
		int rest = n.codePointCount(first, n.length());
		if (rest == 0) {
			return n + "*";
		}
		return n.substring(0, first) + "*".repeat(Math.min(rest, 2));
	}
}
