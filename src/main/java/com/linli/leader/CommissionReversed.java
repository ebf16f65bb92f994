package com.linli.leader;

import com.linli.identity.AccountId;
import com.linli.ordering.OrderId;
import com.linli.ordering.OrderLineId;
import com.linli.shared.Money;

/** Picked-up units were refunded: the leader gives back their share of the commission ({@code amount} >= 0). */
public record CommissionReversed(LeaderId leaderId, AccountId accountId, OrderId orderId, OrderLineId lineId,
		int quantity, Money amount, Money balance) {
}
