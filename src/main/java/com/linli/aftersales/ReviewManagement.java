package com.linli.aftersales;

import com.linli.identity.Actor;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reviews and ratings, the use cases (CONTRACT: the signatures are fixed, the bodies are being written): a
 * resident reviews a picked-up line (the product and the leader's service); operators hide abusive ones.
 */
@Service
public class ReviewManagement {

	/** Posts the resident's review of a picked-up line of their order (one per line). */
	@Transactional
	public ReviewId post(Actor actor, NewReview review) {
		throw new UnsupportedOperationException("contract: being written");
	}

	/** An operator hides a review, with a reason (1–200 characters) the resident is told. */
	@Transactional
	public ReviewId hide(Actor actor, ReviewId id, String reason) {
		throw new UnsupportedOperationException("contract: being written");
	}
}
