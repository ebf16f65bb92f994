package com.linli.aftersales;

import com.linli.identity.Actor;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The help centre (CONTRACT: the signatures are fixed, the bodies are being written): operators keep an FAQ of
 * categories, questions and answers; residents search it in Chinese.
 */
@Service
public class HelpCentreManagement {

	/** Adds a question with its answer under a category (created when new); answers its id. */
	@Transactional
	public FaqId addQuestion(Actor actor, String category, String question, String answer) {
		throw new UnsupportedOperationException("contract: being written");
	}
}
