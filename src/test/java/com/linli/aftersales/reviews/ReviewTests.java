package com.linli.aftersales.reviews;

import java.time.Instant;

import com.linli.aftersales.ProductRating;
import com.linli.aftersales.ReviewHidden;
import com.linli.aftersales.ReviewId;
import com.linli.aftersales.internal.reviews.Review;
import com.linli.catalog.ProductId;
import com.linli.identity.AccountId;
import com.linli.shared.BusinessRuleException;
import com.linli.shared.InvalidInputException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ReviewTests {

	static final Instant AT = Instant.parse("2026-12-01T02:00:00Z");

	static Review visible() {
		return new Review(new ReviewId(1), new AccountId(7), "红富士苹果 5斤装", 3, false, null, null, null, 0);
	}

	@Test
	void hidingKeepsTheReasonAndTellsTheResident() {
		var review = visible();
		review.hide("  广告内容 ", 9L, AT);
		assertThat(review.hidden()).isTrue();
		assertThat(review.hiddenReason()).isEqualTo("广告内容");
		assertThat(review.events()).containsExactly(
				new ReviewHidden(new ReviewId(1), new AccountId(7), "红富士苹果 5斤装", "广告内容", AT));
	}

	@Test
	void aReasonIsRequiredAndShort() {
		for (String reason : new String[] { null, "", "   ", "长".repeat(201) }) {
			var review = visible();
			assertThatThrownBy(() -> review.hide(reason, 9L, AT)).isInstanceOf(InvalidInputException.class)
				.extracting("field").isEqualTo("reason");
			assertThat(review.hidden()).isFalse();
			assertThat(review.events()).isEmpty();
		}
		var review = visible();
		review.hide("长".repeat(200), 9L, AT);
		assertThat(review.hidden()).isTrue();
	}

	@Test
	void aHiddenReviewIsNotHiddenTwiceAndAVisibleOneNotShownAgain() {
		var review = visible();
		assertThatThrownBy(review::unhide).isInstanceOf(BusinessRuleException.class);
		review.hide("辱骂", 9L, AT);
		assertThatThrownBy(() -> review.hide("again", 9L, AT)).isInstanceOf(BusinessRuleException.class);
		review.unhide();
		assertThat(review.hidden()).isFalse();
		assertThat(review.hiddenReason()).isNull();
	}

	@Test
	void namesAreMasked() {
		assertThat(Review.mask("张三")).isEqualTo("张*");
		assertThat(Review.mask("欧阳娜娜")).isEqualTo("欧**");
		assertThat(Review.mask("李")).isEqualTo("李*");
		assertThat(Review.mask(null)).isEqualTo("*");
	}

	@Test
	void theRatingAveragesTheStarsAndCountsTheLowOnes() {
		var rating = ProductRating.of(new ProductId(1), new int[] { 1, 1, 0, 3, 5 });
		assertThat(rating.count()).isEqualTo(10);
		assertThat(rating.average()).isEqualTo((1 + 2 + 12 + 25) / 10.0);
		assertThat(rating.averageText()).isEqualTo("4.0");
		assertThat(rating.lowShare()).isEqualTo(0.2);
		assertThat(rating.percentOf(5)).isEqualTo(50);
		var none = ProductRating.of(new ProductId(1), new int[5]);
		assertThat(none.count()).isZero();
		assertThat(none.averageText()).isEqualTo("—");
		assertThat(none.percentOf(3)).isZero();
		assertThat(ProductRating.of(new ProductId(1), new int[] { 0, 0, 0, 2, 1 }).averageText()).isEqualTo("4.3");
	}
}
