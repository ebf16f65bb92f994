package com.linli.marketing.internal.offers;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;

import com.linli.identity.AccountId;
import com.linli.shared.ReadCache;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Marketing's own record of residents' first paid orders and 1-yuan offers used (marketing never reads
 * ordering's tables), with cached answers evicted on every write about the resident.
 */
@Component
public class ResidentRecords implements Residents {

	private final JdbcClient jdbc;

	private final ReadCache<AccountId, Boolean> paidBefore = new ReadCache<>("marketing.paid-before", Duration.ofMinutes(5), 200_000);

	private final ReadCache<AccountId, Boolean> usedOneYuan = new ReadCache<>("marketing.used-one-yuan", Duration.ofMinutes(5), 200_000);

	ResidentRecords(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public boolean isNew(AccountId resident) {
		return !paidBefore.get(resident, r -> jdbc.sql("select exists (select 1 from marketing.first_paid_order where resident_id = ?)")
			.param(r.value()).query(Boolean.class).single());
	}

	@Override
	public boolean usedOneYuanOffer(AccountId resident) {
		return usedOneYuan.get(resident, r -> jdbc.sql("select exists (select 1 from marketing.one_yuan_use where resident_id = ?)")
			.param(r.value()).query(Boolean.class).single());
	}

	/** Records the resident's first paid order (once; later ones change nothing). */
	void paid(AccountId resident, long orderId, Instant at) {
		int n = jdbc.sql("insert into marketing.first_paid_order (resident_id, order_id, paid_at) values (?, ?, ?) on conflict do nothing")
			.params(resident.value(), orderId, Timestamp.from(at)).update();
		if (n == 1) {
			paidBefore.evict(resident);
		}
	}

	/**
	 * Records the resident's 1-yuan offer on this order; false when they already used one on another order
	 * (the primary key on the resident decides, whatever the concurrency).
	 */
	boolean useOneYuan(AccountId resident, long orderId, long offerId, Instant at) {
		usedOneYuan.evict(resident);
		int n = jdbc.sql("insert into marketing.one_yuan_use (resident_id, order_id, offer_id, used_at) values (?, ?, ?, ?) on conflict do nothing")
			.params(resident.value(), orderId, offerId, Timestamp.from(at)).update();
		if (n == 1) {
			return true;
		}
		// a retry of the same order is not a second use
		return jdbc.sql("select order_id from marketing.one_yuan_use where resident_id = ?").param(resident.value())
			.query(Long.class).optional().map(o -> o == orderId).orElse(false);
	}

	/** The order's 1-yuan offer is free again (the order was cancelled). */
	void releaseOneYuan(AccountId resident, long orderId) {
		if (jdbc.sql("delete from marketing.one_yuan_use where order_id = ?").param(orderId).update() > 0) {
			usedOneYuan.evict(resident);
		}
	}
}
