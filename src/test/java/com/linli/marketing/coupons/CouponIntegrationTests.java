package com.linli.marketing.coupons;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import com.linli.Api;
import com.linli.Deadline;
import com.linli.IntegrationTest;
import com.linli.catalog.Sku;
import com.linli.identity.AccountId;
import com.linli.marketing.CouponChoice;
import com.linli.marketing.DiscountKind;
import com.linli.marketing.Listing;
import com.linli.marketing.OrderPromotions;
import com.linli.marketing.PlacedOrder;
import com.linli.marketing.PriceEngine;
import com.linli.marketing.PriceQuote;
import com.linli.marketing.PriceRequest;
import com.linli.marketing.coupons.CouponWorld.Resident;
import com.linli.marketing.internal.CouponGrants;
import com.linli.marketing.internal.coupons.CouponExpiry;
import com.linli.shared.BusinessRuleException;
import com.linli.shared.Money;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Coupons through HTTP: operators create templates and push them, residents claim them within the limits, the
 * price engine uses the best one, placing an order uses it, cancelling returns it, the nightly job expires and
 * reminds; grants and event coupons are given once.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CouponIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	ApplicationContext context;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	PriceEngine engine;

	@Autowired
	OrderPromotions orderPromotions;

	@Autowired
	TransactionTemplate transaction;

	@Autowired
	CouponExpiry expiry;

	@Autowired
	CouponGrants grants;

	@Autowired
	java.time.Clock clock;

	CouponWorld world;

	@BeforeAll
	void setUp() {
		world = new CouponWorld(context, port);
	}

	@Test
	void aResidentClaimsInTheCouponCentreUpToTheLimit() {
		long template = world.template("满39减5", 500, 3900, 2, 100);
		Resident r = world.resident();
		JsonNode claimable = r.api().get("/api/marketing/coupons/claimable").json();
		assertThat(claimable.findValues("id").stream().map(JsonNode::asLong)).contains(template);

		var first = r.claim(template);
		assertThat(first.status()).isEqualTo(201);
		assertThat(first.json().get("status").asText()).isEqualTo("ISSUED");
		assertThat(first.json().get("terms").asText()).isEqualTo("满39减5");
		assertThat(r.claim(template).status()).isEqualTo(201);
		var third = r.claim(template);
		assertThat(third.status()).isEqualTo(409);
		assertThat(third.json().get("code").asText()).isEqualTo("coupon-limit-reached");
		assertThat(third.errorFields()).containsExactly("templateId");

		assertThat(r.mine()).hasSize(2).allSatisfy(c -> assertThat(c.get("status").asText()).isEqualTo("ISSUED"));
		Instant until = CouponWorld.instant(r.mine().get(0).get("validUntil"));
		Instant issued = CouponWorld.instant(r.mine().get(0).get("issuedAt"));
		assertThat(Duration.between(issued, until)).isEqualTo(Duration.ofDays(7));
		assertThat(issued(template)).isEqualTo(2);
	}

	@Test
	void aResidentOfAnotherRegionOrWithoutPickupPointCannotClaim() {
		long template = world.template("本区专享", 300, 0, 1, 100);
		var other = new CouponWorld(context, port);
		var outsider = other.resident();
		var refused = outsider.claim(template);
		assertThat(refused.status()).isEqualTo(409);
		assertThat(refused.json().get("code").asText()).isEqualTo("coupon-not-in-region");
		var unbound = Api.at(port).newResident().post("/api/marketing/coupons/claims", Map.of("templateId", template));
		assertThat(unbound.json().get("code").asText()).isEqualTo("pickup-point-required");
		assertThat(issued(template)).isZero();
	}

	@Test
	void badTemplatesAreRefusedNamingTheField() {
		var percent = world.fixed("折扣", 0, 0, 1, 10);
		percent.put("kind", "PERCENT");
		percent.remove("amountFen");
		percent.put("percentOff", 120);
		assertRefused(percent, 400, "percentOff");
		var noAmount = world.fixed("无金额", 0, 0, 1, 10);
		noAmount.remove("amountFen");
		assertRefused(noAmount, 400, "amountFen");
		var both = world.fixed("两种有效期", 100, 0, 1, 10);
		both.put("validFrom", "2030-01-01T00:00:00Z");
		both.put("validUntil", "2030-02-01T00:00:00Z");
		assertRefused(both, 400, "validFrom");
		var scoped = world.fixed("无品类", 100, 0, 1, 10);
		scoped.put("scope", "CATEGORIES");
		assertRefused(scoped, 400, "scopeIds");
		var tooFew = world.fixed("零张", 100, 0, 1, 0);
		assertRefused(tooFew, 400, "totalQuantity");
		var otherRegion = world.fixed("别的城市", 100, 0, 1, 10);
		otherRegion.put("regionIds", List.of(new CouponWorld(context, port).regionId()));
		assertThat(world.operator.post("/api/admin/marketing/coupon-templates", otherRegion).status()).isEqualTo(403);
	}

	private void assertRefused(Map<String, Object> body, int status, String field) {
		long before = templatesNamed(body.get("name").toString());
		var response = world.operator.post("/api/admin/marketing/coupon-templates", body);
		assertThat(response.status()).as(response.toString()).isEqualTo(status);
		assertThat(response.errorFields()).contains(field);
		assertThat(templatesNamed(body.get("name").toString())).isEqualTo(before);
	}

	@Test
	void anOperatorPausesAndListsTemplatesWithTheirCounts() {
		long template = world.template("暂停券", 300, 0, 1, 10);
		Resident r = world.resident();
		assertThat(r.claim(template).status()).isEqualTo(201);
		assertThat(world.operator.post("/api/admin/marketing/coupon-templates/" + template + "/pause", Map.of()).status())
			.isEqualTo(200);
		var paused = world.resident().claim(template);
		assertThat(paused.json().get("code").asText()).isEqualTo("coupon-template-paused");
		JsonNode list = world.operator.get("/api/admin/marketing/coupon-templates?regionId=" + world.regionId()).json();
		JsonNode row = null;
		for (JsonNode n : list) {
			if (n.get("template").get("id").asLong() == template) {
				row = n;
			}
		}
		assertThat(row).isNotNull();
		assertThat(row.get("template").get("issued").asInt()).isEqualTo(1);
		assertThat(row.get("template").get("status").asText()).isEqualTo("PAUSED");
		assertThat(row.get("used").asLong()).isZero();
		var delete = world.operator.delete("/api/admin/marketing/coupon-templates/" + template);
		assertThat(delete.json().get("code").asText()).isEqualTo("coupon-template-issued");
	}

	@Test
	void anOperatorOfAnotherRegionNeitherSeesNorChangesTheTemplates() {
		long template = world.template("本区券", 300, 0, 1, 10);
		var stranger = new CouponWorld(context, port).operator;
		String path = "/api/admin/marketing/coupon-templates/" + template;
		assertThat(stranger.get(path).status()).isEqualTo(404);
		assertThat(stranger.post(path + "/pause", Map.of()).status()).isEqualTo(404);
		assertThat(stranger.post(path + "/push", Map.of("phones", world.resident().phone())).status()).isEqualTo(404);
		assertThat(stranger.get("/api/admin/marketing/coupon-templates").json().findValues("id").stream()
			.map(JsonNode::asLong)).doesNotContain(template);
		assertThat(stranger.get("/api/admin/marketing/coupon-templates?regionId=" + world.regionId()).status())
			.isEqualTo(403);
		assertThat(issued(template)).isZero();
		assertThat(world.operator.get(path).json().get("status").asText()).isEqualTo("ACTIVE");
	}

	@Test
	void aPushGivesEveryListedResidentOneOrNobodyAny() {
		long template = world.template("推送券", 800, 0, 1, 4);
		Resident a = world.resident();
		Resident b = world.resident();
		String unknown = Api.newPhone();
		String path = "/api/admin/marketing/coupon-templates/" + template + "/push";

		var withUnknown = world.operator.post(path, Map.of("phones", a.phone() + "\n" + unknown + "," + b.phone()));
		assertThat(withUnknown.status()).isEqualTo(400);
		assertThat(withUnknown.errorFields()).containsExactly("phones");
		assertThat(withUnknown.text()).contains(unknown);
		assertThat(issued(template)).isZero();
		assertThat(a.mine()).isEmpty();

		var pushed = world.operator.post(path, Map.of("phones", "手机号,姓名\n" + a.phone() + ",甲\n" + b.phone() + ",乙\n"));
		assertThat(pushed.status()).as(pushed.toString()).isEqualTo(201);
		assertThat(pushed.json().get("residents").asInt()).isEqualTo(2);
		assertThat(a.mine()).singleElement().satisfies(c -> assertThat(c.get("templateId").asLong()).isEqualTo(template));
		assertThat(b.mine()).hasSize(1);

		Resident c = world.resident();
		var overLimit = world.operator.post(path, Map.of("phones", c.phone() + " " + a.phone()));
		assertThat(overLimit.status()).isEqualTo(409);
		assertThat(overLimit.json().get("code").asText()).isEqualTo("coupon-limit-reached");
		assertThat(overLimit.text()).contains(a.phone());
		assertThat(c.mine()).isEmpty();
		assertThat(issued(template)).isEqualTo(2);

		Resident d = world.resident();
		Resident e = world.resident();
		var tooMany = world.operator.post(path, Map.of("phones", c.phone() + " " + d.phone() + " " + e.phone()));
		assertThat(tooMany.json().get("code").asText()).isEqualTo("coupons-gone");
		assertThat(issued(template)).isEqualTo(2);
	}

	@Test
	void theEngineUsesTheBestCouponPlacingUsesItAndCancellingReturnsIt() {
		long small = world.template("满39减5", 500, 3900, 1, 100);
		long big = world.template("满39减8", 800, 3900, 1, 100);
		Resident r = world.resident();
		long smallId = r.claim(small).id();
		long bigId = r.claim(big).id();
		Sku sku = world.ordering.sku("阳光玫瑰葡萄", "500g/盒");
		Listing listing = world.ordering.listing(sku, "29.90", 100, 10);
		AccountId resident = new AccountId(r.id());
		var line = new PriceRequest.Line(listing.id(), sku.id(), sku.categoryId(), listing.groupPrice(), 2);
		var request = PriceRequest.of(resident, world.ordering.region.id(), world.ordering.pickupPoint.id(), List.of(line));

		PriceQuote quote = engine.quote(request);
		assertThat(quote.couponId()).isEqualTo(bigId);
		assertThat(quote.total(DiscountKind.COUPON)).isEqualTo(Money.ofYuan("8"));
		assertThat(quote.payable()).isEqualTo(Money.ofYuan("51.80"));

		long orderId = 9_000_000_000L + System.nanoTime() % 1_000_000_000L;
		place(orderId, r, request, quote);
		assertThat(r.coupon(bigId).get("status").asText()).isEqualTo("USED");
		assertThat(r.coupon(bigId).get("orderId").asLong()).isEqualTo(orderId);
		place(orderId, r, request, quote); // a retry changes nothing
		assertThatThrownBy(() -> place(orderId + 1, r, request, quote)).isInstanceOfSatisfying(BusinessRuleException.class,
				e -> assertThat(e.code()).isEqualTo("coupon-unavailable"));

		// the used coupon is out of the best choice, and refused when chosen
		assertThat(engine.quote(request).couponId()).isEqualTo(smallId);
		var chosen = new PriceRequest(resident, request.region(), request.pickupPoint(), request.lines(),
				CouponChoice.of(bigId), 0, null);
		assertThatThrownBy(() -> engine.quote(chosen)).isInstanceOfSatisfying(BusinessRuleException.class,
				e -> assertThat(e.code()).isEqualTo("coupon-used"));

		Instant at = clock.instant();
		transaction.executeWithoutResult(s -> orderPromotions.cancelled(orderId, resident, at));
		transaction.executeWithoutResult(s -> orderPromotions.cancelled(orderId, resident, at)); // once
		assertThat(r.coupon(bigId).get("status").asText()).isEqualTo("RETURNED");
		assertThat(engine.quote(request).couponId()).isEqualTo(bigId);
		assertThat(jdbc.sql("select version from marketing.coupon where id = ?").param(bigId).query(Integer.class).single())
			.isEqualTo(2);
	}

	@Test
	void aChosenCouponBelowItsThresholdSaysByHowMuch() {
		long template = world.template("满99减10", 1000, 9900, 1, 100);
		Resident r = world.resident();
		long coupon = r.claim(template).id();
		Sku sku = world.ordering.sku("车厘子", "1kg/盒");
		Listing listing = world.ordering.listing(sku, "59.00", 100, 10);
		var request = new PriceRequest(new AccountId(r.id()), world.ordering.region.id(), world.ordering.pickupPoint.id(),
				List.of(new PriceRequest.Line(listing.id(), sku.id(), sku.categoryId(), listing.groupPrice(), 1)),
				CouponChoice.of(coupon), 0, null);
		assertThatThrownBy(() -> engine.quote(request)).isInstanceOfSatisfying(BusinessRuleException.class, e -> {
			assertThat(e.code()).isEqualTo("coupon-below-threshold");
			assertThat(e.field()).isEqualTo("couponId");
			assertThat(e.text().args()).containsExactly("99.00", "40.00");
		});
		var another = world.resident();
		var notMine = new PriceRequest(new AccountId(another.id()), request.region(), request.pickupPoint(), request.lines(),
				CouponChoice.of(coupon), 0, null);
		assertThatThrownBy(() -> engine.quote(notMine)).isInstanceOfSatisfying(BusinessRuleException.class,
				e -> assertThat(e.code()).isEqualTo("coupon-not-found"));
	}

	private void place(long orderId, Resident r, PriceRequest request, PriceQuote quote) {
		var listing = request.lines().get(0).listing();
		transaction.executeWithoutResult(s -> orderPromotions.placed(new PlacedOrder(orderId, new AccountId(r.id()),
				request.region(), request.pickupPoint(), request, quote, Map.of(listing, orderId), clock.instant())));
	}

	@Test
	void theNightlyJobExpiresCouponsAndRemindsThreeDaysAhead() {
		var body = world.fixed("两天券", 200, 0, 1, 10);
		body.put("validDays", 2);
		long template = world.create(body).get("id").asLong();
		Resident r = world.resident();
		long coupon = r.claim(template).id();
		Instant until = CouponWorld.instant(r.coupon(coupon).get("validUntil"));

		assertThat(expiry.run(clock.instant())).hasValueSatisfying(run -> assertThat(run.reminded()).isPositive());
		Deadline deadline = Deadline.inMillis(15_000);
		while (!hasMessage(r, "COUPON_EXPIRING") && !deadline.passed()) {
			java.util.concurrent.locks.LockSupport.parkNanos(100_000_000);
		}
		assertThat(hasMessage(r, "COUPON_EXPIRING")).isTrue();
		assertThat(r.coupon(coupon).get("status").asText()).isEqualTo("ISSUED");

		expiry.run(until.plusSeconds(1));
		assertThat(r.coupon(coupon).get("status").asText()).isEqualTo("EXPIRED");
		var again = expiry.run(until.plusSeconds(2));
		assertThat(again).hasValueSatisfying(run -> assertThat(run.reminded()).isZero());
		assertThat(jdbc.sql("select version from marketing.coupon where id = ?").param(coupon).query(Integer.class).single())
			.isEqualTo(1);
		assertThat(countMessages(r, "COUPON_EXPIRING")).isEqualTo(1);
	}

	private boolean hasMessage(Resident r, String kind) {
		return countMessages(r, kind) > 0;
	}

	private long countMessages(Resident r, String kind) {
		JsonNode items = r.api().get("/api/messages").json().get("items");
		long n = 0;
		for (JsonNode m : items) {
			if (m.get("kind").asText().equals(kind)) {
				n++;
			}
		}
		return n;
	}

	@Test
	void aGrantIsGivenOncePerSource() {
		long template = world.template("邀请奖励", 500, 0, 5, 100);
		Resident r = world.resident();
		Instant at = clock.instant();
		long first = transaction.execute(s -> grants.grant(new AccountId(r.id()), template, "referral:77", at));
		long again = transaction.execute(s -> grants.grant(new AccountId(r.id()), template, "referral:77", at));
		assertThat(again).isEqualTo(first);
		assertThat(issued(template)).isEqualTo(1);
		assertThat(r.coupon(first).get("status").asText()).isEqualTo("ISSUED");
	}

	@Test
	void newResidentsAndFirstOrdersGetTheirCouponsOnce() {
		var welcome = world.fixed("新人券", 300, 0, 1, 100_000);
		welcome.put("onRegistration", true);
		welcome.put("claimable", false);
		long registration = world.create(welcome).get("id").asLong();
		var firstOrder = world.fixed("首单礼", 600, 3000, 1, 100_000);
		firstOrder.put("onFirstOrder", true);
		firstOrder.put("claimable", false);
		long onFirstOrder = world.create(firstOrder).get("id").asLong();
		try {
			Resident r = world.resident();
			awaitCoupon(r, registration);
			assertThat(r.mine()).extracting(c -> c.get("templateId").asLong()).containsOnlyOnce(registration);

			AccountId resident = new AccountId(r.id());
			long orderId = 8_000_000_000L + System.nanoTime() % 1_000_000_000L;
			transaction.executeWithoutResult(s -> orderPromotions.paid(orderId, resident, world.ordering.region.id(),
					Money.ofYuan("30"), clock.instant()));
			awaitCoupon(r, onFirstOrder);
			transaction.executeWithoutResult(s -> orderPromotions.paid(orderId + 1, resident, world.ordering.region.id(),
					Money.ofYuan("30"), clock.instant()));
			transaction.executeWithoutResult(s -> orderPromotions.paid(orderId, resident, world.ordering.region.id(),
					Money.ofYuan("30"), clock.instant()));
			Deadline settle = Deadline.inMillis(500);
			while (!settle.passed()) {
				java.util.concurrent.locks.LockSupport.parkNanos(100_000_000);
			}
			assertThat(r.mine()).extracting(c -> c.get("templateId").asLong()).containsOnlyOnce(onFirstOrder);
			assertThat(jdbc.sql("select source from marketing.coupon where resident_id = ? and template_id = ?")
				.params(r.id(), onFirstOrder).query(String.class).single()).isEqualTo("first-order:" + orderId);
		}
		finally {
			// other tests' residents register all the time: stop giving them this region's coupons
			world.operator.post("/api/admin/marketing/coupon-templates/" + registration + "/pause", Map.of());
			world.operator.post("/api/admin/marketing/coupon-templates/" + onFirstOrder + "/pause", Map.of());
		}
	}

	private void awaitCoupon(Resident r, long template) {
		Deadline deadline = Deadline.inMillis(15_000);
		while (!deadline.passed()) {
			for (JsonNode c : r.mine()) {
				if (c.get("templateId").asLong() == template) {
					return;
				}
			}
			java.util.concurrent.locks.LockSupport.parkNanos(100_000_000);
		}
		throw new AssertionError("no coupon of template " + template + " for resident " + r.id());
	}

	private int issued(long template) {
		return jdbc.sql("select issued from marketing.coupon_template where id = ?").param(template).query(Integer.class)
			.single();
	}

	private long templatesNamed(String name) {
		return jdbc.sql("select count(*) from marketing.coupon_template where name = ?").param(name).query(Long.class)
			.single();
	}
}
