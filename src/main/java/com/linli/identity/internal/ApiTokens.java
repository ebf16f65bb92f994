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

	ApiTokens(JdbcClient jdbc, Clock clock, @Value("${linli.security.token-days:30}") int days) {
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

	/**
	 * The enabled account a valid token belongs to, with its security version: one read by the token's
	 * primary key and the account's, asked on every API request so that a revocation on any node holds at once.
	 */
	Optional<Holder> accountOf(String token) {
		return jdbc.sql("""
				select t.account_id, a.security_version from identity.api_token t
				  join identity.account a on a.id = t.account_id and a.enabled
				 where t.token_hash = ? and t.expires_at > ?""")
			.params(hash(token), Timestamp.from(clock.instant()))
			.query((rs, n) -> new Holder(rs.getLong(1), rs.getLong(2)))
			.optional();
	}

	record Holder(long accountId, long securityVersion) {
	}

	public void revoke(String token) {
		jdbc.sql("delete from identity.api_token where token_hash = ?").param(hash(token)).update();
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
