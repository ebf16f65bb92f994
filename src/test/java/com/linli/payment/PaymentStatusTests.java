package com.linli.payment;

import java.util.EnumSet;

import org.junit.jupiter.api.Test;

import static com.linli.payment.PaymentStatus.CLOSED;
import static com.linli.payment.PaymentStatus.PENDING;
import static com.linli.payment.PaymentStatus.SUCCEEDED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PaymentStatusTests {

	@Test
	void aPendingPaymentIsEitherPaidOrClosed() {
		assertThat(PENDING.canBecome(SUCCEEDED)).isTrue();
		assertThat(PENDING.canBecome(CLOSED)).isTrue();
		assertThat(PENDING.canBecome(PENDING)).isFalse();
	}

	@Test
	void moneyArrivingAfterTheCloseIsStillRecordedAsReceived() {
		assertThat(CLOSED.canBecome(SUCCEEDED)).isTrue();
		assertThat(CLOSED.canBecome(PENDING)).isFalse();
		assertThat(PaymentStatus.sourcesOf(SUCCEEDED)).isEqualTo(EnumSet.of(PENDING, CLOSED));
	}

	@Test
	void aSucceededPaymentNeverChangesAgain() {
		for (PaymentStatus target : PaymentStatus.values()) {
			assertThat(SUCCEEDED.canBecome(target)).as("SUCCEEDED -> %s", target).isFalse();
		}
		assertThat(PaymentStatus.sourcesOf(CLOSED)).containsExactly(PENDING);
		assertThatThrownBy(() -> SUCCEEDED.checkCanBecome(CLOSED)).isInstanceOf(IllegalStateException.class)
			.hasMessageContaining("SUCCEEDED to CLOSED");
	}

	@Test
	void aRefundMovesOnceFromPendingToItsOutcome() {
		assertThat(RefundStatus.PENDING.canBecome(RefundStatus.SUCCEEDED)).isTrue();
		assertThat(RefundStatus.PENDING.canBecome(RefundStatus.FAILED)).isTrue();
		assertThat(RefundStatus.SUCCEEDED.canBecome(RefundStatus.FAILED)).isFalse();
		assertThat(RefundStatus.FAILED.canBecome(RefundStatus.SUCCEEDED)).isFalse();
		assertThat(RefundStatus.sourcesOf(RefundStatus.SUCCEEDED)).containsExactly(RefundStatus.PENDING);
		assertThatThrownBy(() -> RefundStatus.SUCCEEDED.checkCanBecome(RefundStatus.PENDING))
			.isInstanceOf(IllegalStateException.class);
	}
}
