package com.linli.notification.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;

import com.linli.notification.MessageId;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Every attempt to send a message through an outbound channel, with its outcome. */
@Repository("notificationDeliveries")
public class Deliveries {

	private final JdbcClient jdbc;

	Deliveries(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** The outcome of one attempt. */
	public enum Status {

		SENT, FAILED
	}

	/** One attempt as recorded. */
	public record Delivery(MessageId messageId, String channel, Status status, Instant attemptedAt, String error) {
	}

	public void record(MessageId message, String channel, Status status, Instant at, String error) {
		jdbc.sql("""
				insert into notification.delivery (message_id, channel, status, attempted_at, error)
				values (?, ?, ?, ?, ?)""")
			.params(message.value(), channel, status.name(), Timestamp.from(at), error).update();
	}

	public List<Delivery> of(MessageId message) {
		return jdbc.sql("""
				select message_id, channel, status, attempted_at, error from notification.delivery
				 where message_id = ? order by id""")
			.param(message.value())
			.query((rs, n) -> new Delivery(new MessageId(rs.getLong(1)), rs.getString(2),
					Status.valueOf(rs.getString(3)), rs.getTimestamp(4).toInstant(), rs.getString(5)))
			.list();
	}
}
