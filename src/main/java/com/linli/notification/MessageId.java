package com.linli.notification;

/** Typed id of an in-app message. */
public record MessageId(long value) {

	@Override
	public String toString() {
		return Long.toString(value);
	}
}
