package com.linli.notification;

/**
 * A way to reach a person outside the app (SMS gateway, WeChat template messages, app push). Every
 * Spring bean implementing it receives each outbound message whose recipient it {@link #supports};
 * it is called after the message was committed, and whatever it throws is recorded as a failed
 * delivery without touching the in-app message. Plug a real gateway in by adding a bean.
 */
public interface OutboundChannel {

	/** Short stable name, stored with each delivery attempt (e.g. {@code sms-log}, {@code wechat}). */
	String name();

	/** Can this channel reach the recipient at all (a phone number, a WeChat binding, enabled)? */
	boolean supports(Recipient recipient);

	/** Sends the message; throws when it could not, with a message worth recording. */
	void send(OutboundMessage message);
}
