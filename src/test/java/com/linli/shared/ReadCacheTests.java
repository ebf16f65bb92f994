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
}
