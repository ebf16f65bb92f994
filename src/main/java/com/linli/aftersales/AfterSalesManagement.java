package com.linli.aftersales;

import com.linli.identity.Actor;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * After-sales requests, the use cases (CONTRACT: the signatures are fixed, the bodies are being written): a
 * resident files a request on a line of their order; the rules approve a quick refund at once or put it in the
 * region's operator queue; operators approve, reject or ask for more; the leader confirms goods returned; the
 * refund goes through ordering, once.
 */
@Service
public class AfterSalesManagement {

	/** Files a request for the resident {@code actor}; a repeated {@code submitKey} answers the first one. */
	@Transactional
	public AfterSalesRequestId submit(Actor actor, NewRequest request) {
		throw new UnsupportedOperationException("contract: being written");
	}

	/** An operator of the request's region approves it (a refund only is refunded at once). */
	@Transactional
	public AfterSalesRequestId approve(Actor actor, AfterSalesRequestId id) {
		throw new UnsupportedOperationException("contract: being written");
	}

	/** An operator rejects it with a reason (1–300 characters); no money moves. */
	@Transactional
	public AfterSalesRequestId reject(Actor actor, AfterSalesRequestId id, String reason) {
		throw new UnsupportedOperationException("contract: being written");
	}

	/** An operator asks the resident for more (a question of 1–300 characters). */
	@Transactional
	public AfterSalesRequestId askForInfo(Actor actor, AfterSalesRequestId id, String question) {
		throw new UnsupportedOperationException("contract: being written");
	}

	/** The resident answers in the thread (text and photos), which submits the request again. */
	@Transactional
	public AfterSalesRequestId answer(Actor actor, AfterSalesRequestId id, String text,
			java.util.List<com.linli.shared.storage.ImageUpload> photos) {
		throw new UnsupportedOperationException("contract: being written");
	}

	/** The leader of the request's pickup point confirms the goods came back (return or exchange). */
	@Transactional
	public AfterSalesRequestId confirmReturn(Actor actor, AfterSalesRequestId id) {
		throw new UnsupportedOperationException("contract: being written");
	}

	/** The resident withdraws a request not decided yet. */
	@Transactional
	public AfterSalesRequestId withdraw(Actor actor, AfterSalesRequestId id) {
		throw new UnsupportedOperationException("contract: being written");
	}
}
