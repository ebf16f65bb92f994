package com.linli.payment.internal.simulated;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.regex.Pattern;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import com.linli.payment.internal.NotificationRejected;

/**
 * The simulated provider's notification signature, shaped like WeChat Pay's: HMAC-SHA256 with a shared
 * secret over {@code timestamp + "\n" + nonce + "\n" + body}, sent as
 * {@code X-Linli-Signature: t=<epoch seconds>,n=<nonce>,s=<hex>}. A timestamp more than five minutes
 * away from now is refused, which bounds replays; a replay inside that window is harmless because
 * applying a notification is idempotent, so nonces are not remembered.
 */
final class NotificationSignature {

	static final String HEADER = "X-Linli-Signature";

	static final Duration TOLERANCE = Duration.ofMinutes(5);

	private static final Pattern FORMAT = Pattern.compile("t=(\\d{1,12}),n=([A-Za-z0-9]{8,64}),s=([0-9a-f]{64})");

	private static final SecureRandom RANDOM = new SecureRandom();

	private final SecretKeySpec key;

	NotificationSignature(String secret) {
		this.key = new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256");
	}

	/** A fresh random nonce. */
	static String nonce() {
		byte[] bytes = new byte[16];
		RANDOM.nextBytes(bytes);
		return HexFormat.of().formatHex(bytes);
	}

	/** The header value signing {@code body} at {@code timestamp} (epoch seconds) with {@code nonce}. */
	String header(long timestamp, String nonce, byte[] body) {
		return "t=" + timestamp + ",n=" + nonce + ",s=" + HexFormat.of().formatHex(mac(timestamp, nonce, body));
	}

	/**
	 * Checks a header against the body as received.
	 * @throws NotificationRejected when the header is missing or malformed, the signature does not match,
	 *     or the timestamp is not within five minutes of {@code now}
	 */
	void verify(String header, byte[] body, Instant now) {
		if (header == null || header.isBlank()) {
			throw new NotificationRejected("missing " + HEADER + " header");
		}
		var m = FORMAT.matcher(header.trim());
		if (!m.matches()) {
			throw new NotificationRejected("malformed " + HEADER + " header");
		}
		long timestamp = Long.parseLong(m.group(1));
		byte[] expected = mac(timestamp, m.group(2), body);
		byte[] given = HexFormat.of().parseHex(m.group(3));
		if (!MessageDigest.isEqual(expected, given)) {
			throw new NotificationRejected("signature does not match");
		}
		long skew = Math.abs(now.getEpochSecond() - timestamp);
		if (skew > TOLERANCE.toSeconds()) {
			throw new NotificationRejected("timestamp is " + skew + "s away from now; at most "
					+ TOLERANCE.toSeconds() + "s is accepted");
		}
	}

	private byte[] mac(long timestamp, String nonce, byte[] body) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(key);
			mac.update((timestamp + "\n" + nonce + "\n").getBytes(StandardCharsets.UTF_8));
			return mac.doFinal(body);
		}
		catch (NoSuchAlgorithmException | InvalidKeyException e) {
			throw new IllegalStateException("HmacSHA256 is not available", e);
		}
	}
}
