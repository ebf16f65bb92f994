package com.linli.aftersales.complaints;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import com.linli.aftersales.ComplaintClosed;
import com.linli.aftersales.ComplaintEscalated;
import com.linli.aftersales.ComplaintFiled;

import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/** Test-only listener: complaint events once committed, as another module would see them. Filter by your own ids. */
@Component
public class ComplaintEventsRecorder {

	private final List<Object> events = new CopyOnWriteArrayList<>();

	@TransactionalEventListener
	void on(ComplaintFiled event) {
		events.add(event);
	}

	@TransactionalEventListener
	void on(ComplaintEscalated event) {
		events.add(event);
	}

	@TransactionalEventListener
	void on(ComplaintClosed event) {
		events.add(event);
	}

	public <T> List<T> of(Class<T> type, long complaintId) {
		return events.stream().filter(type::isInstance).filter(e -> idOf(e) == complaintId).map(type::cast).toList();
	}

	private static long idOf(Object e) {
		if (e instanceof ComplaintFiled f) {
			return f.complaintId().value();
		}
		if (e instanceof ComplaintEscalated x) {
			return x.complaintId().value();
		}
		return e instanceof ComplaintClosed c ? c.complaintId().value() : -1;
	}
}
