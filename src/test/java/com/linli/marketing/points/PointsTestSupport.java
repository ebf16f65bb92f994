package com.linli.marketing.points;

import java.util.List;

import com.linli.Api;
import com.linli.identity.AccountId;

import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/** What the points tests share: a resident's id, and the ledger's invariant over every resident. */
final class PointsTestSupport {

	private PointsTestSupport() {
	}

	static AccountId idOf(Api resident) {
		return new AccountId(resident.get("/api/me").json().get("id").asLong());
	}

	/** For every resident: earned − spent − expired − reversed + given back = balance, and no balance below zero. */
	static void assertLedgerBalances(JdbcClient jdbc) {
		List<String> wrong = jdbc.sql("""
				select a.resident_id || ': balance ' || a.balance || ' but entries ' || coalesce(e.net, 0)
				from marketing.points_account a
				left join (select resident_id,
				             sum(case when kind in ('EARNED', 'GIVEN_BACK') then points else -points end) as net
				           from marketing.points_entry group by resident_id) e on e.resident_id = a.resident_id
				where a.balance <> coalesce(e.net, 0) or a.balance < 0""").query(String.class).list();
		assertThat(wrong).as("residents whose ledger does not balance").isEmpty();
		long orphans = jdbc.sql("""
				select count(distinct resident_id) from marketing.points_entry e
				where not exists (select 1 from marketing.points_account a where a.resident_id = e.resident_id)""")
			.query(Long.class).single();
		assertThat(orphans).as("entries of residents without a balance row").isZero();
	}

	static long sum(JdbcClient jdbc, AccountId resident, String kind) {
		return jdbc.sql("select coalesce(sum(points), 0) from marketing.points_entry where resident_id = ? and kind = ?")
			.params(resident.value(), kind).query(Long.class).single();
	}
}
