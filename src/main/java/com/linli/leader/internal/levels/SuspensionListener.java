package com.linli.leader.internal.levels;

import com.linli.identity.Actor;
import com.linli.leader.LeaderStatus;
import com.linli.leader.LeaderStatusChanged;
import com.linli.leader.ReassignmentManagement;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * A leader suspended (by an operator on the leader page, or a confirmed SUSPENSION penalty): their point's residents
 * and open orders move, in the suspension's own transaction, so a suspension never leaves them behind.
 */
@Component
class SuspensionListener {

	private final ReassignmentManagement reassignments;

	SuspensionListener(ReassignmentManagement reassignments) {
		this.reassignments = reassignments;
	}

	@EventListener
	void on(LeaderStatusChanged changed) {
		if (changed.to() == LeaderStatus.SUSPENDED) {
			reassignments.moveFromSuspended(Actor.system("leader-suspension"), changed.leaderId(), null);
		}
	}
}
