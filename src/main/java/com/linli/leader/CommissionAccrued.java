package com.linli.leader;

import com.linli.identity.AccountId;
import com.linli.ordering.OrderId;
import com.linli.ordering.OrderLineId;
import com.linli.shared.Money;

/** A leader earned commission on a picked-up order line. */
public record CommissionAccrued(LeaderId leaderId, AccountId accountId, OrderId orderId, OrderLineId lineId,
		Money amount, int rateBasisPoints, Money balance) {
}
