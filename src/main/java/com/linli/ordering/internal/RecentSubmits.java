package com.linli.ordering.internal;

import java.util.Map;
import java.util.Optional;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;

import com.linli.ordering.OrderId;
import com.linli.ordering.PlaceOrder;

import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Submits placed on this node in the last quarter hour, by resident and idempotency key: a retry of a
 * submit whose order caused a sell-out still finds its order instead of hearing "sold out" from memory.
 * Machine time (not the platform clock, which the demo moves); at most 200,000 entries, oldest first out.
 */
@Component
public class RecentSubmits {

	private static final long KEEP_NANOS = TimeUnit.MINUTES.toNanos(15);

	private static final int MAX_ENTRIES = 200_000;

	private final Map<String, OrderId> byKey = new ConcurrentHashMap<>();

	private final Queue<Entry> oldestFirst = new ConcurrentLinkedQueue<>();

	/** The order this submit placed on this node lately, if any. */
	public Optional<OrderId> find(PlaceOrder command) {
		return Optional.ofNullable(byKey.get(key(command)));
	}

	/**
	 * Remembers the order once the caller's transaction commits. Registered before the reservation's own
	 * synchronisation, so a retry after the sell-out this order causes finds it.
	 */
	public void rememberAfterCommit(PlaceOrder command, OrderId id) {
		String key = key(command);
		TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
			@Override
			public void afterCommit() {
				remember(key, id);
			}
		});
	}

	private void remember(String key, OrderId id) {
		long now = System.nanoTime();
		byKey.put(key, id);
		oldestFirst.add(new Entry(key, now));
		for (Entry head; (head = oldestFirst.peek()) != null
				&& (now - head.at() > KEEP_NANOS || byKey.size() > MAX_ENTRIES);) {
			oldestFirst.poll();
			byKey.remove(head.key());
		}
	}

	private static String key(PlaceOrder command) {
		return command.residentId().value() + "|" + command.idempotencyKey();
	}

	private record Entry(String key, long at) {
	}
}
