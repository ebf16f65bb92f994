package com.linli.shared;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Headline figures a module shows on the operator console's home page (communities served,
 * listings open tomorrow...). Each module contributes a bean; the console collects them.
 */
public interface ConsoleFigures {

	/**
	 * @param regionScope the regions the viewer manages; empty means all regions (platform admin)
	 */
	List<Figure> figures(Optional<Set<Long>> regionScope);

	/** A labelled number; {@code labelKey} is a message key, {@code link} an optional console path. */
	record Figure(int order, String labelKey, String value, String link) {
	}
}
