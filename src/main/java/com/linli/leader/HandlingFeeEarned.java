package com.linli.leader;

import com.linli.identity.AccountId;
import com.linli.ordering.OrderId;
import com.linli.shared.Money;

/** A pickup-only point's leader earned the fixed handling fee of a picked-up order (纯自提点, a HANDLING_FEE entry). */
public record HandlingFeeEarned(LeaderId leaderId, AccountId accountId, OrderId orderId, String orderNo, Money amount,
		Money balance) {
}
