package com.linli.notification;

import java.time.ZoneOffset;
import java.util.LinkedHashSet;
import java.util.Set;

import com.linli.identity.AccountId;
import com.linli.leader.LeaderLedgerMismatch;
import com.linli.notification.internal.Notifier;
import com.linli.notification.internal.Notifier.Notice;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * The nightly ledger reconciliation's alarm: a leader whose commission does not add up (accrued − reversed −
 * withdrawn ≠ pending + available) is put in the inbox of the region's operators and of the platform admins,
 * once a day per leader. Nothing is corrected automatically; someone has to read the ledger.
 */
@Component
class LeaderAlerts {

	private final Notifier notifier;

	private final StaffDirectory directory;

	LeaderAlerts(Notifier notifier, StaffDirectory directory) {
		this.notifier = notifier;
		this.directory = directory;
	}

	@ApplicationModuleListener
	void on(LeaderLedgerMismatch event) {
		Set<AccountId> to = new LinkedHashSet<>(directory.operatorsOf(event.regionId()));
		to.addAll(directory.admins());
		String leader = Long.toString(event.leaderId().value());
		String day = event.foundAt().atOffset(ZoneOffset.UTC).toLocalDate().toString();
		for (AccountId staff : to) {
			notifier.post(new Notice(staff, MessageKind.LEDGER_MISMATCH,
					"ledger-mismatch:" + leader + ":" + day + ":" + staff.value(),
					"/console/leaders/" + leader + "/accounts", "notification.ledgerMismatch", new Object[] { leader },
					new Object[] { leader, event.accrued().toString(), event.reversed().toString(),
							event.withdrawn().toString(), event.pending().toString(), event.available().toString(),
							event.detail() }));
		}
	}
}
