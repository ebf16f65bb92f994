package com.linli.aftersales;

import com.linli.identity.Actor;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Complaints (投诉), the use cases (CONTRACT: the signatures are fixed, the bodies are being written): a resident
 * files one; it is assigned to an operator of its region; the thread; SLA clocks (first response, resolution)
 * escalate to a supervisor when they run out; the resident's satisfaction rating closes it.
 */
@Service
public class ComplaintManagement {

	/** Files a complaint for the resident {@code actor}; a repeated {@code submitKey} answers the first one. */
	@Transactional
	public ComplaintId file(Actor actor, NewComplaint complaint) {
		throw new UnsupportedOperationException("contract: being written");
	}

	/** An operator (or the resident) writes in the complaint's thread; an operator's first reply stops the first-response clock. */
	@Transactional
	public ComplaintId reply(Actor actor, ComplaintId id, String text) {
		throw new UnsupportedOperationException("contract: being written");
	}

	/** An operator marks it resolved, with a summary of what was done. */
	@Transactional
	public ComplaintId resolve(Actor actor, ComplaintId id, String summary) {
		throw new UnsupportedOperationException("contract: being written");
	}

	/** The resident rates a resolved complaint 1–5, which closes it. */
	@Transactional
	public ComplaintId rate(Actor actor, ComplaintId id, int satisfaction) {
		throw new UnsupportedOperationException("contract: being written");
	}

	/** Escalates every complaint whose clock ran out (the scheduled check, under a job lock); answers how many. */
	public int escalateOverdue() {
		throw new UnsupportedOperationException("contract: being written");
	}
}
