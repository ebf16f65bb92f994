package com.linli.notification.internal;

import java.time.Duration;
import java.time.LocalTime;
import java.util.Locale;

import com.linli.identity.AccountId;
import com.linli.notification.Recipient;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class LoggingSmsChannelTests {

	@Test
	void theLogNeverHoldsAWholePhoneNumber() {
		assertThat(LoggingSmsChannel.mask("13800000003")).isEqualTo("138****0003");
		assertThat(LoggingSmsChannel.mask("123")).isEqualTo("****");
		assertThat(LoggingSmsChannel.mask(null)).isEqualTo("****");
	}

	@Test
	void itReachesMainlandMobilesOnlyAndOnlyWhenEnabled() {
		var on = new LoggingSmsChannel(properties(true));
		assertThat(on.supports(new Recipient(new AccountId(1), "13800000003", "张阿姨"))).isTrue();
		assertThat(on.supports(new Recipient(new AccountId(1), null, "张阿姨"))).isFalse();
		assertThat(on.supports(new Recipient(new AccountId(1), "0571-8888888", "张阿姨"))).isFalse();
		var off = new LoggingSmsChannel(properties(false));
		assertThat(off.supports(new Recipient(new AccountId(1), "13800000003", "张阿姨"))).isFalse();
	}

	private static NotificationProperties properties(boolean smsLog) {
		return new NotificationProperties(Duration.ofHours(6), Duration.ofDays(2), LocalTime.of(16, 0),
				Locale.SIMPLIFIED_CHINESE, new NotificationProperties.SmsLog(smsLog),
				new NotificationProperties.Wechat(false));
	}
}
