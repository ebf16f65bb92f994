package com.linli.ordering.internal;

import com.linli.identity.Actor;
import com.linli.marketing.TeamExpired;
import com.linli.ordering.OrderId;
import com.linli.ordering.OrderSupportManagement;
import com.linli.shared.BusinessRuleException;
import com.linli.shared.NotFoundException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * A group-buy team expired unfilled: every order that held a place in it is cancelled as an operator's
 * cancel would (a paid one refunded in full, an unpaid one closed and its units released). Runs after
 * marketing's transaction committed; the event publication registry re-delivers it after a crash, and a
 * second delivery changes nothing (an order already cancelled is answered as it is).
 */
@Component
class TeamOutcomes {

	private static final Logger log = LoggerFactory.getLogger(TeamOutcomes.class);

	private static final Actor TEAMS = Actor.system("group-buy-teams");

	private final OrderSupportManagement support;

	TeamOutcomes(OrderSupportManagement support) {
		this.support = support;
	}

	@ApplicationModuleListener
	void on(TeamExpired event) {
		for (long orderId : event.memberOrderIds()) {
			try {
				support.cancel(TEAMS, new OrderId(orderId));
			}
			catch (NotFoundException e) {
				log.warn("Team {} named order {}, which does not exist", event.teamId(), orderId);
			}
			catch (BusinessRuleException e) {
				if ("order-changed".equals(e.code())) {
					// the order moved meanwhile (a payment arrived): try once more on its new state
					support.cancel(TEAMS, new OrderId(orderId));
				}
				else {
					// past the cutoff an order can no longer be cancelled whole: the operator refunds its lines
					log.warn("Order {} of expired team {} not cancelled: {}", orderId, event.teamId(), e.getMessage());
				}
			}
		}
	}
}
