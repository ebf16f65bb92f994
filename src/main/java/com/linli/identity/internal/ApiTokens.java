package com.linli.identity.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Opaque bearer tokens for the API (mini-program clients). Only their SHA-256 is stored. */
@Component
public class ApiTokens {

	private static final SecureRandom RANDOM = new SecureRandom();

	private final JdbcClient jdbc;

	private final Clock clock;

	private final Duration lifetime;

	private final org.springframework.context.ApplicationEventPublisher events;

	ApiTokens(JdbcClient jdbc, Clock clock, @Value("${linli.security.token-days:30}") int days,
			org.springframework.context.ApplicationEventPublisher events) {
		this.events = events;
		this.jdbc = jdbc;
		this.clock = clock;
		this.lifetime = Duration.ofDays(days);
	}

	public IssuedToken issue(long accountId) {
		byte[] bytes = new byte[32];
		RANDOM.nextBytes(bytes);
		String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
		Instant now = clock.instant();
		Instant expires = now.plus(lifetime);
		jdbc.sql("insert into identity.api_token (token_hash, account_id, created_at, expires_at) values (?, ?, ?, ?)")
			.params(hash(token), accountId, Timestamp.from(now), Timestamp.from(expires)).update();
		return new IssuedToken(token, expires);
	}

	/** The account a valid token belongs to, and until when the token is valid. */
	Optional<Holder> accountOf(String token) {
		return jdbc.sql("select account_id, expires_at from identity.api_token where token_hash = ? and expires_at > ?")
			.params(hash(token), Timestamp.from(clock.instant()))
			.query((rs, n) -> new Holder(rs.getLong(1), rs.getTimestamp(2).toInstant()))
			.optional();
	}

	record Holder(long accountId, Instant expiresAt) {
	}

	public void revoke(String token) {
		jdbc.sql("delete from identity.api_token where token_hash = ?").param(hash(token)).update();
		events.publishEvent(new TokenRevoked(token));
	}

	/** A token was revoked: caches of resolved tokens forget it. */
	record TokenRevoked(String token) {
	}

	static String hash(String token) {
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
				.digest(token.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException(e);
		}
	}

	public record IssuedToken(String token, Instant expiresAt) {
	}
}
