package com.linli.notification;

import java.time.Clock;

import com.linli.identity.AccountId;
import com.linli.notification.internal.Messages;
import com.linli.shared.InvalidInputException;
import com.linli.shared.NotFoundException;
import com.linli.shared.Page;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A person's message centre: their messages newest first, the unread count, and marking messages
 * read. Every call is scoped to the recipient: another person's message is "not found".
 * {@code audience} narrows to the resident's or the leader's messages; null means all of them.
 */
@Service
@Transactional(readOnly = true)
public class MessageManagement {

	static final int MAX_PAGE_SIZE = 100;

	private final Messages messages;

	private final Clock clock;

	MessageManagement(Messages messages, Clock clock) {
		this.messages = messages;
		this.clock = clock;
	}

	public Page<Message> inbox(AccountId recipient, Audience audience, boolean unreadOnly, int page, int size) {
		if (page < 0) {
			throw new InvalidInputException("page", "must be 0 or more");
		}
		if (size < 1 || size > MAX_PAGE_SIZE) {
			throw new InvalidInputException("size", "must be between 1 and " + MAX_PAGE_SIZE);
		}
		return messages.page(recipient, kinds(audience), unreadOnly, page, size);
	}

	public long unreadCount(AccountId recipient, Audience audience) {
		return messages.unreadCount(recipient, kinds(audience));
	}

	public Message get(AccountId recipient, MessageId id) {
		return messages.find(recipient, id).orElseThrow(() -> new NotFoundException("message", id));
	}

	/** Marks the message read (reading it again changes nothing) and returns it. */
	@Transactional
	public Message markRead(AccountId recipient, MessageId id) {
		get(recipient, id);
		messages.markRead(recipient, id, clock.instant());
		return get(recipient, id);
	}

	/** Marks all the recipient's unread messages (of the audience) read; returns how many. */
	@Transactional
	public int markAllRead(AccountId recipient, Audience audience) {
		return messages.markAllRead(recipient, kinds(audience), clock.instant());
	}

	private static MessageKind[] kinds(Audience audience) {
		return audience == null ? MessageKind.values() : MessageKind.of(audience);
	}
}
