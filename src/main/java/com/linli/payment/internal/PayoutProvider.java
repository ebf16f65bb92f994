package com.linli.payment.internal;

import com.linli.payment.Payee;
import com.linli.shared.Money;

/**
 * The provider's payout API (WeChat Pay 商家转账, Alipay 单笔转账): pays a payee once per reference and answers
 * at once whether the money left. A repeated reference answers the first outcome.
 */
public interface PayoutProvider {

	PayoutResult pay(String reference, Payee payee, Money amount);

	/** The provider's answer: its own id when paid, else why not. */
	record PayoutResult(String providerPayoutId, boolean succeeded, String failureReason) {
	}
}
