package com.linli.fulfilment.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Which receipt has a photo, and the storage key of its file. */
@Repository
public class ReceiptPhotos {

	private final JdbcClient jdbc;

	ReceiptPhotos(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public void insert(long receiptId, String storageKey, String contentType, int size, Instant at) {
		jdbc.sql("""
				insert into fulfilment.receipt_photo (receipt_id, storage_key, content_type, size_bytes, attached_at)
				values (?, ?, ?, ?, ?)""")
			.params(receiptId, storageKey, contentType, size, Timestamp.from(at)).update();
	}

	public Optional<String> keyOf(long receiptId) {
		return jdbc.sql("select storage_key from fulfilment.receipt_photo where receipt_id = ?").param(receiptId)
			.query(String.class).optional();
	}

	/** Those of the receipts that have a photo. */
	public Set<Long> withPhoto(Collection<Long> receiptIds) {
		if (receiptIds.isEmpty()) {
			return Set.of();
		}
		List<Long> ids = jdbc.sql("select receipt_id from fulfilment.receipt_photo where receipt_id = any(?)")
			.param(receiptIds.toArray(Long[]::new)).query(Long.class).list();
		return ids.stream().collect(Collectors.toSet());
	}
}
