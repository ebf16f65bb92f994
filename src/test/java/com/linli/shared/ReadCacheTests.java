package com.linli.shared;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The order path's read cache: loads once, forgets on eviction, never keeps a load that raced an eviction. */
class ReadCacheTests {

	private final Map<Long, String> rows = new HashMap<>(Map.of(1L, "苹果", 2L, "鸡蛋"));

	private final AtomicInteger loads = new AtomicInteger();

	private Map<Long, String> load(java.util.Collection<Long> ids) {
		loads.incrementAndGet();
		Map<Long, String> found = new HashMap<>();
		ids.forEach(id -> {
			if (rows.containsKey(id)) {
				found.put(id, rows.get(id));
			}
		});
		return found;
	}

	@Test
	void loadsWhatIsMissingOnceAndLeavesUnknownKeysOut() {
		var cache = new ReadCache<Long, String>("test", Duration.ofMinutes(1), 100);
		assertThat(cache.getAll(List.of(1L, 2L, 3L), this::load)).containsOnly(Map.entry(1L, "苹果"), Map.entry(2L, "鸡蛋"));
		assertThat(cache.getAll(List.of(1L, 2L), this::load)).hasSize(2);
		assertThat(loads).hasValue(1);
		// an unknown key is asked again next time (it may exist by then)
		rows.put(3L, "牛奶");
		assertThat(cache.getAll(List.of(1L, 3L), this::load)).containsEntry(3L, "牛奶");
		assertThat(loads).hasValue(2);
	}

	@Test
	void anEvictedOrExpiredEntryIsReadAgain() throws InterruptedException {
		var cache = new ReadCache<Long, String>("test", Duration.ofMinutes(1), 100);
		cache.getAll(List.of(1L), this::load);
		rows.put(1L, "红富士苹果");
		assertThat(cache.getAll(List.of(1L), this::load)).containsEntry(1L, "苹果");
		cache.evict(1L);
		assertThat(cache.getAll(List.of(1L), this::load)).containsEntry(1L, "红富士苹果");

		var shortLived = new ReadCache<Long, String>("test", Duration.ofMillis(20), 100);
		assertThat(shortLived.get(2L, id -> rows.get(id))).isEqualTo("鸡蛋");
		rows.put(2L, "土鸡蛋");
		Thread.sleep(40);
		assertThat(shortLived.get(2L, id -> rows.get(id))).isEqualTo("土鸡蛋");
	}

	@Test
	void aLoadThatRacedAnEvictionIsNotKept() {
		var cache = new ReadCache<Long, String>("test", Duration.ofMinutes(1), 100);
		// the row changes (and the cache is cleared) while the old row is being loaded
		String loaded = cache.get(1L, id -> {
			String old = rows.get(id);
			rows.put(id, "新苹果");
			cache.clear();
			return old;
		});
		assertThat(loaded).isEqualTo("苹果");
		assertThat(cache.get(1L, id -> rows.get(id))).isEqualTo("新苹果");
	}

	record SomeId(long value) {
	}

	@Test
	void keysTravelAsTextAndComeBackAsTheSameKey() {
		assertThat(KeyText.write(new SomeId(42))).isEqualTo("42");
		assertThat(KeyText.read("42", SomeId.class)).isEqualTo(new SomeId(42));
		assertThat(KeyText.read(KeyText.write(7L), Long.class)).isEqualTo(7L);
		assertThat(KeyText.read(KeyText.write("a|b"), String.class)).isEqualTo("a|b");
		assertThat(KeyText.write(List.of(1, 2))).as("no text form: the other nodes clear the cache").isNull();
		assertThat(KeyText.read("x", SomeId.class)).isNull();
	}

	@Test
	void anEvictionFromAnotherNodeForgetsItsKeyOrEverythingWhenTheKeyCannotBeRead() {
		var cache = new ReadCache<SomeId, String>("test", Duration.ofMinutes(1), 100);
		cache.put(new SomeId(1), "苹果");
		cache.put(new SomeId(2), "鸡蛋");
		cache.evictFromElsewhere("1");
		assertThat(cache.holds(new SomeId(1))).isFalse();
		assertThat(cache.holds(new SomeId(2))).isTrue();
		cache.evictFromElsewhere("not a key");
		assertThat(cache.size()).isZero();
	}

	@Test
	void aCommittedEvictionIsSentAndARolledBackOneIsNot() {
		var cache = new ReadCache<Long, String>("test", Duration.ofMinutes(1), 100);
		List<String> sent = new java.util.ArrayList<>();
		cache.attach((name, key) -> sent.add(name + ":" + key));
		cache.evict(1L);
		cache.clear();
		assertThat(sent).containsExactly("test:1", "test:null");
		for (int status : new int[] { org.springframework.transaction.support.TransactionSynchronization.STATUS_COMMITTED,
				org.springframework.transaction.support.TransactionSynchronization.STATUS_ROLLED_BACK }) {
			sent.clear();
			org.springframework.transaction.support.TransactionSynchronizationManager.initSynchronization();
			try {
				cache.evict(2L);
				assertThat(sent).as("not before the transaction ends").isEmpty();
				org.springframework.transaction.support.TransactionSynchronizationManager.getSynchronizations()
					.forEach(s -> s.afterCompletion(status));
			}
			finally {
				org.springframework.transaction.support.TransactionSynchronizationManager.clearSynchronization();
			}
			assertThat(sent).hasSize(status == 0 ? 1 : 0);
		}
	}
}
