package com.linli.payment.internal.simulated;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

import com.linli.payment.internal.NotificationRejected;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class NotificationSignatureTests {

	static final String SECRET = "a-test-secret-of-some-length";

	static final byte[] BODY = """
			{"transactionId":"SIM1","merchantReference":"order:1","amountFen":1280}""".getBytes(StandardCharsets.UTF_8);

	final NotificationSignature signature = new NotificationSignature(SECRET);

	final Instant now = Instant.parse("2025-06-01T10:00:00Z");

	@Test
	void aSignedBodyVerifies() {
		String header = signature.header(now.getEpochSecond(), "abcdef0123456789", BODY);
		assertThat(header).matches("t=\\d+,n=abcdef0123456789,s=[0-9a-f]{64}");
		assertThatCode(() -> signature.verify(header, BODY, now)).doesNotThrowAnyException();
	}

	@Test
	void theSignatureIsHmacSha256OverTimestampNonceAndBody() throws Exception {
		var mac = javax.crypto.Mac.getInstance("HmacSHA256");
		mac.init(new javax.crypto.spec.SecretKeySpec(SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
		byte[] expected = mac.doFinal((now.getEpochSecond() + "\nnonce1234\n" + new String(BODY, StandardCharsets.UTF_8))
			.getBytes(StandardCharsets.UTF_8));
		assertThat(signature.header(now.getEpochSecond(), "nonce1234", BODY))
			.endsWith(",s=" + java.util.HexFormat.of().formatHex(expected));
	}

	@Test
	void aTamperedBodyIsRejected() {
		String header = signature.header(now.getEpochSecond(), "abcdef0123456789", BODY);
		byte[] tampered = new String(BODY, StandardCharsets.UTF_8).replace("1280", "1").getBytes(StandardCharsets.UTF_8);
		assertThatThrownBy(() -> signature.verify(header, tampered, now)).isInstanceOf(NotificationRejected.class)
			.hasMessageContaining("does not match");
	}

	@Test
	void aSignatureMadeWithAnotherSecretIsRejected() {
		String header = new NotificationSignature("another-secret-of-some-length").header(now.getEpochSecond(),
				"abcdef0123456789", BODY);
		assertThatThrownBy(() -> signature.verify(header, BODY, now)).isInstanceOf(NotificationRejected.class);
	}

	@Test
	void aChangedTimestampOrNonceBreaksTheSignature() {
		String header = signature.header(now.getEpochSecond(), "abcdef0123456789", BODY);
		String otherTime = header.replace("t=" + now.getEpochSecond(), "t=" + (now.getEpochSecond() + 1));
		String otherNonce = header.replace("n=abcdef0123456789", "n=abcdef0123456788");
		assertThatThrownBy(() -> signature.verify(otherTime, BODY, now)).isInstanceOf(NotificationRejected.class);
		assertThatThrownBy(() -> signature.verify(otherNonce, BODY, now)).isInstanceOf(NotificationRejected.class);
	}

	@Test
	void aStaleOrFutureTimestampIsRejectedEvenWhenCorrectlySigned() {
		String old = signature.header(now.minusSeconds(301).getEpochSecond(), "abcdef0123456789", BODY);
		String future = signature.header(now.plusSeconds(301).getEpochSecond(), "abcdef0123456789", BODY);
		String justInTime = signature.header(now.minusSeconds(300).getEpochSecond(), "abcdef0123456789", BODY);
		assertThatThrownBy(() -> signature.verify(old, BODY, now)).isInstanceOf(NotificationRejected.class)
			.hasMessageContaining("timestamp");
		assertThatThrownBy(() -> signature.verify(future, BODY, now)).isInstanceOf(NotificationRejected.class);
		assertThatCode(() -> signature.verify(justInTime, BODY, now)).doesNotThrowAnyException();
	}

	@Test
	void aReplayedNonceVerifiesBecauseApplyingANotificationIsIdempotent() {
		String header = signature.header(now.getEpochSecond(), "abcdef0123456789", BODY);
		signature.verify(header, BODY, now);
		assertThatCode(() -> signature.verify(header, BODY, now.plusSeconds(60))).doesNotThrowAnyException();
	}

	@Test
	void aMissingOrMalformedHeaderIsRejected() {
		assertThatThrownBy(() -> signature.verify(null, BODY, now)).isInstanceOf(NotificationRejected.class)
			.hasMessageContaining("missing");
		assertThatThrownBy(() -> signature.verify("", BODY, now)).isInstanceOf(NotificationRejected.class);
		assertThatThrownBy(() -> signature.verify("t=1,n=x,s=zz", BODY, now)).isInstanceOf(NotificationRejected.class)
			.hasMessageContaining("malformed");
		assertThatThrownBy(() -> signature.verify("sha256=deadbeef", BODY, now))
			.isInstanceOf(NotificationRejected.class);
	}

	@Test
	void freshNoncesDiffer() {
		assertThat(NotificationSignature.nonce()).hasSize(32).isNotEqualTo(NotificationSignature.nonce());
	}
}
