package com.linli.ordering.internal;

import com.linli.identity.Actor;
import com.linli.marketing.TeamExpired;
import com.linli.ordering.OrderId;
import com.linli.ordering.OrderLine;
import com.linli.ordering.OrderStatus;
import com.linli.ordering.OrderSupportManagement;
import com.linli.ordering.StaffRefundReason;
import com.linli.shared.BusinessRuleException;
import com.linli.shared.NotFoundException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A group-buy team expired unfilled: every order that held a place in it is cancelled as an operator's
 * cancel would (a paid one refunded in full, an unpaid one closed and its units released); past the cutoff,
 * when an order can no longer be cancelled whole, its lines are refunded in full instead. Runs after
 * marketing's transaction committed; the event publication registry re-delivers it after a crash, and a
 * second delivery changes nothing (an order already cancelled is answered as it is).
 */
@Component
class TeamOutcomes {

	private static final Logger log = LoggerFactory.getLogger(TeamOutcomes.class);

	private static final Actor TEAMS = Actor.system("group-buy-teams");

	private final OrderSupportManagement support;

	/** Each order in a transaction of its own: one refused cancel must not undo the others (nor mark this one). */
	private final TransactionTemplate own;

	TeamOutcomes(OrderSupportManagement support, PlatformTransactionManager transactions) {
		this.support = support;
		this.own = new TransactionTemplate(transactions);
		this.own.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
	}

	@ApplicationModuleListener
	void on(TeamExpired event) {
		for (long orderId : event.memberOrderIds()) {
			try {
				own.executeWithoutResult(s -> support.cancel(TEAMS, new OrderId(orderId)));
			}
			catch (NotFoundException e) {
				log.warn("Team {} named order {}, which does not exist", event.teamId(), orderId);
			}
			catch (BusinessRuleException e) {
				if ("order-changed".equals(e.code())) {
					// the order moved meanwhile (a payment arrived): try once more on its new state
					own.executeWithoutResult(s -> support.cancel(TEAMS, new OrderId(orderId)));
				}
				else if ("not-cancellable".equals(e.code())) {
					own.executeWithoutResult(s -> refundLines(event.teamId(), new OrderId(orderId)));
				}
				else {
					log.warn("Order {} of expired team {} not cancelled: {}", orderId, event.teamId(), e.getMessage());
				}
			}
		}
	}

	/**
	 * A team whose deadline was its listing's cutoff expires just after it, when a paid order can no longer be
	 * cancelled whole: each of its lines is refunded instead (once, keyed by the team), as an operator's refund
	 * of units not yet handed out would be. An unpaid one the cutoff cancels itself.
	 */
	private void refundLines(long teamId, OrderId id) {
		var order = support.get(TEAMS, id);
		if (order.status() == OrderStatus.PENDING_PAYMENT || order.status() == OrderStatus.CANCELLED
				|| order.paid().isZero()) {
			return;
		}
		for (OrderLine line : order.lines()) {
			if (line.remainingQuantity() > 0) {
				support.refundLine(TEAMS, id, line.id(), line.remainingQuantity(), StaffRefundReason.GOODWILL,
						"team-" + teamId + "-" + line.id().value());
			}
		}
	}
}
