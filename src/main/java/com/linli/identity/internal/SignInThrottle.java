package com.linli.identity.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.AuthenticationServiceException;
import org.springframework.stereotype.Component;

/**
 * Slows down password guessing without handing anyone a lock: failed sign-ins are counted per phone and
 * per client address (in the database, so every node sees them). After a few free failures, further
 * attempts for that phone or from that address are refused until a delay has passed that doubles with
 * each failure. A good password refused meanwhile is refused too, but nothing ever ends the account's
 * sessions or tokens: whoever is signed in stays signed in. Unknown phones count like known ones.
 */
@Component
public class SignInThrottle {

	private final JdbcClient jdbc;

	private final Clock clock;

	private final int freePerPhone;

	private final int freePerAddress;

	private final Duration firstDelay;

	private final Duration longestDelay;

	private final Duration forgetAfter;

	SignInThrottle(JdbcClient jdbc, Clock clock,
			@Value("${linli.security.sign-in.free-failures-per-phone:5}") int freePerPhone,
			@Value("${linli.security.sign-in.free-failures-per-address:50}") int freePerAddress,
			@Value("${linli.security.sign-in.first-delay:1s}") Duration firstDelay,
			@Value("${linli.security.sign-in.longest-delay:15m}") Duration longestDelay,
			@Value("${linli.security.sign-in.forget-after:1h}") Duration forgetAfter) {
		this.jdbc = jdbc;
		this.clock = clock;
		this.freePerPhone = freePerPhone;
		this.freePerAddress = freePerAddress;
		this.firstDelay = firstDelay;
		this.longestDelay = longestDelay;
		this.forgetAfter = forgetAfter;
	}

	/** Refuses an attempt for this phone or from this address while either waits out its delay. */
	void check(String phone, String address) {
		Instant now = clock.instant();
		var until = jdbc.sql("select max(blocked_until) from identity.sign_in_throttle where key in (?, ?)")
			.params(phoneKey(phone), addressKey(address)).query(Timestamp.class).optional();
		if (until.isPresent() && until.get() != null && until.get().toInstant().isAfter(now)) {
			throw new Throttled(Duration.between(now, until.get().toInstant()));
		}
	}

	/** A wrong password (or an unknown phone): counts against the phone and the address. */
	void failed(String phone, String address) {
		Instant now = clock.instant();
		count(phoneKey(phone), freePerPhone, now);
		if (address != null) {
			count(addressKey(address), freePerAddress, now);
		}
		jdbc.sql("delete from identity.sign_in_throttle where last_failure_at < ? and (blocked_until is null or blocked_until < ?)")
			.params(Timestamp.from(now.minus(forgetAfter)), Timestamp.from(now)).update();
	}

	/** The right password: the phone's failures are forgotten (the address's wear off with time). */
	void succeeded(String phone) {
		jdbc.sql("delete from identity.sign_in_throttle where key = ?").param(phoneKey(phone)).update();
	}

	private void count(String key, int free, Instant now) {
		int failures = jdbc.sql("""
				insert into identity.sign_in_throttle as t (key, failures, last_failure_at) values (:key, 1, :now)
				on conflict (key) do update
				   set failures = case when t.last_failure_at < :forget then 1 else t.failures + 1 end,
				       last_failure_at = :now
				returning failures""")
			.param("key", key).param("now", Timestamp.from(now))
			.param("forget", Timestamp.from(now.minus(forgetAfter)))
			.query(Integer.class).single();
		if (failures >= free) {
			Instant until = now.plus(delay(failures - free));
			jdbc.sql("""
					update identity.sign_in_throttle
					   set blocked_until = greatest(coalesce(blocked_until, :until), :until)
					 where key = :key""")
				.param("until", Timestamp.from(until)).param("key", key).update();
		}
	}

	/** The first delay, doubled for each failure beyond the free ones, at most the longest delay. */
	Duration delay(int beyondFree) {
		if (beyondFree >= 30) {
			return longestDelay;
		}
		Duration delay = firstDelay.multipliedBy(1L << beyondFree);
		return delay.compareTo(longestDelay) > 0 ? longestDelay : delay;
	}

	private static String phoneKey(String phone) {
		return truncate("phone:" + (phone == null ? "" : phone.trim()));
	}

	private static String addressKey(String address) {
		return truncate("ip:" + address);
	}

	private static String truncate(String key) {
		return key.length() > 100 ? key.substring(0, 100) : key;
	}

	/** Sign-in refused for now: too many failures for this phone or from this address. */
	public static final class Throttled extends AuthenticationServiceException {

		private final Duration retryAfter;

		Throttled(Duration retryAfter) {
			super("too many failed sign-ins: try again in " + retryAfter.toSeconds() + " s");
			this.retryAfter = retryAfter;
		}

		/** Whole seconds to wait, at least one. */
		public long retryAfterSeconds() {
			return Math.max(1, (retryAfter.toMillis() + 999) / 1000);
		}
	}
}
