package com.linli.notification;

import java.time.Instant;

import com.linli.identity.AccountId;

/**
 * One message in a person's message centre. {@code link} is a page path of this site (the order it
 * is about), or null; {@code readAt} is null until the recipient opened it or marked all read.
 */
public record Message(MessageId id, AccountId recipientId, MessageKind kind, String title, String body, String link,
		Instant createdAt, Instant readAt) {

	public boolean isRead() {
		return readAt != null;
	}
}
