package com.linli.notification.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import com.linli.identity.AccountId;
import com.linli.notification.Message;
import com.linli.notification.MessageId;
import com.linli.notification.MessageKind;
import com.linli.shared.Page;
import com.linli.shared.Text;

import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The messages of the message centre in plain SQL; a dedupe key is taken at most once. A message read
 * back is in the reader's language (its text key and arguments put into words); one written before
 * messages kept their text key, and the message just written, are in the platform's language.
 */
@Repository
public class Messages {

	private static final String COLUMNS = "id, recipient_id, kind, title, body, link, created_at, read_at";

	private static final String TEXT_COLUMNS = ", text_key, title_args::text, body_args::text";

	private final JdbcClient jdbc;

	private final MessageTexts words;

	Messages(JdbcClient jdbc, MessageSource texts) {
		this.jdbc = jdbc;
		this.words = new MessageTexts(texts);
	}

	/**
	 * A message to write; {@code dedupeKey} names the fact it tells. {@code title} and {@code body} are in
	 * the platform's language; {@code textKey} and the arguments ({@link MessageTexts#json}) put them into
	 * words in the reader's.
	 */
	public record NewMessage(AccountId recipientId, MessageKind kind, String title, String body, String link,
			String dedupeKey, Instant createdAt, String textKey, String titleArgs, String bodyArgs) {
	}

	/** Writes the message, or nothing when its dedupe key is taken (a redelivered event, a second run). */
	public Optional<Message> insert(NewMessage m) {
		return jdbc.sql("""
				insert into notification.message (recipient_id, kind, title, body, link, dedupe_key, created_at,
				                                  text_key, title_args, body_args)
				values (?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?::jsonb) on conflict (dedupe_key) do nothing
				returning\s""" + COLUMNS)
			.params(m.recipientId().value(), m.kind().name(), m.title(), m.body(), m.link(), m.dedupeKey(),
					Timestamp.from(m.createdAt()), m.textKey(), m.titleArgs(), m.bodyArgs())
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
		return jdbc.sql("select " + COLUMNS + TEXT_COLUMNS + " from notification.message where id = ? and recipient_id = ?")
			.params(id.value(), recipient.value()).query(this::inReadersLanguage).optional();
	}

	/** The recipient's messages of these kinds, newest first. */
	public Page<Message> page(AccountId recipient, MessageKind[] kinds, boolean unreadOnly, int page, int size) {
		String where = "where recipient_id = ? and kind = any(?)" + (unreadOnly ? " and read_at is null" : "");
		String[] kindNames = names(kinds);
		long total = jdbc.sql("select count(*) from notification.message " + where)
			.params(recipient.value(), kindNames).query(Long.class).single();
		List<Message> items = jdbc.sql("select " + COLUMNS + TEXT_COLUMNS + " from notification.message " + where
				+ " order by id desc limit ? offset ?")
			.params(recipient.value(), kindNames, size, (long) page * size).query(this::inReadersLanguage).list();
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

	/** A message as written (in the platform's language). */
	private static Message map(ResultSet rs, int n) throws SQLException {
		Timestamp readAt = rs.getTimestamp("read_at");
		return new Message(new MessageId(rs.getLong("id")), new AccountId(rs.getLong("recipient_id")),
				MessageKind.valueOf(rs.getString("kind")), rs.getString("title"), rs.getString("body"),
				rs.getString("link"), rs.getTimestamp("created_at").toInstant(),
				readAt == null ? null : readAt.toInstant());
	}

	/** A message in the reader's language; one written before messages kept their text key as it was written. */
	private Message inReadersLanguage(ResultSet rs, int n) throws SQLException {
		Message m = map(rs, n);
		String key = rs.getString("text_key");
		if (key == null) {
			return m;
		}
		Locale locale = Text.readersLocale();
		return new Message(m.id(), m.recipientId(), m.kind(), words.text(key + ".title", rs.getString("title_args"), locale),
				words.text(key + ".body", rs.getString("body_args"), locale), m.link(), m.createdAt(), m.readAt());
	}
}
