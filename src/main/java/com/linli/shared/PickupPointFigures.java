package com.linli.shared;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * Figures of a pickup point's day on its leader's workbench (goods to receive, orders to hand out,
 * handed out today, commission earned today). Each module that knows one contributes a bean; the
 * leader's workbench collects them, as the console home collects {@link ConsoleFigures}.
 */
public interface PickupPointFigures {

	List<Figure> figures(Day day);

	/** The pickup point, the leader who runs it, and today in the region's zone as the instants {@code [from, to)}. */
	record Day(long pickupPointId, long leaderId, LocalDate date, Instant from, Instant to) {
	}

	/**
	 * A labelled number: {@code id} names it on the page, {@code labelKey} is a message key and
	 * {@code link} the leader's page that acts on it.
	 */
	record Figure(int order, String id, String labelKey, String value, String link) {
	}
}
