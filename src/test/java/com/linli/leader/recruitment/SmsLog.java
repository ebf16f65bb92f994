package com.linli.leader.recruitment;

import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import org.slf4j.LoggerFactory;

/**
 * What the demo's SMS channel wrote to the log, read as the applicant reads their phone: the texts to a (masked)
 * number, the latest first. Attached once per JVM to the channel's logger.
 */
public final class SmsLog {

	private static final ListAppender<ILoggingEvent> APPENDER = attach();

	private SmsLog() {
	}

	private static synchronized ListAppender<ILoggingEvent> attach() {
		var logger = (Logger) LoggerFactory.getLogger("com.linli.notification.internal.LoggingSmsChannel");
		var appender = new ListAppender<ILoggingEvent>();
		appender.setName("recruitment-sms-log");
		appender.start();
		logger.addAppender(appender);
		return appender;
	}

	/** Starts listening (call before the text is sent). */
	public static void listen() {
		APPENDER.isStarted();
	}

	/** The latest text to the phone, if any. */
	public static Optional<String> latestTo(String phone) {
		String masked = phone.substring(0, 3) + "****" + phone.substring(phone.length() - 4);
		List<ILoggingEvent> events;
		synchronized (APPENDER.list) {
			events = List.copyOf(APPENDER.list);
		}
		for (int i = events.size() - 1; i >= 0; i--) {
			String message = events.get(i).getFormattedMessage();
			if (message.startsWith("SMS to " + masked + ":")) {
				return Optional.of(message);
			}
		}
		return Optional.empty();
	}

	/** The six-digit code in the latest text to the phone. */
	public static String codeFor(String phone) {
		return find(phone, Pattern.compile("】.*?(?<![0-9])([0-9]{6})(?![0-9])"));
	}

	/** The initial password in the latest text to the phone (an approval's). */
	public static String passwordFor(String phone) {
		return find(phone, Pattern.compile("(?:初始密码|initial password) ([0-9a-z]{8})"));
	}

	private static String find(String phone, Pattern pattern) {
		String text = latestTo(phone).orElseThrow(() -> new AssertionError("no SMS to " + phone));
		Matcher m = pattern.matcher(text);
		if (!m.find()) {
			throw new AssertionError("not found in: " + text);
		}
		return m.group(1);
	}
}
