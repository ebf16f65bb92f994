package com.linli.notification.internal;

import java.time.Duration;
import java.time.LocalTime;
import java.util.Locale;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the message centre ({@code linli.notification.*}).
 * @param reminderAfter a resident is reminded once when their order has waited this long at the
 *     pickup point (during its opening hours)
 * @param reminderWindow orders ready for longer than {@code reminderAfter + reminderWindow} are no
 *     longer reminded about: they are on the operator's overdue list
 * @param leaderSummaryAt from this local time on, each leader gets the day's one summary of the
 *     orders still waiting at their pickup point
 * @param locale the language messages are written in (they are stored as text and sent by SMS)
 * @param smsLog the SMS channel that writes each SMS to the log instead of a gateway
 * @param wechat the WeChat template-message channel (not connected yet: see WeChatTemplateChannel)
 */
@ConfigurationProperties("linli.notification")
public record NotificationProperties(@DefaultValue("PT6H") Duration reminderAfter,
		@DefaultValue("P2D") Duration reminderWindow, @DefaultValue("16:00") LocalTime leaderSummaryAt,
		@DefaultValue("zh-CN") Locale locale, @DefaultValue SmsLog smsLog, @DefaultValue Wechat wechat) {

	public NotificationProperties {
		if (reminderAfter.isNegative() || reminderAfter.isZero()) {
			throw new IllegalArgumentException("linli.notification.reminder-after must be positive");
		}
		if (reminderWindow.isNegative() || reminderWindow.isZero()) {
			throw new IllegalArgumentException("linli.notification.reminder-window must be positive");
		}
	}

	/** {@code linli.notification.sms-log.enabled} (default true). */
	public record SmsLog(@DefaultValue("true") boolean enabled) {
	}

	/** {@code linli.notification.wechat.enabled} (default false). */
	public record Wechat(@DefaultValue("false") boolean enabled) {
	}
}
