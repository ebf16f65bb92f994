package com.linli.leader.internal.recruitment;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Locale;

import com.linli.shared.BusinessRuleException;
import com.linli.shared.InvalidInputException;
import com.linli.shared.SmsSender;
import com.linli.shared.Text;

import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Verification codes for an applicant's phone: six digits by SMS (through {@link SmsSender}; the demo's channel
 * logs them), valid for ten minutes, at most five tries each, one a minute and ten a day per phone. Only a hash
 * of the code is kept. A wrong try is counted in a transaction of its own, so the refusal does not undo it.
 */
@Component
public class PhoneCodes {

	static final Duration VALID = Duration.ofMinutes(10);

	static final Duration RESEND_AFTER = Duration.ofSeconds(60);

	static final int PER_DAY = 10;

	static final int TRIES = 5;

	private final JdbcClient jdbc;

	private final SmsSender sms;

	private final MessageSource messages;

	private final Clock clock;

	private final TransactionTemplate ownTransaction;

	private final SecureRandom random = new SecureRandom();

	PhoneCodes(JdbcClient jdbc, SmsSender sms, MessageSource messages, Clock clock,
			PlatformTransactionManager transactions) {
		this.jdbc = jdbc;
		this.sms = sms;
		this.messages = messages;
		this.clock = clock;
		this.ownTransaction = new TransactionTemplate(transactions);
		this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
	}

	/** Sends a new code to the phone, unless one went out less than a minute ago or ten today; answers its expiry. */
	public Instant send(String phone, Locale locale) {
		Instant now = clock.instant();
		var last = jdbc.sql("select max(sent_at) from leader.phone_code where phone = ?").param(phone)
			.query(Timestamp.class).optional();
		if (last.isPresent() && last.get() != null && last.get().toInstant().plus(RESEND_AFTER).isAfter(now)) {
			throw new BusinessRuleException("code-sent-recently", "phone", Text.of("leader.problem.recruitmentCodeSentRecently"));
		}
		long today = jdbc.sql("select count(*) from leader.phone_code where phone = ? and sent_at > ?")
			.params(phone, Timestamp.from(now.minus(Duration.ofDays(1)))).query(Long.class).single();
		if (today >= PER_DAY) {
			throw new BusinessRuleException("too-many-codes", "phone", Text.of("leader.problem.recruitmentTooManyCodes"));
		}
		String code = String.format("%06d", random.nextInt(1_000_000));
		Instant expires = now.plus(VALID);
		jdbc.sql("insert into leader.phone_code (phone, code_hash, sent_at, expires_at) values (?, ?, ?, ?)")
			.params(phone, hash(phone, code), Timestamp.from(now), Timestamp.from(expires)).update();
		sms.send(phone, Text.of("leader.recruitment.sms.code", code, VALID.toMinutes()).in(messages, locale));
		return expires;
	}

	/**
	 * Uses the phone's latest code if it matches (within the current transaction: undone with it); a wrong code
	 * counts a try at once. Refuses a missing, expired, used-up or wrong code naming {@code code}.
	 */
	public void use(String phone, String code) {
		if (code == null || !code.strip().matches("[0-9]{6}")) {
			throw new InvalidInputException("code", Text.of("leader.problem.recruitmentCodeFormat"));
		}
		Instant now = clock.instant();
		record Latest(long id, String hash, Instant expires, int attempts, boolean used) {
		}
		var latest = jdbc.sql("""
				select id, code_hash, expires_at, attempts, used_at is not null as used from leader.phone_code
				 where phone = ? order by sent_at desc, id desc limit 1""")
			.param(phone)
			.query((rs, n) -> new Latest(rs.getLong(1), rs.getString(2), rs.getTimestamp(3).toInstant(), rs.getInt(4),
					rs.getBoolean(5)))
			.optional()
			.orElseThrow(() -> new InvalidInputException("code", Text.of("leader.problem.recruitmentCodeMissing")));
		if (latest.used() || !latest.expires().isAfter(now)) {
			throw new InvalidInputException("code", Text.of("leader.problem.recruitmentCodeExpired"));
		}
		if (latest.attempts() >= TRIES) {
			throw new InvalidInputException("code", Text.of("leader.problem.recruitmentCodeTooManyTries"));
		}
		if (!MessageDigest.isEqual(latest.hash().getBytes(StandardCharsets.US_ASCII),
				hash(phone, code.strip()).getBytes(StandardCharsets.US_ASCII))) {
			ownTransaction.executeWithoutResult(s -> jdbc
				.sql("update leader.phone_code set attempts = attempts + 1 where id = ? and attempts < ?")
				.params(latest.id(), TRIES).update());
			throw new InvalidInputException("code", Text.of("leader.problem.recruitmentCodeWrong"));
		}
		int used = jdbc.sql("update leader.phone_code set used_at = ? where id = ? and used_at is null")
			.params(Timestamp.from(now), latest.id()).update();
		if (used != 1) {
			throw new InvalidInputException("code", Text.of("leader.problem.recruitmentCodeExpired"));
		}
	}

	static String hash(String phone, String code) {
		try {
			var digest = MessageDigest.getInstance("SHA-256")
				.digest((phone + ":" + code).getBytes(StandardCharsets.UTF_8));
			return HexFormat.of().formatHex(digest);
		}
		catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException(e);
		}
	}
}
