package com.linli.leader.helpers;

import java.io.ByteArrayInputStream;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.util.Map;

import com.linli.Api;
import com.linli.Deadline;
import com.linli.IntegrationTest;
import com.linli.leader.LeaderId;
import com.linli.leader.internal.payouts.LedgerReconciliation;
import com.linli.leader.internal.payouts.Settlement;
import com.linli.leader.recruitment.SmsLog;
import com.linli.marketing.MarketingFixtures;
import com.linli.ordering.OrderCutoffManagement;
import com.linli.ordering.OrderDeliveryManagement;
import com.linli.ordering.OrderingFixtures;
import com.linli.ordering.PickupFixtures;
import com.linli.ordering.PickupFixtures.LeaderLogin;
import com.lowagie.text.pdf.PdfReader;
import com.lowagie.text.pdf.parser.PdfTextExtractor;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Helpers (核销员) and pickup-only points (纯自提点) end to end through HTTP: a leader adds a helper, the helper signs
 * in (first password by SMS, changed at first sign-in) and hands out a ready order at the leader's point only, sees
 * none of the money, and loses access the moment the leader removes them; a pickup-only point earns the fixed
 * handling fee per order instead of commission, and the ledger still balances.
 */
@IntegrationTest
class HelpersIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	ApplicationContext context;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	LedgerReconciliation reconciliation;

	@Autowired
	Settlement settlement;

	@Autowired
	Clock clock;

	OrderingFixtures world;

	PickupFixtures pickups;

	@BeforeEach
	void world() {
		SmsLog.listen();
		world = new OrderingFixtures(context, port);
		pickups = new PickupFixtures(world, context.getBean(OrderCutoffManagement.class),
				context.getBean(OrderDeliveryManagement.class), port);
	}

	@Test
	void aHelperVerifiesPickupsAtTheLeadersPointOnlyAndSeesNoMoney() {
		var leader = pickups.leader(world.pickupPoint);
		String phone = Api.newPhone();
		var added = leader.api().post("/api/leader/helpers", Map.of("phone", phone, "name", "小帮手"));
		assertThat(added.status()).as(added.toString()).isEqualTo(201);
		long helperId = added.id();
		long helperAccount = added.json().get("accountId").asLong();
		assertThat(leader.api().get("/api/leader/helpers").json().size()).isEqualTo(1);

		var helper = signInFirstTime(phone);

		var listing = world.listing("青菜" + MarketingFixtures.next(), "10.00", 100, 5);
		var order = pickups.readyOrder(world.resident(), world.pickupPoint, listing, 2);
		String code = order.get("pickupCode").asText();

		// another point's ready order: the helper is refused and nothing changes there
		var other = world.anotherPickupPoint();
		pickups.leader(other);
		var otherResident = world.resident(other);
		var otherOrder = pickups.readyOrder(otherResident, other, listing, 1);
		var refused = helper.post("/api/leader/pickups", Map.of("pickupCode", otherOrder.get("pickupCode").asText()));
		assertThat(refused.status()).as(refused.toString()).isEqualTo(409);
		assertThat(refused.text()).contains("pickup-code-other-point");
		assertThat(OrderingFixtures.awaitStatus(otherResident, otherOrder.get("id").asLong(), "READY_FOR_PICKUP")
			.get("status").asText()).isEqualTo("READY_FOR_PICKUP");

		// none of the money, the customer list or the helper list
		for (String path : new String[] { "/api/leader/earnings", "/api/leader/withdrawals", "/api/leader/helpers",
				"/api/leader/orders", "/api/leader/commission", "/api/leader/performance" }) {
			assertThat(helper.get(path).status()).as(path).isEqualTo(403);
		}
		assertThat(helper.post("/api/leader/withdrawals", Map.of("amountFen", 1000)).status()).isEqualTo(403);
		assertThat(helper.post("/api/leader/helpers", Map.of("phone", Api.newPhone(), "name", "再来")).status())
			.isEqualTo(403);

		// the helper's own point: looked up and handed out, recorded as theirs; commission goes to the leader
		assertThat(helper.get("/api/leader/pickups/" + code).status()).isEqualTo(200);
		var handedOut = helper.post("/api/leader/pickups", Map.of("pickupCode", code));
		assertThat(handedOut.status()).as(handedOut.toString()).isEqualTo(200);
		assertThat(handedOut.json().get("complete").asBoolean()).isTrue();
		long orderId = order.get("id").asLong();
		assertThat(jdbc.sql("select picked_up_by from ordering.orders where id = ?").param(orderId).query(Long.class)
			.single()).isEqualTo(helperAccount);
		assertThat(awaitEntries(orderId, "ACCRUAL")).isEqualTo(1);
		assertThat(jdbc.sql("select distinct leader_id from leader.commission_entry where order_id = ?").param(orderId)
			.query(Long.class).single()).isEqualTo(leader.leaderId());

		// removal ends the helper's access at once
		assertThat(leader.api().delete("/api/leader/helpers/" + helperId).status()).isEqualTo(204);
		assertThat(helper.get("/api/leader/pickups/" + code).status()).isIn(401, 403);
		assertThat(leader.api().get("/api/leader/helpers").json().size()).isZero();
		assertThat(Api.at(port).post("/api/auth/token", Map.of("phone", phone, "password", "helper-2026x")).status())
			.isIn(401, 403);
		// another leader cannot remove this leader's helpers
		assertThat(pickups.leader(world.anotherPickupPoint()).api().delete("/api/leader/helpers/" + helperId).status())
			.isEqualTo(404);
	}

	@Test
	void badHelpersAreRefusedAndNothingChanges() {
		var leader = pickups.leader(world.pickupPoint);
		var resident = Api.newPhone();
		Api.at(port).post("/api/auth/register", Map.of("phone", resident, "displayName", "居民", "password", "secret123"));

		var taken = leader.api().post("/api/leader/helpers", Map.of("phone", resident, "name", "居民"));
		assertThat(taken.status()).isEqualTo(409);
		assertThat(taken.text()).contains("helper-phone-taken");
		assertThat(taken.errorFields()).contains("phone");
		var malformed = leader.api().post("/api/leader/helpers", Map.of("phone", "12345", "name", "甲"));
		assertThat(malformed.status()).isEqualTo(400);
		assertThat(malformed.errorFields()).contains("phone");
		assertThat(leader.api().post("/api/leader/helpers", Map.of("phone", leader.phone(), "name", "我")).status())
			.isEqualTo(409);
		assertThat(leader.api().get("/api/leader/helpers").json().size()).isZero();

		for (int i = 0; i < 5; i++) {
			assertThat(leader.api().post("/api/leader/helpers", Map.of("phone", Api.newPhone(), "name", "帮手" + i))
				.status()).isEqualTo(201);
		}
		String sixth = Api.newPhone();
		var tooMany = leader.api().post("/api/leader/helpers", Map.of("phone", sixth, "name", "第六"));
		assertThat(tooMany.status()).isEqualTo(409);
		assertThat(tooMany.text()).contains("helper-limit");
		assertThat(leader.api().get("/api/leader/helpers").json().size()).isEqualTo(5);
		assertThat(jdbc.sql("select count(*) from identity.account where phone = ?").param(sixth).query(Long.class)
			.single()).isZero();
		// a resident or an operator is not a leader
		assertThat(Api.at(port).newResident().post("/api/leader/helpers", Map.of("phone", Api.newPhone(), "name", "x"))
			.status()).isEqualTo(403);
	}

	@Test
	void aPickupOnlyPointEarnsTheHandlingFeeInsteadOfCommissionAndTheLedgerBalances() {
		var leader = pickups.leader(world.pickupPoint);
		var operator = MarketingFixtures.operatorOf(Api.at(port), world.region);
		String mode = "/api/admin/leaders/" + leader.leaderId() + "/pickup-only";
		assertThat(Api.at(port).newAccount("OPERATOR").put(mode, Map.of("pickupOnly", true)).status())
			.as("an operator of another region").isEqualTo(403);
		assertThat(operator.get(mode).json().get("pickupOnly").asBoolean()).isFalse();
		assertThat(operator.get(mode).json().get("feePerOrderFen").asLong()).isEqualTo(30);
		var missing = operator.put(mode, Map.of());
		assertThat(missing.status()).isEqualTo(400);
		assertThat(missing.errorFields()).contains("pickupOnly");
		var switched = operator.put(mode, Map.of("pickupOnly", true));
		assertThat(switched.status()).as(switched.toString()).isEqualTo(200);
		assertThat(switched.json().get("pickupOnly").asBoolean()).isTrue();
		String fee = "/api/admin/regions/" + world.region.id().value() + "/handling-fee";
		assertThat(operator.put(fee, Map.of("feeFen", -1)).status()).isEqualTo(400);
		assertThat(operator.put(fee, Map.of("feeFen", 50)).json().get("feeFen").asLong()).isEqualTo(50);

		// residents still bind to the point and pick up there
		var a = world.listing("白菜" + MarketingFixtures.next(), "12.00", 100, 5);
		var b = world.listing("土豆" + MarketingFixtures.next(), "8.00", 100, 5);
		var order = pickups.readyOrder(world.resident(), world.pickupPoint, a, 2, b, 1);
		Instant pickedUp = clock.instant();
		assertThat(leader.api().post("/api/leader/pickups", Map.of("pickupCode", order.get("pickupCode").asText()))
			.status()).isEqualTo(200);
		long orderId = order.get("id").asLong();
		assertThat(awaitEntries(orderId, "HANDLING_FEE")).isEqualTo(1);
		assertThat(jdbc.sql("select amount_fen from leader.commission_entry where order_id = ? and kind = 'HANDLING_FEE'")
			.param(orderId).query(Long.class).single()).isEqualTo(50);
		assertThat(count(orderId, "ACCRUAL")).as("no percentage commission").isZero();
		var earnings = leader.api().get("/api/leader/earnings").json().get("balance");
		assertThat(earnings.get("pendingFen").asLong()).isEqualTo(50);
		assertThat(reconciliation.run(new LeaderId(leader.leaderId()))).isEmpty();

		settlement.matureDue(pickedUp.plus(Duration.ofDays(8)));
		earnings = leader.api().get("/api/leader/earnings").json().get("balance");
		assertThat(earnings.get("pendingFen").asLong()).isZero();
		assertThat(earnings.get("availableFen").asLong()).isEqualTo(50);
		assertThat(reconciliation.run(new LeaderId(leader.leaderId()))).isEmpty();

		// back to a selling point: commission again
		assertThat(operator.put(mode, Map.of("pickupOnly", false)).json().get("pickupOnly").asBoolean()).isFalse();
		var next = pickups.readyOrder(world.resident(), world.pickupPoint, a, 1);
		leader.api().post("/api/leader/pickups", Map.of("pickupCode", next.get("pickupCode").asText()));
		assertThat(awaitEntries(next.get("id").asLong(), "ACCRUAL")).isEqualTo(1);
		assertThat(count(next.get("id").asLong(), "HANDLING_FEE")).isZero();
		assertThat(reconciliation.run(new LeaderId(leader.leaderId()))).isEmpty();
	}

	@Test
	void theMonthlyStatementTiesOutWithTheLedgerAndBothFilesOpen() throws Exception {
		var leader = pickups.leader(world.pickupPoint);
		var listing = world.listing("牛排" + MarketingFixtures.next(), "80.00", 100, 5);
		var first = pickups.readyOrder(world.resident(), world.pickupPoint, listing, 2);
		var second = pickups.readyOrder(world.resident(), world.pickupPoint, listing, 1);
		for (var order : new tools.jackson.databind.JsonNode[] { first, second }) {
			assertThat(leader.api().post("/api/leader/pickups", Map.of("pickupCode", order.get("pickupCode").asText()))
				.status()).isEqualTo(200);
			assertThat(awaitEntries(order.get("id").asLong(), "ACCRUAL")).isEqualTo(1);
		}
		settlement.matureDue(clock.instant().plus(Duration.ofDays(8)));
		var withdrawal = leader.api().post("/api/leader/withdrawals", Map.of("amountFen", 1000));
		assertThat(withdrawal.status()).as(withdrawal.toString()).isEqualTo(201);

		YearMonth month = YearMonth.now(clock.withZone(world.region.zone()));
		var statement = leader.api().get("/api/leader/statements/" + month).json();
		long ledger = jdbc.sql("select coalesce(sum(amount_fen), 0) from leader.commission_entry where leader_id = ?")
			.param(leader.leaderId()).query(Long.class).single();
		assertThat(ledger).isPositive();
		assertThat(statement.get("tiesOut").asBoolean()).isTrue();
		assertThat(statement.get("complete").asBoolean()).isFalse();
		assertThat(statement.get("opening").get("ledgerFen").asLong()).isZero();
		assertThat(statement.get("netFen").asLong()).isEqualTo(ledger);
		assertThat(statement.get("totalsFen").get("ACCRUAL").asLong()).isEqualTo(ledger);
		var closing = statement.get("closing");
		assertThat(closing.get("ledgerFen").asLong()).isEqualTo(ledger);
		var balance = leader.api().get("/api/leader/earnings").json().get("balance");
		assertThat(closing.get("pendingFen").asLong()).isEqualTo(balance.get("pendingFen").asLong());
		assertThat(closing.get("availableFen").asLong()).isEqualTo(balance.get("availableFen").asLong());
		assertThat(closing.get("availableFen").asLong()).isEqualTo(ledger - 1000);
		assertThat(closing.get("withdrawnFen").asLong()).isEqualTo(1000);
		assertThat(closing.get("pendingFen").asLong() + closing.get("availableFen").asLong()
				+ closing.get("withdrawnFen").asLong()).isEqualTo(ledger);
		assertThat(statement.get("entries").size()).isEqualTo(2);
		assertThat(statement.get("withdrawals").size()).isEqualTo(1);
		assertThat(statement.get("withdrawalsRequestedFen").asLong()).isEqualTo(1000);
		String orderNo = first.get("orderNo").asText();

		var xlsx = leader.api().get("/api/leader/statements/" + month + ".xlsx");
		assertThat(xlsx.status()).isEqualTo(200);
		var cells = new java.util.ArrayList<String>();
		try (var workbook = new ReadableWorkbook(new ByteArrayInputStream(xlsx.body()))) {
			try (var rows = workbook.getFirstSheet().openStream()) {
				rows.forEach(row -> row.forEach(cell -> cells.add(cell == null ? "" : cell.getText())));
			}
		}
		assertThat(cells).contains(orderNo);
		assertThat(cells).anyMatch(c -> c.contains("团长对账单"));
		assertThat(cells).anyMatch(c -> new java.math.BigDecimal(ledger).movePointLeft(2).compareTo(parse(c)) == 0);

		var pdf = leader.api().get("/api/leader/statements/" + month + ".pdf");
		assertThat(pdf.status()).isEqualTo(200);
		assertThat(pdf.contentType()).contains("application/pdf");
		var reader = new PdfReader(pdf.body());
		String text = new PdfTextExtractor(reader).getTextFromPage(1);
		reader.close();
		assertThat(text).contains(orderNo);

		// the operator of the region downloads it; another region's operator and the bad months are refused
		var operator = MarketingFixtures.operatorOf(Api.at(port), world.region);
		String admin = "/api/admin/leaders/" + leader.leaderId() + "/statements/";
		assertThat(operator.get(admin + month + ".pdf").status()).isEqualTo(200);
		assertThat(operator.get(admin + month).json().get("netFen").asLong()).isEqualTo(ledger);
		assertThat(Api.at(port).newAccount("OPERATOR").get(admin + month + ".xlsx").status()).isEqualTo(403);
		for (String bad : new String[] { month.plusMonths(1).toString(), "2026-13", "last", "1999-01" }) {
			var refused = leader.api().get("/api/leader/statements/" + bad + ".xlsx");
			assertThat(refused.status()).as(bad).isEqualTo(400);
			assertThat(refused.errorFields()).as(bad).contains("month");
		}
		// last month: complete, empty for this new leader, and it ties out
		var last = leader.api().get("/api/leader/statements/" + month.minusMonths(1)).json();
		assertThat(last.get("complete").asBoolean()).isTrue();
		assertThat(last.get("entries").size()).isZero();
		assertThat(last.get("tiesOut").asBoolean()).isTrue();
		assertThat(reconciliation.run(new LeaderId(leader.leaderId()))).isEmpty();
	}

	static java.math.BigDecimal parse(String cell) {
		try {
			return new java.math.BigDecimal(cell.strip());
		}
		catch (RuntimeException e) {
			return java.math.BigDecimal.valueOf(-1);
		}
	}

	/** Signs in with the SMS's first password, chooses a new one, signs in again. */
	Api signInFirstTime(String phone) {
		String first = SmsLog.passwordFor(phone);
		var firstSession = Api.at(port).as(phone, first);
		assertThat(firstSession.get("/api/leader/pickups/123456").status()).as("a new password first").isEqualTo(403);
		assertThat(firstSession.post("/api/me/password", Map.of("currentPassword", first, "newPassword", "helper-2026x"))
			.status()).isEqualTo(204);
		return Api.at(port).as(phone, "helper-2026x");
	}

	long awaitEntries(long orderId, String kind) {
		var deadline = Deadline.inMillis(15_000);
		long n;
		while ((n = count(orderId, kind)) == 0 && !deadline.passed()) {
			sleep();
		}
		return n;
	}

	long count(long orderId, String kind) {
		return jdbc.sql("select count(*) from leader.commission_entry where order_id = ? and kind = ?")
			.params(orderId, kind).query(Long.class).single();
	}

	static void sleep() {
		try {
			Thread.sleep(100);
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
		}
	}
}
