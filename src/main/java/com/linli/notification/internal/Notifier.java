package com.linli.notification.internal;

import java.time.Clock;
import java.time.format.DateTimeFormatter;
import java.util.Collection;
import java.util.Optional;
import java.util.Set;

import com.linli.identity.AccountId;
import com.linli.network.PickupPoint;
import com.linli.notification.Message;
import com.linli.notification.MessageKind;
import com.linli.notification.internal.Messages.NewMessage;
import com.linli.shared.Text;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Writes a message into a person's message centre, its title and body kept as text key and arguments
 * (put into words in the reader's language when read) and composed from the {@code notification} bundle
 * in the platform's language for the outbound channels, to which it passes the message after commit.
 * A dedupe key already taken writes and sends nothing.
 */
@Component
public class Notifier {

	private final Messages messages;

	private final Outbound outbound;

	private final MessageSource texts;

	private final MessageTexts words;

	private final NotificationProperties properties;

	private final Clock clock;

	Notifier(Messages messages, Outbound outbound, MessageSource texts, NotificationProperties properties,
			Clock clock) {
		this.messages = messages;
		this.outbound = outbound;
		this.texts = texts;
		this.words = new MessageTexts(texts);
		this.properties = properties;
		this.clock = clock;
	}

	/**
	 * What to tell: the kind, the text key ({@code <key>.title}, {@code <key>.body}) and its arguments
	 * (plain values, or texts, dates and lists put into words in the reader's language: {@link MessageTexts}).
	 */
	public record Notice(AccountId recipient, MessageKind kind, String dedupeKey, String link, String textKey,
			Object[] titleArgs, Object[] bodyArgs) {
	}

	/** Writes the message unless its dedupe key is taken; the written message, or empty. */
	@Transactional
	public Optional<Message> post(Notice notice) {
		String titleArgs = words.json(notice.titleArgs());
		String bodyArgs = words.json(notice.bodyArgs());
		String title = cut(words.text(notice.textKey() + ".title", titleArgs, properties.locale()), 120);
		String body = cut(words.text(notice.textKey() + ".body", bodyArgs, properties.locale()), 1000);
		var written = messages.insert(new NewMessage(notice.recipient(), notice.kind(), title, body, notice.link(),
				notice.dedupeKey(), clock.instant(), notice.textKey(), titleArgs, bodyArgs));
		written.ifPresent(outbound::sendAfterCommit);
		return written;
	}

	/** Which of these dedupe keys are taken already (to skip composing what would not be written). */
	public Set<String> taken(Collection<String> dedupeKeys) {
		return messages.takenKeys(dedupeKeys);
	}

	/** A text of the notification bundle in the platform's language; arguments should be strings. */
	public String text(String key, Object... args) {
		return texts.getMessage(key, args, properties.locale());
	}

	/** As {@link #text}, or the text of {@code fallbackKey} when {@code key} is not in the bundle. */
	public String textOr(String key, String fallbackKey) {
		return texts.getMessage(key, null, text(fallbackKey), properties.locale());
	}

	/** The text of {@code key}, or of {@code fallbackKey} when {@code key} is not in the bundle, as an argument. */
	public Text textOrElse(String key, String fallbackKey) {
		return Text.of(texts.getMessage(key, null, null, properties.locale()) != null ? key : fallbackKey);
	}

	/** A pickup point's opening hours, "08:00–21:00". */
	public static String hours(PickupPoint point) {
		var hhmm = DateTimeFormatter.ofPattern("HH:mm");
		return hhmm.format(point.opensAt()) + "–" + hhmm.format(point.closesAt());
	}

	private static String cut(String text, int max) {
		return text.length() <= max ? text : text.substring(0, max - 1) + "…";
	}
}
