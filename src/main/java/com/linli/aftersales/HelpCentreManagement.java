package com.linli.aftersales;

import java.time.Clock;
import java.util.List;

import com.linli.aftersales.internal.help.FaqSearch;
import com.linli.aftersales.internal.help.Faqs;
import com.linli.identity.Actor;
import com.linli.identity.Role;
import com.linli.shared.AdminChange;
import com.linli.shared.BusinessRuleException;
import com.linli.shared.InvalidInputException;
import com.linli.shared.NotFoundException;
import com.linli.shared.Text;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The help centre (CONTRACT: the signatures are fixed, the bodies are being written): operators keep an FAQ of
 * categories, questions and answers; residents search it in Chinese.
 */
@Service
public class HelpCentreManagement {

	static final int MAX_CATEGORY = 40, MAX_QUESTION = 200, MAX_ANSWER = 2000;

	private final Faqs faqs;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	HelpCentreManagement(Faqs faqs, ApplicationEventPublisher events, Clock clock) {
		this.faqs = faqs;
		this.events = events;
		this.clock = clock;
	}

	/** Adds a question with its answer under a category (created when new); answers its id. */
	@Transactional
	public FaqId addQuestion(Actor actor, String category, String question, String answer) {
		checkStaff(actor);
		long categoryId = faqs.categoryNamed(text("category", category, MAX_CATEGORY));
		String q = text("question", question, MAX_QUESTION);
		String a = text("answer", answer, MAX_ANSWER);
		FaqId id = faqs.insert(categoryId, q, a, faqs.nextSort(categoryId), clock.instant());
		events.publishEvent(new AdminChange(actor.actedBy(), "faq.create", "faq:" + id, q));
		return id;
	}

	/** Changes a question: its category (created when new), text, answer and place in the category. */
	@Transactional
	public FaqEntry editQuestion(Actor actor, FaqId id, String category, String question, String answer, Integer sort) {
		checkStaff(actor);
		FaqEntry current = get(id);
		long categoryId = faqs.categoryNamed(text("category", category, MAX_CATEGORY));
		String q = text("question", question, MAX_QUESTION);
		String a = text("answer", answer, MAX_ANSWER);
		faqs.update(id, categoryId, q, a, sort == null ? current.sort() : sort, clock.instant());
		events.publishEvent(new AdminChange(actor.actedBy(), "faq.update", "faq:" + id, q));
		return get(id);
	}

	/** Shows a question to residents again or takes it away (it stays for the operators). */
	@Transactional
	public FaqEntry setActive(Actor actor, FaqId id, boolean active) {
		checkStaff(actor);
		get(id);
		faqs.setActive(id, active, clock.instant());
		events.publishEvent(new AdminChange(actor.actedBy(), active ? "faq.activate" : "faq.deactivate", "faq:" + id, ""));
		return get(id);
	}

	/** Renames a category or moves it in the order; 409 naming {@code name} when another one has that name. */
	@Transactional
	public FaqCategory editCategory(Actor actor, long id, String name, int sort) {
		checkStaff(actor);
		faqs.category(id).orElseThrow(() -> new NotFoundException("faq category", id));
		if (!faqs.updateCategory(id, text("name", name, MAX_CATEGORY), sort)) {
			throw new BusinessRuleException("faq-category-exists", "name", Text.of("aftersales.problem.faqCategoryExists"));
		}
		events.publishEvent(new AdminChange(actor.actedBy(), "faq.category", "faq-category:" + id, name));
		return faqs.category(id).orElseThrow();
	}

	@Transactional(readOnly = true)
	public FaqEntry get(FaqId id) {
		return faqs.find(id).orElseThrow(() -> new NotFoundException("faq", id));
	}

	@Transactional(readOnly = true)
	public List<FaqCategory> categories() {
		return faqs.categories();
	}

	/** Every question for the operators, active or not. */
	@Transactional(readOnly = true)
	public List<FaqEntry> allQuestions(Actor actor) {
		checkStaff(actor);
		return faqs.all(false);
	}

	/** The active questions residents see, by category order. */
	@Transactional(readOnly = true)
	public List<FaqEntry> published() {
		return faqs.all(true);
	}

	/** The active questions that answer a query in Chinese (or any words), best first; none for a blank query. */
	@Transactional(readOnly = true)
	public List<FaqEntry> search(String query, int limit) {
		if (query != null && query.length() > 100) {
			throw new InvalidInputException("q", Text.of("aftersales.problem.reviewsTooLong", 100));
		}
		return FaqSearch.rank(query, faqs.all(true), Math.max(1, Math.min(limit, 50)));
	}

	private static void checkStaff(Actor actor) {
		if (!(actor.isSystem() || actor.isAdmin() || actor.hasRole(Role.OPERATOR))) {
			throw new AccessDeniedException("the help centre is kept by operators");
		}
	}

	private static String text(String field, String value, int max) {
		String v = value == null ? "" : value.strip();
		if (v.isEmpty()) {
			throw new InvalidInputException(field, Text.of("aftersales.problem.reviewsRequired"));
		}
		if (v.length() > max) {
			throw new InvalidInputException(field, Text.of("aftersales.problem.reviewsTooLong", max));
		}
		return v;
	}
}
