package com.linli.shared.cache;

import java.lang.reflect.Field;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import javax.sql.DataSource;

import com.linli.shared.ReadCache;
import com.zaxxer.hikari.HikariDataSource;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Evicts every {@link ReadCache} on the other nodes when one node evicts, through PostgreSQL's
 * LISTEN/NOTIFY (PostgreSQL is always there; no broker needed). A committed eviction is queued and sent by
 * a sender thread as {@code pg_notify('linli_cache', 'node|cache|key')}, several in one statement, so the
 * writing request never waits for it; one listener thread per node holds its own connection (not one of
 * the pool's) with {@code LISTEN linli_cache} and evicts what the other nodes send. After a lost
 * connection it connects again and then clears every cache: it may have missed evictions meanwhile. The
 * caches are found in the fields of this context's beans, so two contexts in one JVM (a two-node test)
 * each keep their own.
 */
public class CacheBus implements SmartLifecycle, BeanPostProcessor, ReadCache.Broadcast {

	public static final String CHANNEL = "linli_cache";

	private static final Logger log = LoggerFactory.getLogger(CacheBus.class);

	/** PostgreSQL refuses payloads of 8000 bytes or more: longer keys evict the whole cache instead. */
	private static final int MAX_KEY = 1000;

	private final String node = UUID.randomUUID().toString().substring(0, 8);

	private final Map<String, List<ReadCache<?, ?>>> caches = new ConcurrentHashMap<>();

	private final BlockingQueue<String> outbox = new LinkedBlockingQueue<>(100_000);

	private final AtomicLong connects = new AtomicLong();

	private final AtomicLong received = new AtomicLong();

	private final DataSource dataSource;

	private volatile boolean running;

	private volatile Connection listening;

	private volatile int listenerPid;

	private Thread listener;

	private Thread sender;

	public CacheBus(DataSource dataSource) {
		this.dataSource = dataSource;
	}

	@Override
	public Object postProcessBeforeInitialization(Object bean, String beanName) {
		for (Class<?> type = bean.getClass(); type != null && type.getName().startsWith("com.linli."); type = type
			.getSuperclass()) {
			for (Field field : type.getDeclaredFields()) {
				if (field.getType() == ReadCache.class && !java.lang.reflect.Modifier.isStatic(field.getModifiers())) {
					try {
						field.setAccessible(true);
						if (field.get(bean) instanceof ReadCache<?, ?> cache) {
							register(cache);
						}
					}
					catch (ReflectiveOperationException | RuntimeException e) {
						log.warn("Cache {} of {} is not evicted on other nodes", field.getName(), beanName, e);
					}
				}
			}
		}
		return bean;
	}

	/** Evicts the cache's keys on the other nodes too (caches that are not fields of a bean). */
	public void register(ReadCache<?, ?> cache) {
		caches.computeIfAbsent(cache.name(), n -> new CopyOnWriteArrayList<>()).add(cache);
		cache.attach(this);
	}

	/** The caches of that name on this node (observation, tests). */
	public List<ReadCache<?, ?>> caches(String name) {
		return caches.getOrDefault(name, List.of());
	}

	/** The names of the caches this node evicts on the others' word. */
	public java.util.Set<String> names() {
		return java.util.Collections.unmodifiableSet(caches.keySet());
	}

	@Override
	public void evicted(String cache, String keyText) {
		String key = keyText == null || keyText.length() > MAX_KEY ? "*" : "k" + keyText;
		if (!outbox.offer(node + '|' + cache + '|' + key)) {
			log.warn("Cache bus outbox full: {} not evicted on other nodes before its entries expire", cache);
		}
	}

	@Override
	public void start() {
		running = true;
		listener = daemon(this::listen, "linli-cache-listener-" + node);
		sender = daemon(this::send, "linli-cache-sender-" + node);
	}

	@Override
	public void stop() {
		running = false;
		sender.interrupt();
		closeQuietly(listening);
		try {
			listener.join(2_000);
			sender.join(2_000);
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
		}
	}

	@Override
	public boolean isRunning() {
		return running;
	}

	/** How often the listener has (re)connected: 1 after a clean start. */
	public long connects() {
		return connects.get();
	}

	/** The listening connection's server process, or 0 while not connected (tests end it to cut the line). */
	public int listenerPid() {
		return listenerPid;
	}

	private void listen() {
		while (running) {
			try (Connection connection = open()) {
				listening = connection;
				try (var statement = connection.createStatement()) {
					statement.execute("listen " + CHANNEL);
					var rs = statement.executeQuery("select pg_backend_pid()");
					rs.next();
					listenerPid = rs.getInt(1);
				}
				// evictions sent while nobody listened are lost: forget everything once listening again
				caches.values().forEach(list -> list.forEach(ReadCache::clearHere));
				connects.incrementAndGet();
				PGConnection pg = connection.unwrap(PGConnection.class);
				while (running) {
					PGNotification[] notes = pg.getNotifications(500);
					if (notes != null) {
						for (PGNotification note : notes) {
							receive(note.getParameter());
						}
					}
				}
			}
			catch (SQLException | RuntimeException e) {
				listenerPid = 0;
				if (running) {
					log.warn("Cache bus lost its connection, listening again: {}", e.getMessage());
					pause(200);
				}
			}
		}
	}

	private void receive(String message) {
		String[] parts = message.split("\\|", 3);
		if (parts.length != 3 || parts[0].equals(node)) {
			return;
		}
		received.incrementAndGet();
		String key = parts[2].equals("*") ? null : parts[2].substring(1);
		caches.getOrDefault(parts[1], List.of()).forEach(cache -> cache.evictFromElsewhere(key));
	}

	/** Drains the outbox: all that is waiting goes in one statement. */
	private void send() {
		JdbcClient jdbc = JdbcClient.create(dataSource);
		while (running) {
			List<String> batch = new ArrayList<>();
			try {
				String first = outbox.poll(500, TimeUnit.MILLISECONDS);
				if (first == null) {
					continue;
				}
				batch.add(first);
				outbox.drainTo(batch, 500);
				jdbc.sql("select count(pg_notify('" + CHANNEL + "', m)) from unnest(cast(? as text[])) m")
					.param(batch.toArray(String[]::new))
					.query(Long.class)
					.single();
			}
			catch (InterruptedException e) {
				return;
			}
			catch (RuntimeException e) {
				log.warn("Cache bus could not send {} evictions (entries expire on other nodes): {}", batch.size(),
						e.getMessage());
				pause(200);
			}
		}
	}

	/** A connection of its own, outside the pool: it is held for as long as the node runs. */
	private Connection open() throws SQLException {
		if (dataSource.isWrapperFor(HikariDataSource.class)) {
			var hikari = dataSource.unwrap(HikariDataSource.class);
			return DriverManager.getConnection(hikari.getJdbcUrl(), hikari.getUsername(), hikari.getPassword());
		}
		return dataSource.getConnection();
	}

	private static Thread daemon(Runnable work, String name) {
		Thread thread = new Thread(work, name);
		thread.setDaemon(true);
		thread.start();
		return thread;
	}

	private static void closeQuietly(Connection connection) {
		if (connection != null) {
			try {
				connection.close();
			}
			catch (SQLException e) {
				// closing anyway
			}
		}
	}

	private static void pause(long millis) {
		try {
			Thread.sleep(millis);
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
		}
	}
}
