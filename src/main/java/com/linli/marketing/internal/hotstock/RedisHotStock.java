package com.linli.marketing.internal.hotstock;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import javax.sql.DataSource;

import com.linli.identity.AccountId;
import com.linli.marketing.CouponTemplate;
import com.linli.marketing.ListingId;
import com.linli.marketing.internal.flash.FlashSales;
import com.linli.shared.JobLock;
import io.lettuce.core.ClientOptions;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisConnectionException;
import io.lettuce.core.RedisException;
import io.lettuce.core.RedisURI;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.SetArgs;
import io.lettuce.core.SocketOptions;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Hot stock in Redis. A counter per flash-sale listing ({@code l:<id>}) and per coupon template ({@code c:<id>}):
 * a hash {@code hs:s:<counter>} with what is left ({@code rem}) and the per-resident limit ({@code lim}), a hash
 * {@code hs:h:<counter>} of what each resident holds. One Lua script checks and takes all of an order's units or
 * none, and records the take under a fresh token ({@code hs:t}, {@code hs:p} by time): a retry of the script with
 * the token takes nothing twice, and the token is what a rollback gives back. The token is also written to
 * {@code marketing.hot_stock_take} in the caller's transaction, so that the reconciliation knows which takes the
 * database committed.
 * <p>
 * The database stays the record and still decides (its conditional updates run after a take here): Redis
 * wrong in either direction never sells more than the cap. A counter absent from Redis is loaded from the
 * database (cap minus sold, the residents' holdings) by one node under a lock, the others meanwhile leave the
 * decision to the database. {@code hs:gen} names the generation of the data: a Redis that came back empty has
 * none, and the node that notices first clears what is left and starts a new one. Redis away: the database path.
 */
class RedisHotStock implements HotStock, AutoCloseable {

	private static final Logger log = LoggerFactory.getLogger(RedisHotStock.class);

	/** A take Redis still holds this long after it was made has no request waiting for it any more. */
	static final Duration STALE = Duration.ofSeconds(30);

	private static final String[] NO_KEYS = new String[0];

	// ARGV: generation, token, now (ms), then (counter, resident, units) per part.
	// Answers {1, emptied} taken (or taken before by the token), {-1} another generation, {-2, i} part i not
	// loaded, {-3, i} part i sold out, {-4, i} part i over the resident's limit.
	private static final String TAKE = """
			if redis.call('get', 'hs:gen') ~= ARGV[1] then return {-1, 0} end
			if redis.call('hexists', 'hs:t', ARGV[2]) == 1 then return {1, 0} end
			local n = (#ARGV - 3) / 3
			for i = 0, n - 1 do
			  local c, r, q = ARGV[4 + 3 * i], ARGV[5 + 3 * i], tonumber(ARGV[6 + 3 * i])
			  local s = redis.call('hmget', 'hs:s:' .. c, 'rem', 'lim')
			  if not s[1] then return {-2, i} end
			  if tonumber(s[1]) < q then return {-3, i} end
			  local held = tonumber(redis.call('hget', 'hs:h:' .. c, r) or '0')
			  if held + q > tonumber(s[2]) then return {-4, i} end
			end
			local parts = {}
			local emptied = 0
			for i = 0, n - 1 do
			  local c, r, q = ARGV[4 + 3 * i], ARGV[5 + 3 * i], tonumber(ARGV[6 + 3 * i])
			  if redis.call('hincrby', 'hs:s:' .. c, 'rem', -q) == 0 then emptied = emptied + 1 end
			  redis.call('hincrby', 'hs:h:' .. c, r, q)
			  parts[#parts + 1] = c .. ' ' .. r .. ' ' .. q
			end
			redis.call('hset', 'hs:t', ARGV[2], table.concat(parts, ','))
			redis.call('zadd', 'hs:p', ARGV[3], ARGV[2])
			return {1, emptied}""";

	// ARGV: token. Gives the token's units back (once: the token goes with them).
	private static final String GIVE_BACK = """
			local p = redis.call('hget', 'hs:t', ARGV[1])
			if not p then return 0 end
			for c, r, q in string.gmatch(p, '([^ ,]+) ([^ ,]+) ([^ ,]+)') do
			  if redis.call('exists', 'hs:s:' .. c) == 1 then
			    redis.call('hincrby', 'hs:s:' .. c, 'rem', tonumber(q))
			    redis.call('hincrby', 'hs:h:' .. c, r, -tonumber(q))
			  end
			end
			redis.call('hdel', 'hs:t', ARGV[1])
			redis.call('zrem', 'hs:p', ARGV[1])
			return 1""";

	// ARGV: token. The take is in the database: Redis forgets the token, the units stay taken.
	private static final String SETTLE = """
			redis.call('hdel', 'hs:t', ARGV[1])
			redis.call('zrem', 'hs:p', ARGV[1])
			return 1""";

	// ARGV: generation, counter, resident, units. Units given back after the database took them back.
	private static final String RETURN = """
			if redis.call('get', 'hs:gen') ~= ARGV[1] then return 0 end
			if redis.call('exists', 'hs:s:' .. ARGV[2]) == 0 then return 0 end
			redis.call('hincrby', 'hs:s:' .. ARGV[2], 'rem', tonumber(ARGV[4]))
			if redis.call('hincrby', 'hs:h:' .. ARGV[2], ARGV[3], -tonumber(ARGV[4])) < 0 then
			  redis.call('hset', 'hs:h:' .. ARGV[2], ARGV[3], 0)
			end
			return 1""";

	// ARGV: generation, counter, left, limit, then (resident, held) pairs. Loads a counter Redis does not have.
	private static final String LOAD = """
			if redis.call('get', 'hs:gen') ~= ARGV[1] then return -1 end
			if redis.call('exists', 'hs:s:' .. ARGV[2]) == 1 then return 0 end
			redis.call('del', 'hs:h:' .. ARGV[2])
			for i = 5, #ARGV, 2 do redis.call('hset', 'hs:h:' .. ARGV[2], ARGV[i], ARGV[i + 1]) end
			redis.call('hset', 'hs:s:' .. ARGV[2], 'rem', ARGV[3], 'lim', ARGV[4])
			redis.call('sadd', 'hs:loaded', ARGV[2])
			return 1""";

	// ARGV: generation, counter, left and limit by the database, the number k of committed tokens, the k tokens,
	// then (resident, held) pairs. Sets the counter to the database's figures less the takes Redis holds that the
	// database has not committed (yet): answers how far it was off.
	private static final String RESYNC = """
			if redis.call('get', 'hs:gen') ~= ARGV[1] then return 0 end
			if redis.call('exists', 'hs:s:' .. ARGV[2]) == 0 then return 0 end
			local rem = tonumber(ARGV[3])
			local k = tonumber(ARGV[5])
			local committed = {}
			for i = 6, 5 + k do committed[ARGV[i]] = true end
			local held = {}
			for i = 6 + k, #ARGV, 2 do held[ARGV[i]] = tonumber(ARGV[i + 1]) end
			local takes = redis.call('hgetall', 'hs:t')
			for j = 1, #takes, 2 do
			  if not committed[takes[j]] then
			    for c, r, q in string.gmatch(takes[j + 1], '([^ ,]+) ([^ ,]+) ([^ ,]+)') do
			      if c == ARGV[2] then
			        rem = rem - tonumber(q)
			        held[r] = (held[r] or 0) + tonumber(q)
			      end
			    end
			  end
			end
			local before = tonumber(redis.call('hget', 'hs:s:' .. ARGV[2], 'rem'))
			redis.call('del', 'hs:h:' .. ARGV[2])
			for r, q in pairs(held) do
			  if q > 0 then redis.call('hset', 'hs:h:' .. ARGV[2], r, q) end
			end
			redis.call('hset', 'hs:s:' .. ARGV[2], 'rem', rem, 'lim', ARGV[4])
			return before - rem""";

	private final JdbcClient jdbc;

	private final DataSource dataSource;

	private final TransactionTemplate snapshot;

	private final FlashSales sales;

	private final Clock clock;

	private final RedisClient client;

	private volatile StatefulRedisConnection<String, String> connection;

	/** The generation of Redis's data this node works with (null: not known yet). */
	private volatile String generation;

	RedisHotStock(JdbcClient jdbc, DataSource dataSource, PlatformTransactionManager transactions, FlashSales sales,
			Clock clock, String host, int port) {
		this.jdbc = jdbc;
		this.dataSource = dataSource;
		this.snapshot = new TransactionTemplate(transactions);
		// the database's figures and its committed tokens as of one moment
		this.snapshot.setIsolationLevel(TransactionDefinition.ISOLATION_REPEATABLE_READ);
		this.snapshot.setReadOnly(true);
		this.sales = sales;
		this.clock = clock;
		this.client = RedisClient.create(RedisURI.builder().withHost(host).withPort(port)
			.withTimeout(Duration.ofSeconds(1)).build());
		// a Redis away refuses at once (the database decides) instead of queueing the order path behind it
		this.client.setOptions(ClientOptions.builder().autoReconnect(true)
			.disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS)
			.socketOptions(SocketOptions.builder().connectTimeout(Duration.ofSeconds(1)).build()).build());
	}

	/** When the last failed connect was tried: while Redis is away, not every request waits for a connect. */
	private volatile long connectFailedAt;

	private volatile boolean connectFailed;

	private RedisCommands<String, String> redis() {
		var c = connection;
		if (c == null) {
			if (connectFailed && System.nanoTime() - connectFailedAt < 1_000_000_000L) {
				throw new RedisConnectionException("Redis was away a moment ago");
			}
			synchronized (this) {
				if (connection == null) {
					try {
						// once connected, Lettuce reconnects by itself (commands refused meanwhile)
						connection = client.connect();
					}
					catch (RedisException e) {
						connectFailedAt = System.nanoTime();
						connectFailed = true;
						log.warn("Hot stock: no connection to Redis ({})", e.getMessage());
						throw e;
					}
				}
				c = connection;
			}
		}
		return c.sync();
	}

	@SuppressWarnings("unchecked")
	private <T> T eval(String script, ScriptOutputType type, String... args) {
		return (T) redis().eval(script, type, NO_KEYS, args);
	}

	private record Part(String counter, String resident, int units, ListingId listing) {
	}

	@Override
	public Refused take(AccountId resident, Map<ListingId, Integer> quantities) {
		List<Part> parts = new ArrayList<>(quantities.size());
		for (var e : quantities.entrySet()) {
			if (sales.cached(e.getKey()).isPresent()) {
				parts.add(new Part("l:" + e.getKey().value(), Long.toString(resident.value()), e.getValue(), e.getKey()));
			}
		}
		return parts.isEmpty() ? null : take(parts);
	}

	@Override
	public Refused takeCoupon(CouponTemplate template, AccountId resident) {
		return take(List.of(new Part("c:" + template.id(), Long.toString(resident.value()), 1, null)));
	}

	private Refused take(List<Part> parts) {
		String token = UUID.randomUUID().toString();
		String[] args = new String[3 + 3 * parts.size()];
		args[1] = token;
		for (int i = 0; i < parts.size(); i++) {
			args[3 + 3 * i] = parts.get(i).counter();
			args[4 + 3 * i] = parts.get(i).resident();
			args[5 + 3 * i] = Integer.toString(parts.get(i).units());
		}
		try {
			for (int attempt = 0; attempt < 4; attempt++) {
				if (generation == null && !adoptGeneration()) {
					return null;
				}
				args[0] = generation;
				args[2] = Long.toString(clock.millis());
				List<Long> answer = evalRetried(args);
				int code = answer.get(0).intValue();
				int i = answer.get(1).intValue();
				switch (code) {
					case 1 -> {
						committedOrGivenBack(token, parts);
						return null;
					}
					case -1 -> generation = null;
					case -2 -> {
						if (!load(parts.get(i).counter())) {
							return null;
						}
					}
					case -3 -> {
						return new Refused(Refusal.SOLD_OUT, parts.get(i).listing());
					}
					default -> {
						return new Refused(Refusal.OVER_LIMIT, parts.get(i).listing());
					}
				}
			}
			return null;
		}
		catch (RedisException e) {
			// Redis away or slow: the database decides alone (a take the script did make is found stale and given back)
			warn("Hot stock: Redis did not answer ({}); the database decides", e.getMessage());
			return null;
		}
	}

	/** The script once more with the same token if the first answer was lost: the token takes nothing twice. */
	private List<Long> evalRetried(String[] args) {
		try {
			return eval(TAKE, ScriptOutputType.MULTI, args);
		}
		catch (RedisException e) {
			return eval(TAKE, ScriptOutputType.MULTI, args);
		}
	}

	/** The token into the caller's transaction; Redis forgets it once committed, gives its units back if not. */
	private void committedOrGivenBack(String token, List<Part> parts) {
		Timestamp at = Timestamp.from(clock.instant());
		for (Part p : parts) {
			jdbc.sql("insert into marketing.hot_stock_take (token, counter, taken_at) values (cast(? as uuid), ?, ?)")
				.params(token, p.counter(), at).update();
		}
		TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
			@Override
			public void afterCompletion(int status) {
				try {
					eval(status == STATUS_COMMITTED ? SETTLE : GIVE_BACK, ScriptOutputType.INTEGER, token);
				}
				catch (RedisException e) {
					// the reconciliation finds the token stale and settles or gives it back by the database
					warn("Hot stock: take {} left to the reconciliation ({})", token, e.getMessage());
				}
			}
		});
	}

	private volatile long warnedAt;

	/** At most one warning a second: while Redis is away every flash-sale request would say the same. */
	private void warn(String message, Object... args) {
		long now = System.nanoTime();
		if (now - warnedAt > 1_000_000_000L || warnedAt == 0) {
			warnedAt = now;
			log.warn(message, args);
		}
	}

	@Override
	public void returned(ListingId listing, AccountId resident, int quantity) {
		if (sales.cached(listing).isEmpty() || !TransactionSynchronizationManager.isSynchronizationActive()) {
			return;
		}
		TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
			@Override
			public void afterCommit() {
				try {
					String g = generation;
					if (g != null) {
						eval(RETURN, ScriptOutputType.INTEGER, g, "l:" + listing.value(), Long.toString(resident.value()),
								Integer.toString(quantity));
					}
				}
				catch (RedisException e) {
					log.warn("Hot stock: units of listing {} given back left to the reconciliation ({})", listing.value(),
							e.getMessage());
				}
			}
		});
	}

	@Override
	public boolean soldOut(ListingId listing) {
		return sales.cached(listing).isPresent() && nothingLeft("l:" + listing.value());
	}

	@Override
	public boolean couponsGone(long templateId) {
		return nothingLeft("c:" + templateId);
	}

	private boolean nothingLeft(String counter) {
		try {
			String left = redis().hget("hs:s:" + counter, "rem");
			return left != null && Integer.parseInt(left) <= 0;
		}
		catch (RedisException e) {
			return false;
		}
	}

	/**
	 * The generation Redis holds, or a new one when it holds none (it came back empty, or never held hot stock):
	 * one node clears what is left and names it, under a lock; false when another node is at it.
	 */
	private boolean adoptGeneration() {
		var redis = redis();
		String current = redis.get("hs:gen");
		if (current != null) {
			generation = current;
			return true;
		}
		String me = UUID.randomUUID().toString();
		if (!"OK".equals(redis.set("hs:gen-lock", me, SetArgs.Builder.nx().px(5_000)))) {
			String named = awaitKey("hs:gen");
			if (named != null) {
				generation = named;
			}
			return named != null;
		}
		try {
			for (String counter : redis.smembers("hs:loaded")) {
				redis.del("hs:s:" + counter, "hs:h:" + counter);
			}
			redis.del("hs:loaded", "hs:t", "hs:p");
			redis.set("hs:gen", me);
			generation = me;
			log.info("Hot stock: Redis held no generation; started {} (counters load from the database)", me);
			return true;
		}
		finally {
			redis.del("hs:gen-lock");
		}
	}

	/** Loads a counter from the database under a lock; false when another node is loading it. */
	private boolean load(String counter) {
		var redis = redis();
		if (!"OK".equals(redis.set("hs:lock:" + counter, "1", SetArgs.Builder.nx().px(5_000)))) {
			return awaitKey("hs:s:" + counter) != null;
		}
		try {
			Figures f = figures(counter);
			if (f == null) {
				return false;
			}
			List<String> args = new ArrayList<>(List.of(generation, counter, Integer.toString(f.left()),
					Integer.toString(f.limit())));
			f.held().forEach((r, q) -> {
				args.add(Long.toString(r));
				args.add(Integer.toString(q));
			});
			Long loaded = eval(LOAD, ScriptOutputType.INTEGER, args.toArray(String[]::new));
			if (loaded < 0) {
				generation = null;
			}
			return loaded >= 0;
		}
		finally {
			redis.del("hs:lock:" + counter);
		}
	}

	/**
	 * Waits a little for another node (or thread) to write the key: a moment's wait costs the burst less than
	 * sending all its requests to the database meanwhile. Answers the key's type or value, null if it did not come.
	 */
	private String awaitKey(String key) {
		var redis = redis();
		for (int i = 0; i < 50; i++) {
			String type = redis.type(key);
			if (!"none".equals(type)) {
				return "string".equals(type) ? redis.get(key) : type;
			}
			try {
				Thread.sleep(5);
			}
			catch (InterruptedException e) {
				Thread.currentThread().interrupt();
				return null;
			}
		}
		return null;
	}

	private record Figures(int left, int limit, Map<Long, Integer> held) {
	}

	/** What the database says is left of the counter, its limit and each resident's holding (null: no such row). */
	private Figures figures(String counter) {
		long id = Long.parseLong(counter.substring(2));
		boolean listing = counter.startsWith("l:");
		var row = jdbc.sql(listing ? "select stock_cap - sold, per_resident_limit from marketing.listing where id = ?"
				: "select total_quantity - issued, per_resident_limit from marketing.coupon_template where id = ?")
			.param(id).query((rs, n) -> new int[] { rs.getInt(1), rs.getInt(2) }).optional();
		if (row.isEmpty()) {
			return null;
		}
		Map<Long, Integer> held = new java.util.HashMap<>();
		jdbc.sql(listing ? "select resident_id, quantity from marketing.listing_purchase where listing_id = ? and quantity > 0"
				: "select resident_id, issued from marketing.coupon_holding where template_id = ? and issued > 0")
			.param(id).query(rs -> {
				held.put(rs.getLong(1), rs.getInt(2));
			});
		return new Figures(row.get()[0], row.get()[1], held);
	}

	/** Once soon after start-up (counters Redis kept set to the database), then every interval. */
	@Scheduled(fixedDelayString = "${linli.hot-stock.reconcile-interval:PT10S}", initialDelayString = "PT1S")
	void reconcileOnSchedule() {
		try {
			reconcile();
		}
		catch (RedisException e) {
			log.warn("Hot stock: reconciliation skipped, Redis did not answer ({})", e.getMessage());
		}
	}

	/**
	 * Takes older than {@link #STALE} are settled when the database has their token, given back when not (the
	 * node that made them died, or Redis answered it too late); then every loaded counter is set to the database's
	 * figures less the takes still on their way. One node at a time (JobLock); idempotent.
	 */
	@Override
	public int reconcile() {
		var lock = JobLock.tryAcquire(dataSource, "marketing.hot-stock-reconcile");
		if (lock.isEmpty()) {
			return 0;
		}
		try (var held = lock.get()) {
			var redis = redis();
			if (generation == null || !generation.equals(redis.get("hs:gen"))) {
				generation = null;
				if (!adoptGeneration()) {
					return 0;
				}
			}
			int corrected = 0;
			List<String> stale = eval("return redis.call('zrangebyscore', 'hs:p', '-inf', ARGV[1])", ScriptOutputType.MULTI,
					Long.toString(clock.millis() - STALE.toMillis()));
			for (String token : stale) {
				boolean committed = jdbc.sql("select exists (select 1 from marketing.hot_stock_take where token = cast(? as uuid))")
					.param(token).query(Boolean.class).single();
				eval(committed ? SETTLE : GIVE_BACK, ScriptOutputType.INTEGER, token);
				corrected += committed ? 0 : 1;
			}
			for (String counter : redis.smembers("hs:loaded")) {
				corrected += Math.abs(resync(counter, redis.hkeys("hs:t")));
			}
			jdbc.sql("delete from marketing.hot_stock_take where taken_at < ?")
				.param(Timestamp.from(clock.instant().minus(Duration.ofHours(1)))).update();
			return corrected;
		}
	}

	/** One counter to the database's figures; the tokens Redis held before the snapshot, to tell committed ones. */
	private int resync(String counter, List<String> pending) {
		Timestamp since = Timestamp.from(clock.instant().minus(STALE));
		record Snapshot(Figures figures, Set<String> committed) {
		}
		Snapshot s = snapshot.execute(status -> {
			Figures f = figures(counter);
			// committed tokens among those Redis held, and any of the counter's made since (Redis may hold them too)
			Set<String> committed = new HashSet<>(jdbc.sql("""
					select distinct token::text from marketing.hot_stock_take
					 where token::text = any(cast(? as text[])) or (counter = ? and taken_at >= ?)""")
				.params(pending.toArray(String[]::new), counter, since).query(String.class).list());
			return new Snapshot(f, committed);
		});
		if (s == null || s.figures() == null) {
			return 0;
		}
		List<String> args = new ArrayList<>(List.of(generation, counter, Integer.toString(s.figures().left()),
				Integer.toString(s.figures().limit()), Integer.toString(s.committed().size())));
		args.addAll(s.committed());
		s.figures().held().forEach((r, q) -> {
			args.add(Long.toString(r));
			args.add(Integer.toString(q));
		});
		Long off = eval(RESYNC, ScriptOutputType.INTEGER, args.toArray(String[]::new));
		return off.intValue();
	}

	@Override
	public void close() {
		var c = connection;
		if (c != null) {
			c.close();
		}
		client.shutdown();
	}
}
