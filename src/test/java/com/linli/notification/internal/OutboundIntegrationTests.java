package com.linli.notification.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import com.linli.Api;
import com.linli.IntegrationTest;
import com.linli.identity.AccountId;
import com.linli.identity.AccountManagement;
import com.linli.notification.MessageKind;
import com.linli.notification.OutboundChannel;
import com.linli.notification.OutboundMessage;
import com.linli.notification.Recipient;
import com.linli.notification.internal.Notifier.Notice;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Outbound channels that fail: the in-app message stays, each failed attempt is recorded with its
 * reason, and the other channels still get the message. WeChat, switched on but not connected,
 * fails honestly instead of pretending to have sent.
 */
@IntegrationTest
class OutboundIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	Messages messages;

	@Autowired
	Deliveries deliveries;

	@Autowired
	AccountManagement accounts;

	@Autowired
	MessageSource texts;

	@Autowired
	PlatformTransactionManager transactions;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Clock clock;

	@Test
	void aFailingChannelNeitherRollsBackTheMessageNorStopsTheOthers() {
		var resident = Api.at(port).newResident();
		var recipient = new AccountId(resident.get("/api/me").json().get("id").asLong());
		var reached = new ArrayList<OutboundMessage>();
		var wechatOn = new NotificationProperties(Duration.ofHours(6), Duration.ofDays(2), LocalTime.of(16, 0),
				Locale.SIMPLIFIED_CHINESE, new NotificationProperties.SmsLog(true), new NotificationProperties.Wechat(true));
		var channels = List.of(new WeChatTemplateChannel(wechatOn), failing("gateway-down"), recording(reached));
		var notifier = new Notifier(messages, new Outbound(channels, accounts, deliveries, transactions, clock), texts,
				wechatOn, clock);

		var written = new TransactionTemplate(transactions).execute(s -> notifier.post(new Notice(recipient,
				MessageKind.ORDER_READY, "test-ready:" + System.nanoTime(), "/shop/orders/1", "notification.ready",
				new Object[0], new Object[] { "2606010001", "翠苑便利店", "幸福路 1 号", "08:00–21:00", "123456" })));

		assertThat(written).isPresent();
		var message = written.get();
		var inbox = resident.get("/api/messages").json();
		assertThat(inbox.get("total").asLong()).isEqualTo(1);
		assertThat(inbox.get("items").get(0).get("title").asText()).isEqualTo("您的订单已到自提点，请凭取货码取货");
		var attempts = deliveries.of(message.id());
		assertThat(attempts).extracting(Deliveries.Delivery::channel).containsExactly("wechat", "gateway-down",
				"recording");
		assertThat(attempts.get(0).status()).isEqualTo(Deliveries.Status.FAILED);
		assertThat(attempts.get(0).error()).contains("WeChat template message API not connected");
		assertThat(attempts.get(1).status()).isEqualTo(Deliveries.Status.FAILED);
		assertThat(attempts.get(1).error()).isEqualTo("SMS gateway timed out");
		assertThat(attempts.get(2).status()).isEqualTo(Deliveries.Status.SENT);
		assertThat(reached).singleElement().satisfies(m -> {
			assertThat(m.recipient().accountId()).isEqualTo(recipient);
			assertThat(m.body()).contains("2606010001", "取货码 123456");
		});
	}

	@Test
	void nothingIsSentWhenTheMessageTransactionRollsBack() {
		var resident = Api.at(port).newResident();
		var recipient = new AccountId(resident.get("/api/me").json().get("id").asLong());
		var reached = new ArrayList<OutboundMessage>();
		var properties = new NotificationProperties(Duration.ofHours(6), Duration.ofDays(2), LocalTime.of(16, 0),
				Locale.SIMPLIFIED_CHINESE, new NotificationProperties.SmsLog(true), new NotificationProperties.Wechat(false));
		var notifier = new Notifier(messages,
				new Outbound(List.of(recording(reached)), accounts, deliveries, transactions, clock), texts, properties,
				clock);

		new TransactionTemplate(transactions).executeWithoutResult(s -> {
			notifier.post(new Notice(recipient, MessageKind.REFUND, "test-refund:" + System.nanoTime(), null,
					"notification.cancelRefund", new Object[] { "9.90" }, new Object[] { "2606010002", "9.90" }));
			s.setRollbackOnly();
		});

		assertThat(reached).as("an SMS about a message that does not exist").isEmpty();
		assertThat(resident.get("/api/messages").json().get("total").asLong()).isZero();
		assertThat(jdbc.sql("select count(*) from notification.message where recipient_id = ?")
			.param(recipient.value()).query(Long.class).single()).isZero();
	}

	private static OutboundChannel failing(String name) {
		return new OutboundChannel() {
			public String name() {
				return name;
			}

			public boolean supports(Recipient recipient) {
				return true;
			}

			public void send(OutboundMessage message) {
				throw new IllegalStateException("SMS gateway timed out");
			}
		};
	}

	private static OutboundChannel recording(List<OutboundMessage> reached) {
		return new OutboundChannel() {
			public String name() {
				return "recording";
			}

			public boolean supports(Recipient recipient) {
				return true;
			}

			public void send(OutboundMessage message) {
				reached.add(message);
			}
		};
	}
}
