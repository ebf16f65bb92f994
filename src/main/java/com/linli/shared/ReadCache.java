package com.linli.shared;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * A small in-memory cache of rows that are read on every order and seldom change (a resident's pickup
 * point, a listing's terms, a SKU's names). The owning module evicts on its own writes (at once and
 * again after the writing transaction commits, so nobody caches the row it is replacing); entries also
 * expire after {@code ttl}, which bounds how stale another node's copy can be. Expiry uses the
 * machine's monotonic time, not the platform clock (the demo moves that one).
 * <p>
 * A load that started before an eviction never stores its (possibly older) result: every eviction
 * bumps a generation that loads compare before storing.
 */
public final class ReadCache<K, V> {

	private final long ttlNanos;

	private final int maxSize;

	private final Map<K, Entry<V>> entries = new ConcurrentHashMap<>();

	private final AtomicLong generation = new AtomicLong();

	public ReadCache(Duration ttl, int maxSize) {
		this.ttlNanos = ttl.toNanos();
		this.maxSize = maxSize;
	}

	/** The value for the key, loaded when missing or expired; a null from the loader is not cached. */
	public V get(K key, Function<K, V> loader) {
		long now = System.nanoTime();
		Entry<V> entry = entries.get(key);
		if (entry != null && now - entry.loadedAt < ttlNanos) {
			return entry.value;
		}
		long gen = generation.get();
		V value = loader.apply(key);
		if (value != null) {
			store(key, value, gen, now);
		}
		return value;
	}

	/** The values for the keys; the missing ones loaded in one call. Keys the loader does not know are left out. */
	public Map<K, V> getAll(Collection<K> keys, Function<Collection<K>, Map<K, V>> loader) {
		long now = System.nanoTime();
		Map<K, V> found = new HashMap<>();
		List<K> missing = new ArrayList<>();
		for (K key : keys) {
			Entry<V> entry = entries.get(key);
			if (entry != null && now - entry.loadedAt < ttlNanos) {
				found.put(key, entry.value);
			}
			else {
				missing.add(key);
			}
		}
		if (!missing.isEmpty()) {
			long gen = generation.get();
			Map<K, V> loaded = loader.apply(missing);
			loaded.forEach((k, v) -> store(k, v, gen, now));
			found.putAll(loaded);
		}
		return found;
	}

	/** Forgets one key now and, inside a transaction, again after it commits. */
	public void evict(K key) {
		generation.incrementAndGet();
		entries.remove(key);
		afterCommit(() -> {
			generation.incrementAndGet();
			entries.remove(key);
		});
	}

	/** Forgets everything now and, inside a transaction, again after it commits. */
	public void clear() {
		generation.incrementAndGet();
		entries.clear();
		afterCommit(() -> {
			generation.incrementAndGet();
			entries.clear();
		});
	}

	private void store(K key, V value, long gen, long loadedAt) {
		if (entries.size() >= maxSize) {
			entries.clear();
		}
		entries.put(key, new Entry<>(value, loadedAt));
		if (generation.get() != gen) {
			// evicted while loading: what was loaded may be the old row
			entries.remove(key);
		}
	}

	private static void afterCommit(Runnable action) {
		if (TransactionSynchronizationManager.isSynchronizationActive()) {
			TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
				@Override
				public void afterCompletion(int status) {
					action.run();
				}
			});
		}
	}

	private record Entry<V>(V value, long loadedAt) {
	}
}
