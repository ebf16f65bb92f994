package com.linli.leader.internal.helpers;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.YearMonth;
import java.util.Comparator;

import com.linli.leader.HandlingFeeEarned;
import com.linli.leader.Leader;
import com.linli.leader.PayoutRules;
import com.linli.leader.internal.CommissionLedger;
import com.linli.leader.internal.payouts.Balances;
import com.linli.network.PickupPointId;
import com.linli.network.RegionId;
import com.linli.network.RegionManagement;
import com.linli.ordering.OrderPickedUp;
import com.linli.shared.Money;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The handling fee of a pickup-only point (纯自提点): instead of a percentage of the sales, its leader earns a fixed
 * fee per picked-up order (the region's, else {@code linli.leader.handling-fee-fen}, default 30 fen = ¥0.30), once
 * per order however many hand-outs it takes. The fee is a HANDLING_FEE entry of the commission ledger: it adds to
 * the account's accrued total and settles like an accrual (pending for the after-sales window, then available), so
 * accrued − reversed − withdrawn = pending + available still holds (LedgerReconciliation). It is not reversed by a
 * later refund: the goods were handed out.
 */
@Component
public class HandlingFees {

	private final JdbcClient jdbc;

	private final PickupOnlyPoints points;

	private final CommissionLedger ledger;

	private final Balances balances;

	private final PayoutRules rules;

	private final RegionManagement regions;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	private final Money defaultFee;

	HandlingFees(JdbcClient jdbc, PickupOnlyPoints points, CommissionLedger ledger, Balances balances, PayoutRules rules,
			RegionManagement regions, ApplicationEventPublisher events, Clock clock,
			@Value("${linli.leader.handling-fee-fen:30}") long defaultFeeFen) {
		this.jdbc = jdbc;
		this.points = points;
		this.ledger = ledger;
		this.balances = balances;
		this.rules = rules;
		this.regions = regions;
		this.events = events;
		this.clock = clock;
		this.defaultFee = Money.ofFen(defaultFeeFen);
	}

	/** Whether orders handed out at the point earn the handling fee rather than commission. */
	public boolean applies(PickupPointId point) {
		return points.isPickupOnly(point);
	}

	public Money defaultFee() {
		return defaultFee;
	}

	/** The fee per order in the region. */
	public Money feeIn(RegionId region) {
		return points.fee(region).orElse(defaultFee);
	}

	/** Earns the fee of the pickup's order for the leader, once per order; answers how many entries it wrote. */
	@Transactional
	public int earn(Leader leader, OrderPickedUp pickup) {
		ledger.lockAccount(leader.id());
		boolean earned = jdbc.sql("select exists(select 1 from leader.commission_entry where order_id = ? and kind = 'HANDLING_FEE')")
			.param(pickup.orderId().value()).query(Boolean.class).single();
		if (earned || pickup.lines().isEmpty()) {
			return 0;
		}
		Money fee = feeIn(pickup.regionId());
		YearMonth month = YearMonth.from(pickup.pickedUpAt().atZone(regions.getRegion(pickup.regionId()).zone()));
		var first = pickup.lines().stream().min(Comparator.comparingLong(l -> l.lineId().value())).orElseThrow();
		int units = pickup.lines().stream().mapToInt(OrderPickedUp.PickedUpLine::quantity).sum();
		long balance = jdbc.sql("""
				update leader.commission_account set accrued_fen = accrued_fen + ?, balance_fen = balance_fen + ?,
				       entries = entries + 1 where leader_id = ? returning balance_fen""")
			.params(fee.fen(), fee.fen(), leader.id().value()).query(Long.class).single();
		Date monthDate = Date.valueOf(month.atDay(1));
		long id = jdbc.sql("""
				insert into leader.commission_entry (leader_id, kind, order_id, order_no, order_line_id, sku_name,
				    quantity, base_fen, rate_bp, rate_source, sales_month, month, amount_fen, balance_after_fen,
				    occurred_at, recorded_at)
				values (?, 'HANDLING_FEE', ?, ?, ?, ?, ?, 0, 0, 'BAND', ?, ?, ?, ?, ?, ?) returning id""")
			.params(leader.id().value(), pickup.orderId().value(), pickup.orderNo(), first.lineId().value(),
					first.skuName(), Math.max(units, 1), monthDate, monthDate, fee.fen(), balance,
					Timestamp.from(pickup.pickedUpAt()), Timestamp.from(clock.instant()))
			.query(Long.class).single();
		balances.accrued(leader.id(), id, fee, pickup.pickedUpAt().plus(rules.window()));
		events.publishEvent(new HandlingFeeEarned(leader.id(), leader.accountId(), pickup.orderId(), pickup.orderNo(),
				fee, Money.ofFen(balance)));
		return 1;
	}
}
