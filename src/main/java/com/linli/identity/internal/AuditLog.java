package com.linli.identity.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

import com.linli.identity.AccountId;
import com.linli.shared.ActedBy;
import com.linli.shared.AdminChange;

import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Who did what and when: sign-ins, failed sign-ins and every {@link AdminChange} any module publishes.
 * Written in the same transaction as the change, so a change without its audit row cannot exist.
 */
@Component
public class AuditLog {

	private final JdbcClient jdbc;

	private final Clock clock;

	private final Accounts accounts;

	AuditLog(JdbcClient jdbc, Clock clock, Accounts accounts) {
		this.jdbc = jdbc;
		this.clock = clock;
		this.accounts = accounts;
	}

	/**
	 * Records a change under who the change says made it: an account under its phone (the log has always
	 * named people by their login), the platform as "system".
	 */
	@EventListener
	void on(AdminChange change) {
		ActedBy by = change.by();
		String actor = by.isSystem() ? "system" : accounts.phone(new AccountId(by.accountId())).orElse(by.name());
		record(by.accountId(), actor, change.action(), change.target(), change.detail());
	}

	/** A sign-in refused before any look-up (the "phone" was no phone number): audited like a wrong password. */
	public void signInRefused(String phone) {
		record(null, phone, "sign-in.failed", "account:" + phone, "not a phone number");
	}

	/** Writes one entry; texts longer than their column are cut (a 100-character "phone" is still audited). */
	void record(Long actorId, String actor, String action, String target, String detail) {
		jdbc.sql("""
				insert into identity.audit_log (at, actor_id, actor, action, target, detail, remote_ip)
				values (?, ?, ?, ?, ?, ?, ?)""")
			.params(Timestamp.from(clock.instant()), actorId, cut(actor, 60), cut(action, 60), cut(target, 200),
					printable(detail), cut(ClientAddress.current(), 64))
			.update();
	}

	private static String cut(String text, int length) {
		String printable = printable(text);
		return printable == null || printable.length() <= length ? printable : printable.substring(0, length);
	}

	/** PostgreSQL stores no NUL character; other control characters say nothing to a reader either. */
	private static String printable(String text) {
		return text == null ? null : text.replaceAll("[\\x00-\\x08\\x0B\\x0C\\x0E-\\x1F\\x7F]", "?");
	}

	/** One page of the log, newest first, optionally of the actions starting with {@code action}. */
	public com.linli.shared.Page<Entry> page(String action, int page, int size) {
		int p = Math.max(page, 0);
		int s = com.linli.shared.Page.size(size);
		long total = jdbc.sql("""
				select count(*) from identity.audit_log
				 where (cast(? as text) is null or action like ? || '%')""")
			.params(action, action).query(Long.class).single();
		var items = jdbc.sql("""
				select at, actor, action, target, detail, remote_ip from identity.audit_log
				 where (cast(? as text) is null or action like ? || '%')
				 order by id desc limit ? offset ?""")
			.params(action, action, s, (long) p * s)
			.query((rs, n) -> new Entry(rs.getTimestamp(1).toInstant(), rs.getString(2), rs.getString(3),
					rs.getString(4), rs.getString(5), rs.getString(6)))
			.list();
		return new com.linli.shared.Page<>(items, total, p, s);
	}

	public record Entry(Instant at, String actor, String action, String target, String detail, String remoteIp) {
	}
}
