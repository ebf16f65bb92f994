package com.linli.shared;

/**
 * Texts to a phone number that has no account behind it yet (a would-be leader's verification code, the answer
 * to their application), for modules that may not depend on notification. Implemented by the notification
 * module, which hands them to its SMS channels after the caller's transaction commits.
 */
public interface SmsSender {

	/** Sends the text (already in the reader's words) to a mainland mobile number once the transaction commits. */
	void send(String phone, String text);
}
