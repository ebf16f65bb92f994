package com.linli.notification.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import com.linli.identity.AccountId;
import com.linli.notification.Message;
import com.linli.notification.MessageId;
import com.linli.notification.MessageKind;
import com.linli.shared.Page;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The messages of the message centre in plain SQL; a dedupe key is taken at most once. */
@Repository
public class Messages {

	private static final String COLUMNS = "id, recipient_id, kind, title, body, link, created_at, read_at";

	private final JdbcClient jdbc;

	Messages(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** A message to write; {@code dedupeKey} names the fact it tells. */
	public record NewMessage(AccountId recipientId, MessageKind kind, String title, String body, String link,
			String dedupeKey, Instant createdAt) {
	}

	/** Writes the message, or nothing when its dedupe key is taken (a redelivered event, a second run). */
	public Optional<Message> insert(NewMessage m) {
		return jdbc.sql("""
				insert into notification.message (recipient_id, kind, title, body, link, dedupe_key, created_at)
				values (?, ?, ?, ?, ?, ?, ?) on conflict (dedupe_key) do nothing
				returning\s""" + COLUMNS)
			.params(m.recipientId().value(), m.kind().name(), m.title(), m.body(), m.link(), m.dedupeKey(),
					Timestamp.from(m.createdAt()))
			.query(Messages::map).optional();
	}

	/** Which of these dedupe keys are taken already. */
	public Set<String> takenKeys(Collection<String> keys) {
		if (keys.isEmpty()) {
			return Set.of();
		}
		return new HashSet<>(jdbc.sql("select dedupe_key from notification.message where dedupe_key = any(?)")
			.param(keys.toArray(String[]::new)).query(String.class).list());
	}

	public Optional<Message> find(AccountId recipient, MessageId id) {
		return jdbc.sql("select " + COLUMNS + " from notification.message where id = ? and recipient_id = ?")
			.params(id.value(), recipient.value()).query(Messages::map).optional();
	}

	/** The recipient's messages of these kinds, newest first. */
	public Page<Message> page(AccountId recipient, MessageKind[] kinds, boolean unreadOnly, int page, int size) {
		String where = "where recipient_id = ? and kind = any(?)" + (unreadOnly ? " and read_at is null" : "");
		String[] kindNames = names(kinds);
		long total = jdbc.sql("select count(*) from notification.message " + where)
			.params(recipient.value(), kindNames).query(Long.class).single();
		List<Message> items = jdbc.sql("select " + COLUMNS + " from notification.message " + where
				+ " order by id desc limit ? offset ?")
			.params(recipient.value(), kindNames, size, (long) page * size).query(Messages::map).list();
		return new Page<>(items, total, page, size);
	}

	public long unreadCount(AccountId recipient, MessageKind[] kinds) {
		return jdbc.sql("""
				select count(*) from notification.message
				 where recipient_id = ? and read_at is null and kind = any(?)""")
			.params(recipient.value(), names(kinds)).query(Long.class).single();
	}

	/** Marks one message read; false when it was read already (or is not the recipient's). */
	public boolean markRead(AccountId recipient, MessageId id, Instant at) {
		return jdbc.sql("""
				update notification.message set read_at = greatest(?, created_at)
				 where id = ? and recipient_id = ? and read_at is null""")
			.params(Timestamp.from(at), id.value(), recipient.value()).update() == 1;
	}

	/** Marks every unread message of these kinds read; returns how many. */
	public int markAllRead(AccountId recipient, MessageKind[] kinds, Instant at) {
		return jdbc.sql("""
				update notification.message set read_at = greatest(?, created_at)
				 where recipient_id = ? and read_at is null and kind = any(?)""")
			.params(Timestamp.from(at), recipient.value(), names(kinds)).update();
	}

	private static String[] names(MessageKind[] kinds) {
		return Arrays.stream(kinds).map(Enum::name).toArray(String[]::new);
	}

	private static Message map(ResultSet rs, int n) throws SQLException {
		Timestamp readAt = rs.getTimestamp("read_at");
		return new Message(new MessageId(rs.getLong("id")), new AccountId(rs.getLong("recipient_id")),
				MessageKind.valueOf(rs.getString("kind")), rs.getString("title"), rs.getString("body"),
				rs.getString("link"), rs.getTimestamp("created_at").toInstant(),
				readAt == null ? null : readAt.toInstant());
	}
}
