package com.linli.notification;

/** A message on its way out of the app: what to say, to whom, and the page it is about. */
public record OutboundMessage(MessageId messageId, MessageKind kind, Recipient recipient, String title, String body,
		String link) {
}
