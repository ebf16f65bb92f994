package com.linli.identity;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.regex.Pattern;

import com.linli.TestClock;
import com.linli.Api;
import com.linli.IntegrationTest;
import com.linli.ordering.WebSession;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/** The audit log page shows the log a page at a time, newest first, with the filter kept across pages. */
@IntegrationTest
class AuditLogPagingIntegrationTests {

	private static final Pattern ROW = Pattern.compile("<tr>\\s*<td>");

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Test
	void theAuditLogIsPagedAndEveryEntryCanBeReached() {
		String action = "test.paging." + System.nanoTime();
		for (int i = 1; i <= 75; i++) {
			jdbc.sql("insert into identity.audit_log (at, actor, action, target, detail) values (?, 'system', ?, ?, null)")
				.params(Timestamp.from(TestClock.now()), action, "entry-" + i).update();
		}
		var admin = WebSession.signIn(port, Api.ADMIN_PHONE, Api.ADMIN_PASSWORD);

		var first = admin.get("/console/audit?action=" + action);
		var second = admin.get("/console/audit?action=" + action + "&page=1");

		assertThat(first.status()).isEqualTo(200);
		assertThat(rows(first.body())).isEqualTo(50);
		assertThat(first.body()).contains("entry-75").doesNotContain("entry-25<");
		assertThat(first.body()).contains("page=1").contains("action=" + action);
		assertThat(rows(second.body())).isEqualTo(25);
		assertThat(second.body()).contains("entry-25<").contains("entry-1<").doesNotContain("entry-26<");
	}

	private static long rows(String html) {
		return ROW.matcher(html).results().count();
	}
}
