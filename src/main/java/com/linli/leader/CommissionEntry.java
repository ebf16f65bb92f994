package com.linli.leader;

import java.time.Instant;
import java.time.YearMonth;

import com.linli.catalog.CategoryId;
import com.linli.ordering.OrderId;
import com.linli.ordering.OrderLineId;
import com.linli.shared.Money;

/**
 * One line of a leader's commission ledger: {@code amount} is signed (accruals earn, reversals give
 * back) and {@code balanceAfter} is the leader's balance once it was recorded. {@code base} is what
 * the resident paid for the {@code quantity} units, {@code rateBasisPoints} the rate applied and
 * {@code monthSales} (accruals) the month-to-date sales, this line included, that chose the band.
 * {@code salesMonth} is the month of the sale, {@code month} the month the entry belongs to.
 */
public record CommissionEntry(long id, LeaderId leaderId, CommissionEntryKind kind, OrderId orderId, String orderNo,
		OrderLineId lineId, String skuName, CategoryId categoryId, int quantity, Money base, int rateBasisPoints,
		CommissionRate.Source rateSource, Money monthSales, YearMonth salesMonth, YearMonth month, Money amount,
		Money balanceAfter, String refundReference, Instant occurredAt) {

	public String ratePercent() {
		return CommissionScheme.percent(rateBasisPoints);
	}

	public boolean isAccrual() {
		return kind == CommissionEntryKind.ACCRUAL;
	}
}
