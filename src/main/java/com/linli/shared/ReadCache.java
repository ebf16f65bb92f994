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
 * again after the writing transaction commits, so nobody caches the row it is replacing). Every cache has
 * a stable name: once the writing transaction has committed, an eviction is also sent to the other nodes
 * ({@link com.linli.shared.cache.CacheBus}, which finds the caches in the beans' fields), so their copies go
 * within the bus's latency; entries also expire after {@code ttl}, which bounds how stale another node's
 * copy can be should a message be lost. Expiry uses the machine's monotonic time, not the platform clock
 * (the demo moves that one).
 * <p>
 * A load that started before an eviction never stores its (possibly older) result: every eviction
 * bumps a generation that loads compare before storing.
 */
public final class ReadCache<K, V> {

	private final String name;

	private final long ttlNanos;

	private final int maxSize;

	private final Map<K, Entry<V>> entries = new ConcurrentHashMap<>();

	private final AtomicLong generation = new AtomicLong();

	/** Where evictions go to the other nodes; none until the cache bus of this node's context attaches. */
	private volatile Broadcast broadcast;

	/** @param name stable across nodes ("module.what"): other nodes evict the cache of the same name */
	public ReadCache(String name, Duration ttl, int maxSize) {
		this.name = name;
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

	/** Keeps a value this node learnt on its own (no loader), until the ttl or an eviction. */
	public void put(K key, V value) {
		store(key, value, generation.get(), System.nanoTime());
	}

	/** Forgets one key now and, inside a transaction, again after it commits; the other nodes once it commits. */
	public void evict(K key) {
		generation.incrementAndGet();
		entries.remove(key);
		afterCommit(() -> {
			generation.incrementAndGet();
			entries.remove(key);
		}, () -> send(KeyText.write(key)));
	}

	/** Forgets everything now and, inside a transaction, again after it commits; the other nodes once it commits. */
	public void clear() {
		generation.incrementAndGet();
		entries.clear();
		afterCommit(() -> {
			generation.incrementAndGet();
			entries.clear();
		}, () -> send(null));
	}

	public String name() {
		return name;
	}

	/** Is a value held for the key, expired or not (observation, tests)? */
	public boolean holds(Object key) {
		return entries.containsKey(key);
	}

	/** The number of entries held (observation, tests). */
	public int size() {
		return entries.size();
	}

	/** Connects the cache to its node's bus: evictions are sent through it from now on. */
	public void attach(Broadcast broadcast) {
		this.broadcast = broadcast;
	}

	/**
	 * Another node evicted the key written as text ({@link KeyText}); a key this node cannot read back (or
	 * null) clears the cache. Not sent on.
	 */
	public void evictFromElsewhere(String keyText) {
		generation.incrementAndGet();
		if (keyText == null) {
			entries.clear();
			return;
		}
		var any = entries.keySet().iterator();
		if (!any.hasNext()) {
			return;
		}
		Object key = KeyText.read(keyText, any.next().getClass());
		if (key == null) {
			entries.clear();
		}
		else {
			entries.remove(key);
		}
	}

	/** Forgets everything without telling anyone (the bus reconnected and may have missed evictions). */
	public void clearHere() {
		generation.incrementAndGet();
		entries.clear();
	}

	private void send(String keyText) {
		Broadcast to = broadcast;
		if (to != null) {
			to.evicted(name, keyText);
		}
	}

	/** Sends an eviction to the other nodes: a key written as text, or null for the whole cache. */
	public interface Broadcast {

		void evicted(String cache, String keyText);
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

	/** Runs the local action after the transaction ends, and the remote one if it committed (or now, outside one). */
	private static void afterCommit(Runnable local, Runnable remote) {
		if (TransactionSynchronizationManager.isSynchronizationActive()) {
			TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
				@Override
				public void afterCompletion(int status) {
					local.run();
					if (status == STATUS_COMMITTED) {
						remote.run();
					}
				}
			});
		}
		else {
			remote.run();
		}
	}

	private record Entry<V>(V value, long loadedAt) {
	}
}
