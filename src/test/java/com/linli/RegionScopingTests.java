package com.linli;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.linli.fulfilment.FulfilmentFixtures;
import com.linli.network.NetworkFixtures;
import com.linli.ordering.OrderingFixtures;
import com.linli.ordering.WebSession;
import com.linli.supply.SupplyFixtures;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An operator sees and changes only their regions (DESIGN.md section 5). Region 1 gets one of each
 * region-bound thing (warehouses, community, pickup point, leader, listing, a paid order, a cutoff run with
 * sorting lists, a purchase order received into stock, a chargeback and a statement, a stocktake, a commission
 * scheme, a forecast demand); then an operator of region 2 only walks every operation of the OpenAPI document
 * with the ids of region 1 and must get 403 or 404 for each, and lists must not show region 1's things.
 * Operations that are not region-bound are listed in {@link #EXEMPT} with the reason.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RegionScopingTests {

	/** Operations an operator of another region may call: nothing in them belongs to a region. */
	static final Map<String, String> EXEMPT = exempt();

	static Map<String, String> exempt() {
		Map<String, String> m = new LinkedHashMap<>();
		String catalog = "the catalog (categories, products, SKUs) is the platform's, not a region's";
		for (String p : List.of("/api/catalog/categories", "/api/catalog/categories/{id}", "/api/catalog/products",
				"/api/catalog/products/{id}", "/api/catalog/products/{id}/skus", "/api/catalog/products/{id}/image",
				"/api/catalog/skus", "/api/catalog/skus/{id}")) {
			m.put(p, catalog);
		}
		String supplier = "suppliers, their terms, licences, SKUs, logins and scores serve every region";
		for (String p : List.of("/api/suppliers", "/api/suppliers/{id}", "/api/suppliers/{id}/terms",
				"/api/suppliers/{id}/qualifications", "/api/suppliers/{id}/qualifications/{qualificationId}",
				"/api/suppliers/{id}/skus", "/api/suppliers/{id}/skus/{skuId}", "/api/suppliers/{id}/accounts",
				"/api/suppliers/{id}/accounts/{accountId}", "/api/suppliers/{id}/scores", "/api/supplier-alerts",
				"/api/supplier-scores", "/api/suppliers/{id}/vmi")) {
			m.put(p, supplier);
		}
		m.put("GET /api/risk/suppliers", "supplier risk: suppliers serve every region (issue 16)");
		m.put("/api/storefront/listings", "the public storefront: anyone may browse any region's listings");
		m.put("/api/marketing/campaigns/running", "the storefront's campaign banner: any shopper may see any region's");
		m.put("/api/marketing/offers/mine", "the caller's own offers in the region they shop in (any open point may be chosen)");
		m.put("/api/storefront/search", "the public storefront");
		m.put("/api/storefront/listings/{id}", "the public storefront");
		m.put("GET /api/marketing/teams", "the teams taking members in the caller's region: shown to its residents to join");
		m.put("GET /api/marketing/teams/{id}", "a team's share link: any signed-in resident may look at it");
		m.put("GET /api/marketing/teams/terms/{listingId}", "a listing's team terms, public as the storefront");
		m.put("/api/auth/token", "signing in");
		m.put("/api/auth/register", "registration");
		m.put("/api/auth/logout", "the caller's own session");
		m.put("/api/me", "the caller's own account");
		m.put("/api/me/password", "the caller's own password");
		m.put("/api/me/pickup-point", "the caller's own pickup point as a shopper (any open point may be chosen)");
		m.put("/api/cart", "the caller's own cart");
		m.put("/api/cart/items", "the caller's own cart (any signed-in account may shop)");
		m.put("/api/cart/items/{listingId}", "the caller's own cart");
		m.put("/api/cart/checkout", "the caller's own cart");
		m.put("/api/marketing/price-quotes", "the caller's own price quote (their cart or listings, as they may order)");
		m.put("/api/marketing/referrals/bind", "the caller's own binding to an inviter's code (any resident may follow any code)");
		m.put("/api/orders", "the caller's own orders (any signed-in account may shop; list: own orders only)");
		m.put("/api/messages", "the caller's own messages");
		String coupons = "the caller's own coupons: a resident claims in the coupon centre of their own pickup point's region";
		for (String p : List.of("/api/marketing/coupons/claimable", "/api/marketing/coupons/mine", "/api/marketing/coupons/claims")) {
			m.put(p, coupons);
		}
		m.put("/api/messages/unread-count", "the caller's own messages");
		m.put("/api/messages/read-all", "the caller's own messages");
		m.put("/api/payments/notify/{provider}", "the payment provider's signed callback, not a user's call");
		m.put("/api/payments/sim/{transactionId}", "the simulated bank stands in for the provider's cashier");
		m.put("/api/payments/sim/{transactionId}/pay", "the simulated bank stands in for the provider's cashier");
		m.put("/api/inventory/settings", "safety stock settings are platform-wide");
		m.put("POST /api/leader/withdrawals", "the calling leader's own withdrawal, from their own balance");
		// helpers (issue 13): the calling leader's own helpers and statements
		m.put("POST /api/leader/helpers", "the calling leader's own helper, at their own point");
		m.put("DELETE /api/leader/helpers/{id}", "the calling leader's own helper (another leader's: 404, HelpersIntegrationTests)");
		for (String p : List.of("/api/leader/statements/{month}", "/api/leader/statements/{month}.xlsx",
				"/api/leader/statements/{month}.pdf")) {
			m.put(p, "the calling leader's own statement of a month (the path names a month, not a thing of region 1)");
		}
		String myPoint = "the calling leader's own pickup point on a day (the path names a date, not a thing of region 1)";
		for (String p : List.of("/api/fulfilment/my-point/{date}", "/api/fulfilment/my-point/{date}/receipt",
				"/api/fulfilment/my-point/{date}/sorting-list", "/api/fulfilment/my-point/{date}/sorting-list.pdf")) {
			m.put(p, myPoint);
		}
		m.put("/api/network/regions/search", "region names for pickers");
		String directory = "the public directory: residents pick a city and a pickup point in it";
		m.put("GET /api/network/regions", directory);
		m.put("GET /api/network/regions/{id}", directory);
		m.put("GET /api/network/pickup-points", directory);
		m.put("GET /api/network/pickup-points/{id}", directory);
		m.put("/api/inventory/alerts/recompute", "runs the hourly platform-wide alert job now; answers counts only");
		String ownPoints = "the caller's own points, check-in and membership (the shop: their region's; another region's item is 404)";
		for (String p : List.of("/api/marketing/points", "/api/marketing/check-in", "/api/marketing/membership",
				"/api/marketing/points-shop/items", "/api/marketing/points-shop/items/{id}/exchange",
				"/api/marketing/points-shop/exchanges")) {
			m.put(p, ownPoints);
		}
		m.put("/api/admin/marketing/membership-levels", "membership levels are platform-wide: a level means the same in every city");
		m.put("/api/admin/marketing/membership-levels/{id}", "membership levels are platform-wide");
		m.put("POST /api/aftersales/requests", "a request on the caller's own order (anyone else's order is 404)");
		m.put("/api/admin/aftersales/windows", "after-sales windows are per category, platform-wide");
		m.put("/api/admin/aftersales/windows/{categoryId}", "after-sales windows are per category, platform-wide (admins only)");
		// aftersales reviews and help centre
		m.put("/api/aftersales/reviews", "the caller's own reviews (POST: a review of a line of the caller's own order; "
				+ "someone else's is 404, ReviewsIntegrationTests)");
		m.put("/api/aftersales/reviews/reviewable-lines", "the lines of the caller's own order (someone else's is 404)");
		m.put("/api/storefront/products/{id}/reviews", "the public storefront: a product's visible reviews");
		m.put("/api/storefront/reviews/photos/{photoId}", "the public storefront: a visible review's photo");
		m.put("/api/storefront/help", "the public help centre");
		String faq = "the help centre is the platform's, not a region's";
		for (String p : List.of("/api/admin/aftersales/faq", "/api/admin/aftersales/faq/{id}",
				"/api/admin/aftersales/faq/{id}/active", "/api/admin/aftersales/faq/categories",
				"/api/admin/aftersales/faq/categories/{id}")) {
			m.put(p, faq);
		}
		String recruitment = "the public leader application (recruitment): anyone may apply; an application is reached by "
				+ "its number and its applicant's phone only (others: 404); communities are named for the form";
		for (String p : List.of("/api/leader-applications", "/api/leader-applications/phone-codes",
				"/api/leader-applications/{applicationNo}", "/api/leader-applications/{applicationNo}/answer",
				"/api/leader-applications/communities")) {
			m.put(p, recruitment);
		}
		String packing = "a SKU's units per crate: the catalog is the platform's, not a region's";
		m.put("/api/admin/logistics/packing", packing);
		m.put("/api/admin/logistics/packing/{skuId}", packing);
		// analytics (issue 16 rfm): a segment is named in the path and its region by a required query or body field
		m.put("GET /api/analytics/segments/{segment}/residents", "the region is the required regionId query parameter "
				+ "(without it: 400, naming nothing); another region's is 403 (SegmentIntegrationTests)");
		m.put("POST /api/analytics/segments/{segment}/push", "the region is the body's required regionId; another "
				+ "region's is 403 and pushes nothing (SegmentIntegrationTests)");
		m.put("POST /api/admin/leaders/referral-rewards/runs", "the referral reward job run now (platform admins only): "
				+ "it pays every region's rewards due by the rules, names nothing of a region");
		return m;
	}

	/**
	 * Refusals other than 403/404 that show nothing of region 1: a leader who scans a code of another pickup point
	 * is told so (409), as the pickup desk needs, and learns nothing of the order.
	 */
	static final Map<String, Integer> OTHER_REFUSALS = Map.of("GET /api/leader/pickups/{pickupCode}", 409,
			"POST /api/leader/pickups", 409,
			// a complaint about an order not the caller's own is bad input naming orderId, and files nothing
			"POST /api/aftersales/complaints", 400);

	/** Where the last segment before a path variable names the kind of resource. */
	static final Pattern VARIABLE = Pattern.compile("([^/{}]+)/\\{([^}]+)}|\\{([^}]+)}");

	@LocalServerPort
	int port;

	@Autowired
	ApplicationContext context;

	@Autowired
	Clock clock;

	@Autowired
	com.linli.inventory.StockManagement stocks;

	/** Region 1's ids: by path segment ("purchase-orders") or path variable name ("gridWarehouseId"). */
	final Map<String, String> ids = new HashMap<>();

	/** Texts only region 1's things carry (names, numbers): no list may show them to the stranger. */
	final List<String> markers = new ArrayList<>();

	long statementId;

	long orderId;

	Api stranger;

	Api otherResident;

	Api otherLeader;

	Api otherSupplier;

	/** Who walks the API now. */
	Api caller;

	String strangerPhone;

	@BeforeAll
	void regionOneWithOneOfEverything() {
		var admin = Api.at(port).asAdmin();
		var world = new OrderingFixtures(context, port);
		var day = new FulfilmentFixtures(world, port);
		long region = world.region.id().value();
		long central = new NetworkFixtures(admin).warehouse(region, "CENTRAL");
		var point = world.pickupPoint;
		String product = "区域一苹果" + NetworkFixtures.unique();
		var sku = world.sku(product, "500g/份");
		var listing = world.listing(sku, "19.90", 100, 5);
		var operator = day.operator();
		Api resident = world.resident();
		JsonNode order = day.paidOrder(resident, listing, 3);
		orderId = order.get("id").asLong();
		context.getBean(com.linli.marketing.TeamManagement.class).setTerms(com.linli.identity.Actor.system("test"),
				new com.linli.marketing.TeamTerms(listing.id(), 2, 60, com.linli.shared.Money.ofYuan("9.90"), false));
		context.getBean(com.linli.ordering.TeamOrderManagement.class).place(new com.linli.identity.AccountId(
				resident.get("/api/me").json().get("id").asLong()), "scoping-team", listing.id(), com.linli.marketing.TeamIntent.open());
		ids.put("teams", Long.toString(context.getBean(com.linli.marketing.TeamManagement.class).joinable(world.region.id(), 10).get(0).id()));
		ids.put("listingId", Long.toString(listing.id().value()));

		String leaderPhone = Api.newPhone();
		String leaderName = "区域一团长" + NetworkFixtures.unique();
		var leader = admin.post("/api/leaders", Map.of("phone", leaderPhone, "name", leaderName, "password",
				"leader123", "pickupPointId", point.id().value()));
		assertThat(leader.status()).as(leader.toString()).isEqualTo(201);

		var supply = new SupplyFixtures(operator, port);
		LocalDate today = LocalDate.now(clock);
		long supplier = supply.supplier("区域一果业", "PREFERRED", today.plusYears(1));
		supply.offer(supplier, sku, 1200, 1);
		var scheme = operator.put("/api/commission/schemes/" + region,
				Map.of("bands", List.of(Map.of("floorFen", 0, "rateBasisPoints", 800)), "overrides", List.of()));
		assertThat(scheme.status()).as(scheme.toString()).isEqualTo(200);
		var demand = operator.put("/api/forecasts/demand", Map.of("regionId", region, "skuId", sku.id().value(), "date",
				today.minusDays(1).toString(), "units", 7));
		assertThat(demand.status()).as(demand.toString()).isLessThan(300);

		var run = day.cutoff(operator);
		long runId = run.get("id").asLong();
		JsonNode po = supply.awaitPurchaseOrders(runId, 1).get(0);
		long poId = po.get("id").asLong();
		long lineId = po.get("lines").get(0).get("id").asLong();
		assertThat(operator.post("/api/purchase-orders/" + poId + "/send", Map.of()).status()).isEqualTo(200);
		assertThat(supply.login(supplier).post("/api/supplier/purchase-orders/" + poId + "/confirm", Map.of()).status())
			.isEqualTo(200);
		var received = Api.at(port).newAccount("WAREHOUSE_STAFF").post("/api/warehouse/purchase-orders/" + poId
				+ "/receipt", Map.of("lines", List.of(Map.of("lineId", lineId, "accepted", 3, "rejected", 0, "batchNo",
						"R1-" + poId, "productionDate", today.toString()))));
		assertThat(received.status()).as(received.toString()).isEqualTo(200);
		var chargeback = operator.post("/api/suppliers/" + supplier + "/chargebacks",
				Map.of("amountFen", 100, "reason", "区域一扣款", "purchaseOrderId", poId));
		assertThat(chargeback.status()).as(chargeback.toString()).isEqualTo(201);
		var statement = operator.post("/api/suppliers/" + supplier + "/statements", Map.of());
		assertThat(statement.status()).as(statement.toString()).isEqualTo(201);
		statementId = statement.id();
		// supplier-managed inventory (issue 15): region 1's supplier is VMI and proposes apples for the central warehouse
		var vmiFlag = operator.put("/api/suppliers/" + supplier + "/vmi", Map.of("vmi", true));
		assertThat(vmiFlag.status()).as(vmiFlag.toString()).isEqualTo(200);
		var vmiProposal = supply.login(supplier).post("/api/supplier/vmi-proposals", Map.of("skuId", sku.id().value(),
				"warehouseId", central, "units", 1, "deliveryDate", today.plusDays(1).toString(), "note", "区域一补货"));
		assertThat(vmiProposal.status()).as(vmiProposal.toString()).isEqualTo(201);
		ids.put("vmi-proposals", Long.toString(vmiProposal.id()));
		markers.add("区域一补货");
		var stocktake = operator.post("/api/inventory/stocktakes", Map.of("warehouseId", central, "note", "区域一盘点"));
		assertThat(stocktake.status()).as(stocktake.toString()).isEqualTo(201);
		// a batch two days before its expiry: an alert with a clearance suggestion
		stocks.receive(new com.linli.network.WarehouseId(central), sku.id(), 4, "NEAR-" + poId, today.minusDays(5),
				"test-stock:" + NetworkFixtures.unique(), null);
		// recomputed in the afternoon of the day: after 23:00 tomorrow is no longer on sale and the batch would not
		// be good on the first pickup day left, so there would be nothing to suggest
		var platform = (com.linli.shared.PlatformClock) clock;
		platform.travelTo(today.atTime(15, 0).atZone(TestClock.ZONE).toInstant());
		try {
			assertThat(operator.post("/api/inventory/alerts/recompute", Map.of()).status()).isEqualTo(200);
		}
		finally {
			platform.reset();
		}
		String clearance = null;
		for (JsonNode alert : operator.get("/api/inventory/alerts?warehouseId=" + central).json().get("items")) {
			if (alert.hasNonNull("clearance")) {
				clearance = alert.get("clearance").get("id").asText();
			}
		}
		assertThat(clearance).as("a clearance suggestion of region 1").isNotNull();
		var stock = operator.get("/api/inventory/warehouses/" + central + "/stock/" + sku.id().value()).json();

		var inbox = resident.get("/api/messages").json().get("items");
		if (inbox != null && !inbox.isEmpty()) {
			ids.put("messages", inbox.get(0).get("id").asText());
		}
		var couponTemplate = operator.post("/api/admin/marketing/coupon-templates", Map.of("name", "区域一券", "kind", "FIXED",
				"amountFen", 300, "scope", "ALL", "regionIds", List.of(region), "validDays", 7, "perResidentLimit", 1,
				"totalQuantity", 10));
		assertThat(couponTemplate.status()).as(couponTemplate.toString()).isEqualTo(201);
		ids.put("coupon-templates", Long.toString(couponTemplate.id()));
		// issue 16 risk: a case of region 1 (five accounts on one phone prefix, the rules run)
		String riskPrefix = "131" + String.format("%06d", java.util.concurrent.ThreadLocalRandom.current().nextInt(1_000_000));
		var riskAccounts = context.getBean(com.linli.identity.AccountManagement.class);
		for (int i = 0; i < 5; i++) {
			var a = riskAccounts.registerResident(riskPrefix + String.format("%02d", i), "风控" + i, "secret123");
			context.getBean(com.linli.network.ResidentBindingManagement.class).bindResident(a.id(), point.id());
		}
		context.getBean(com.linli.risk.RiskManagement.class).evaluate(com.linli.identity.Actor.system("test"), region);
		ids.put("caseId", Long.toString(context.getBean(com.linli.risk.RiskManagement.class)
			.cases(com.linli.identity.Actor.system("test"), region, null, 0, 1).cases().get(0).id()));
		ids.put("clearances", clearance);
		ids.put("suppliers", Long.toString(supplier));
		ids.put("accounts", leader.json().get("accountId").asText());
		ids.put("regions", Long.toString(region));
		ids.put("regionId", Long.toString(region));
		ids.put("warehouses", Long.toString(central));
		ids.put("warehouseId", Long.toString(central));
		ids.put("gridWarehouseId", Long.toString(point.gridWarehouseId().value()));
		ids.put("grid-warehouses", Long.toString(point.gridWarehouseId().value()));
		ids.put("communities", Long.toString(point.communityId().value()));
		ids.put("pickup-points", Long.toString(point.id().value()));
		ids.put("pickupPointId", Long.toString(point.id().value()));
		ids.put("leaders", Long.toString(leader.id()));
		// a penalty of region 1's leader (levels): confirm and revoke it are region 1's
		ids.put("leader-penalties", Long.toString(context.getBean(com.linli.leader.PenaltyManagement.class)
			.impose(com.linli.identity.Actor.system("test"), new com.linli.leader.LeaderId(leader.id()),
					com.linli.leader.PenaltyKind.WARNING, "区域一警告")
			.id().value()));
		// a withdrawal of region 1's leader (payouts): commission picked up 8 days ago, matured, then requested
		long payoutLine = 9_100_000_000L + System.nanoTime() % 100_000_000L;
		context.getBean(com.linli.leader.internal.CommissionAccruals.class).accrue(new com.linli.ordering.OrderPickedUp(
				new com.linli.ordering.OrderId(payoutLine), "S" + payoutLine, new com.linli.identity.AccountId(0), point.id(),
				point.regionId(), java.time.Instant.now(clock).minus(java.time.Duration.ofDays(8)), true,
				List.of(new com.linli.ordering.OrderPickedUp.PickedUpLine(new com.linli.ordering.OrderLineId(payoutLine),
						new com.linli.catalog.SkuId(1), null, 1, com.linli.shared.Money.ofFen(10_000), "区域一提现", 5000))));
		context.getBean(com.linli.leader.internal.payouts.PayoutJobs.class).runOnce(java.time.Instant.now(clock));
		var withdrawal = Api.at(port).as(leaderPhone, "leader123").post("/api/leader/withdrawals", Map.of("amountFen", 2000));
		assertThat(withdrawal.status()).as(withdrawal.toString()).isEqualTo(201);
		ids.put("withdrawals", Long.toString(withdrawal.id()));
		// a monthly contest of region 1 (incentives)
		var contest = admin.post("/api/admin/leaders/contests", Map.of("regionId", region, "month",
				java.time.YearMonth.now(clock).toString(), "metric", "SALES", "title", "区域一评比", "winners", 1));
		assertThat(contest.status()).as(contest.toString()).isEqualTo(201);
		ids.put("contests", Long.toString(contest.json().get("contest").get("id").asLong()));
		markers.add("区域一评比");
		ids.put("listings", Long.toString(listing.id().value()));
		ids.put("listingId", Long.toString(listing.id().value()));
		ids.put("minRank", "0");
		var shopItem = operator.post("/api/admin/marketing/points-shop/items", Map.of("regionId", region, "name",
				"区域一积分券", "couponTemplateId", 1, "pointsPrice", 10, "stock", 5));
		assertThat(shopItem.status()).as(shopItem.toString()).isEqualTo(201);
		ids.put("items", Long.toString(shopItem.id()));
		markers.add("区域一积分券");
		assertThat(operator.put("/api/admin/marketing/member-prices", Map.of("listingId", listing.id().value(), "minRank", 0,
				"priceFen", 100)).status()).isEqualTo(200);
		ids.put("orders", Long.toString(orderId));
		// the fleet of region 1 (logistics): a vehicle and a driver of its grid warehouse
		var driver = operator.post("/api/admin/logistics/drivers", Map.of("regionId", region, "phone", Api.newPhone(),
				"name", "区域一司机", "password", "driver123"));
		assertThat(driver.status()).as(driver.toString()).isEqualTo(201);
		ids.put("drivers", driver.json().get("accountId").asText());
		var vehicle = operator.post("/api/admin/logistics/vehicles", Map.of("gridWarehouseId", point.gridWarehouseId().value(),
				"plate", "区A" + NetworkFixtures.unique(), "name", "区域一货车", "ambientCrates", 10, "chilledCrates", 0,
				"frozenCrates", 0, "maxKg", 800, "costPerKmFen", 150, "costPerHourFen", 3000, "fixedCostFen", 8000));
		assertThat(vehicle.status()).as(vehicle.toString()).isEqualTo(201);
		ids.put("vehicles", Long.toString(vehicle.id()));
		markers.add("区域一货车");
		markers.add("区域一司机");
		ids.put("regionOneResident", Long.toString(resident.get("/api/me").id()));
		ids.put("residents", ids.get("regionOneResident")); // levels: moving a resident of region 1 (更换团长)
		ids.put("cutoff-runs", Long.toString(runId));
		ids.put("cutoffRunId", Long.toString(runId));
		ids.put("purchase-orders", Long.toString(poId));
		ids.put("lineId", Long.toString(lineId));
		ids.put("statements", Long.toString(statementId));
		ids.put("stocktakes", Long.toString(stocktake.id()));
		ids.put("batchId", stock.get("batches").get(0).get("id").asText());
		ids.put("skuId", Long.toString(sku.id().value()));
		ids.put("merchantReference", "order:" + orderId);
		// logistics (issue 14, warehouse): a ready route plan of region 1's run, one route with one stop
		var logistics = new com.linli.logistics.warehouse.WarehouseFixtures(context);
		long planId = logistics.readyPlan(runId, world.region, point.gridWarehouseId(), world.pickupDate, List.of(
				com.linli.logistics.warehouse.WarehouseFixtures.route(1, logistics.vehicle(world.region, point.gridWarehouseId()),
						world.pickupDate, java.time.LocalTime.of(5, 0), List.of(com.linli.logistics.warehouse.WarehouseFixtures
							.stop(point, world.pickupDate, 20, new com.linli.logistics.Load(0, 1, 0, 1.0), 1)))));
		ids.put("plans", Long.toString(planId));
		ids.put("planId", Long.toString(planId));
		var routePlans = context.getBean(com.linli.logistics.internal.RoutePlans.class);
		long routeId = routePlans.routes(planId).get(0).id();
		ids.put("routeId", Long.toString(routeId));
		ids.put("stopId", Long.toString(routePlans.stopsOfRoute(routeId).get(0).id()));
		ids.put("exceptionId", Long.toString(context.getBean(com.linli.logistics.RouteExecution.class).reportException(
				routeId, null, "OTHER", "区域一异常", new com.linli.logistics.RouteExecution.Photo("image/png",
						com.linli.Multipart.PNG), com.linli.identity.Actor.system("test")).id()));
		// after-sales: a request of region 1 on its order, as filed (the order is not picked up here), with a photo
		var jdbc = context.getBean(org.springframework.jdbc.core.simple.JdbcClient.class);
		long requestId = jdbc.sql("""
				insert into aftersales.request (request_no, resident_id, order_id, order_no, line_id, region_id,
				       pickup_point_id, pickup_date, sku_id, sku_name, kind, reason, quantity, amount_fen, status, submit_key,
				       submitted_at)
				select 'ASRS' || o.id, o.resident_id, o.id, o.order_no, l.id, o.region_id, o.pickup_point_id,
				       o.pickup_date, l.sku_id, l.sku_name, 'REFUND_ONLY', 'QUALITY', 1, 100, 'SUBMITTED', 'scoping', ?
				  from ordering.orders o join ordering.order_line l on l.order_id = o.id where o.id = ? limit 1
				returning id""").params(java.sql.Timestamp.from(clock.instant()), orderId).query(Long.class).single();
		ids.put("requests", Long.toString(requestId));
		ids.put("photoId", Long.toString(jdbc.sql("""
				insert into aftersales.request_photo (request_id, storage_key, content_type, created_at)
				values (?, 'aftersales-requests/00000000-0000-0000-0000-000000000000.png', 'image/png', ?) returning id""")
			.params(requestId, java.sql.Timestamp.from(clock.instant())).query(Long.class).single()));
		ids.put("pickupCode", order.get("pickupCode").asText());
		ids.put("date", world.pickupDate.toString());
		ids.put("format", "xlsx");
		ids.put("month", java.time.YearMonth.from(world.pickupDate).minusMonths(1).toString()); // leader statements (helpers)
		// aftersales reviews: a review of region 1 (with a photo), written as the resident's API would have after pickup
		var jdbcClient = context.getBean(org.springframework.jdbc.core.simple.JdbcClient.class);
		long reviewId = jdbcClient.sql("""
				insert into aftersales.review (resident_id, author_name, order_id, line_id, sku_id, sku_name, product_id,
				    pickup_point_id, region_id, product_stars, leader_stars, text, created_at)
				values (?, '区*', ?, ?, ?, ?, ?, ?, ?, 4, 5, '区域一评价', ?) returning id""")
			.params(id("regionOneResident"), orderId, order.get("lines").get(0).get("id").asLong(), sku.id().value(), "区域一评价商品", sku.productId().value(),
					point.id().value(), region, java.sql.Timestamp.from(clock.instant()))
			.query(Long.class).single();
		String photoKey = context.getBean(com.linli.shared.storage.FileStorage.class).store("aftersales-reviews",
				"image/png", java.util.Base64.getDecoder().decode("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg=="));
		ids.put("photoId", Long.toString(jdbcClient.sql("""
				insert into aftersales.review_photo (review_id, position, storage_key, content_type)
				values (?, 0, ?, 'image/png') returning id""").params(reviewId, photoKey).query(Long.class).single()));
		ids.put("reviews", Long.toString(reviewId));
		markers.add("区域一评价");
		// analytics (issue 16 rfm): an alert rule of region 1 and an alert it fired
		var alertRule = context.getBean(com.linli.analytics.internal.alerts.MetricAlertManagement.class).create(
				com.linli.identity.Actor.system("scoping"), new com.linli.analytics.internal.alerts.MetricAlertManagement.NewRule(
						region, "sales.orders", null,
						com.linli.analytics.internal.metrics.PeriodKind.WEEK,
						com.linli.analytics.internal.alerts.AlertCondition.BELOW, 1.0, "区域一预警规则"));
		ids.put("alert-rules", Long.toString(alertRule.id()));
		ids.put("alerts", Long.toString(jdbcClient.sql("""
				insert into analytics.alert (rule_id, region_id, period_kind, period_start, value, raised_at)
				values (?, ?, 'WEEK', date '2026-01-05', 0, ?) returning id""")
			.params(alertRule.id(), region, java.sql.Timestamp.from(clock.instant())).query(Long.class).single()));
		markers.add("区域一预警规则");
		// marketing: a campaign with a full reduction and a listing discount, an offer and a gift of region 1
		var campaign = operator.post("/api/admin/marketing/campaigns", Map.of("regionId", region, "name", "区域一活动",
				"festival", "DOUBLE_TWELVE", "startsOn", today.toString(), "budgetFen", 100_000));
		assertThat(campaign.status()).as(campaign.toString()).isEqualTo(201);
		var reduction = operator.post("/api/admin/marketing/reductions", Map.of("campaignId", campaign.id(), "name", "区域一满减",
				"tiers", List.of(Map.of("thresholdFen", 3900, "amountFen", 500))));
		assertThat(reduction.status()).as(reduction.toString()).isEqualTo(201);
		var discount = operator.post("/api/admin/marketing/listing-discounts", Map.of("listingId", listing.id().value(),
				"priceFen", 100));
		assertThat(discount.status()).as(discount.toString()).isEqualTo(201);
		var offer = operator.post("/api/admin/marketing/offers", Map.of("listingId", listing.id().value(), "kind", "ONE_YUAN",
				"priceFen", 100));
		assertThat(offer.status()).as(offer.toString()).isEqualTo(201);
		var gift = operator.post("/api/admin/marketing/gifts", Map.of("regionId", region, "thresholdFen", 5000, "giftName",
				"区域一赠品", "endsAt", java.time.Instant.now(clock).plusSeconds(86_400).toString()));
		assertThat(gift.status()).as(gift.toString()).isEqualTo(201);
		ids.put("campaigns", Long.toString(campaign.id()));
		ids.put("reductions", Long.toString(reduction.id()));
		ids.put("listing-discounts", Long.toString(discount.id()));
		ids.put("offers", Long.toString(offer.id()));
		ids.put("gifts", Long.toString(gift.id()));
		ids.put("listingId", Long.toString(listing.id().value()));
		// training (sharing): a course of region 1
		var course = operator.post("/api/admin/leaders/training/courses", Map.of("regionId", region, "title", "区域一课程",
				"category", "PLATFORM", "body", "正文", "pathPosition", 1, "passMark", 60, "questions",
				List.of(Map.of("text", "题目", "options", List.of("甲", "乙"), "correct", List.of(0)))));
		assertThat(course.status()).as(course.toString()).isEqualTo(201);
		ids.put("courses", Long.toString(course.id()));
		markers.add("区域一课程");
		markers.add("区域一活动");
		markers.add("区域一满减");
		markers.add("区域一赠品");

		markers.add(world.region.name());
		markers.add(point.name());
		markers.add(product);
		markers.add(leaderName);
		markers.add(po.get("poNo").asText());
		markers.add(order.get("orderNo").asText());
		markers.add("区域一扣款");
		markers.add("区域一盘点");
		// after-sales: a complaint of region 1's resident about their order
		var complaint = resident.post("/api/aftersales/complaints", Map.of("subject", "PRODUCT", "orderId", orderId,
				"text", "区域一投诉"));
		assertThat(complaint.status()).as(complaint.toString()).isEqualTo(201);
		ids.put("complaints", Long.toString(complaint.id()));
		markers.add(complaint.json().get("complaintNo").asText());
		markers.add("区域一投诉");

		// pricing (issue 15): a competitor price and an open price suggestion of region 1's listing
		var competitorPrice = operator.post("/api/pricing/competitor-prices", Map.of("regionId", region, "skuId",
				sku.id().value(), "competitor", "区域一竞品", "priceFen", 1800, "observedOn", today.toString()));
		assertThat(competitorPrice.status()).as(competitorPrice.toString()).isEqualTo(201);
		ids.put("competitor-prices", Long.toString(competitorPrice.id()));
		markers.add("区域一竞品");
		ids.put("price-suggestions", Long.toString(jdbc.sql("""
				insert into inventory.price_suggestion (region_id, listing_id, sku_id, sku_name, pickup_date, kind, reason,
				    current_price_fen, suggested_price_fen, available, daily_demand, elasticity, elasticity_source,
				    horizon_days, sold_now, waste_now, sold_new, waste_new, status, created_at)
				values (?, ?, ?, '区域一定价', ?, 'DISCOUNT', 'EXPIRY', 1990, 1390, 30, 10, -1.5, 'DEFAULT', 2, 20, 10, 30, 0,
				        'PROPOSED', ?) returning id""")
			.params(region, listing.id().value(), sku.id().value(), world.pickupDate,
					java.sql.Timestamp.from(clock.instant()))
			.query(Long.class).single()));
		markers.add("区域一定价");
		assertThat(operator.get("/api/pricing/price-suggestions/" + ids.get("price-suggestions")).status()).isEqualTo(200);

		// recruitment: an application of region 1, waiting for review
		String applicant = "区域一申请人" + NetworkFixtures.unique();
		String first17 = "33010619900101123";
		var application = context.getBean(com.linli.leader.RecruitmentManagement.class).record(
				com.linli.identity.Actor.system("test"), new com.linli.leader.NewLeaderApplication(applicant, Api.newPhone(),
						first17 + com.linli.leader.IdNumbers.checkCharacter(first17), point.communityId(),
						com.linli.leader.PickupPointKind.SHOP, "区域一申请点", "幸福路 9 号", 30.29, 120.14,
						java.time.LocalTime.of(8, 0), java.time.LocalTime.of(21, 0), 10, 100, 5, null),
				List.of());
		ids.put("applications", Long.toString(application.id().value()));
		ids.put("position", "0");
		markers.add(applicant);

		strangerPhone = Api.newPhone();
		long otherRegion = new NetworkFixtures(admin).region();
		var created = admin.post("/api/admin/accounts", Map.of("phone", strangerPhone, "displayName", "外区运营",
				"password", "secret123", "roles", new String[] { "OPERATOR" }, "regionIds", new long[] { otherRegion }));
		assertThat(created.status()).as(created.toString()).isEqualTo(201);
		stranger = Api.at(port).as(strangerPhone, "secret123");
		otherResident = world.resident();
		var elsewhere = new NetworkFixtures(admin).network();
		String otherLeaderPhone = Api.newPhone();
		var appointed = admin.post("/api/leaders", Map.of("phone", otherLeaderPhone, "name", "外区团长", "password",
				"leader123", "pickupPointId", elsewhere.pickupPointId()));
		assertThat(appointed.status()).as(appointed.toString()).isEqualTo(201);
		otherLeader = Api.at(port).as(otherLeaderPhone, "leader123");
		otherSupplier = supply.login(supply.supplier("外区果业", "PREFERRED", today.plusYears(1)));

		// region 1's own people do reach what the others must not (so a 404 below is not a wrong id)
		assertThat(operator.get("/api/statements/" + statementId).status()).isEqualTo(200);
		List<Long> listed = new ArrayList<>();
		operator.get("/api/statements?supplierId=" + supplier).json().forEach(n -> listed.add(n.get("id").asLong()));
		assertThat(listed).contains(statementId);
		assertThat(operator.get("/api/purchase-orders/" + poId).status()).isEqualTo(200);
		assertThat(operator.get("/api/payments/order:" + orderId).status()).isEqualTo(200);
		assertThat(resident.get("/api/payments/order:" + orderId).status()).isEqualTo(200);
		assertThat(resident.get("/api/orders/" + orderId).status()).isEqualTo(200);
	}

	@Test
	void anOperatorOfAnotherRegionReachesNothingOfRegionOneThroughTheApi() {
		List<String> unclassified = new ArrayList<>();
		var leaks = walk(stranger, unclassified);
		assertThat(unclassified).as("operations neither walked nor exempt").isEmpty();
		assertThat(leaks).as("operations that let an operator of region 2 reach region 1").isEmpty();
	}

	@Test
	void residentsLeadersAndSuppliersReachOnlyTheirOwn() {
		Map<String, Api> others = Map.of("another resident of region 1", otherResident, "the leader of a point of region 2",
				otherLeader, "another supplier", otherSupplier);
		others.forEach((who, api) -> {
			List<String> unclassified = new ArrayList<>();
			assertThat(walk(api, unclassified)).as(who + " reaches region 1's things of others").isEmpty();
		});
	}

	/** Every operation of the OpenAPI document with region 1's ids, as the caller: what answered other than 403/404. */
	private List<String> walk(Api who, List<String> unclassified) {
		caller = who;
		var paths = caller.get("/v3/api-docs").json().get("paths");
		List<String> leaks = new ArrayList<>();
		int checked = 0;
		for (String path : paths.propertyNames()) {
			if (EXEMPT.containsKey(path)) {
				continue;
			}
			JsonNode operations = paths.get(path);
			for (String method : List.of("get", "post", "put", "patch", "delete")) {
				if (!operations.has(method)) {
					continue;
				}
				String name = method.toUpperCase() + " " + path;
				if (EXEMPT.containsKey(name)) {
					continue;
				}
				String concrete = concrete(path);
				if (concrete == null) {
					unclassified.add(name + " (a path variable without a region-1 id)");
					continue;
				}
				checked++;
				if (path.contains("{")) {
					var response = call(method, concrete, body(path));
					if (!refused(name, response)) {
						leaks.add(name + " as " + concrete + " -> " + response.status() + " " + abbreviated(response));
					}
				}
				else if (method.equals("get")) {
					checkList(name, concrete, operations.get(method), leaks);
				}
				else {
					Map<String, Object> body = CREATES.get(name) == null ? null : CREATES.get(name).apply(this);
					if (body == null) {
						unclassified.add(name + " (a change without a path variable: give it a body naming region 1)");
						continue;
					}
					var response = call(method, concrete + regionOneQuery(operations.get(method)), body);
					if (!refused(name, response)) {
						leaks.add(name + " with " + body + " -> " + response.status() + " " + abbreviated(response));
					}
				}
			}
		}
		assertThat(checked).isGreaterThan(80);
		return leaks;
	}

	@Test
	void consolePagesOfRegionOneAnswerTheStrangerWithNotAllowed() {
		var session = WebSession.signIn(port, strangerPhone, "secret123");
		List<String> leaks = new ArrayList<>();
		for (String page : List.of("/console/statements/" + statementId, "/console/statements/" + statementId + ".xlsx",
				"/console/purchase-orders/" + ids.get("purchase-orders"), "/console/orders/" + orderId,
				"/console/cutoff-runs/" + ids.get("cutoff-runs"),
				"/console/cutoff-runs/" + ids.get("cutoff-runs") + "/pickup-points/" + ids.get("pickupPointId"),
				"/console/cutoff-runs/" + ids.get("cutoff-runs") + "/grid-warehouses/" + ids.get("gridWarehouseId"),
				"/console/listings/" + ids.get("listings") + "/edit", "/console/communities/" + ids.get("communities")
						+ "/edit",
				"/console/pickup-points/" + ids.get("pickup-points") + "/edit",
				"/console/warehouses/" + ids.get("warehouses") + "/edit", "/console/regions/" + ids.get("regions") + "/edit",
				"/console/inventory/" + ids.get("warehouses") + "/" + ids.get("skuId"),
				"/console/inventory/stocktakes/" + ids.get("stocktakes"), "/console/campaigns/" + ids.get("campaigns"),
				"/console/coupons/" + ids.get("coupon-templates") + "/push",
				"/console/aftersales/reports?regionId=" + ids.get("regionId"),
				"/console/aftersales/reports.xlsx?regionId=" + ids.get("regionId"),
				"/console/complaints/" + ids.get("complaints"),
				"/console/leaders/" + ids.get("leaders") + "/review",
				"/console/leaders/" + ids.get("leaders") + "/referrals",
				"/console/leaders/contests/" + ids.get("contests"),
				"/console/leaders/performance?regionId=" + ids.get("regionId"),
				"/console/leaders/performance.xlsx?regionId=" + ids.get("regionId"),
				"/console/leaders/churn-risk?regionId=" + ids.get("regionId"),
				"/console/risk/cases/" + ids.get("caseId"), "/console/risk?regionId=" + ids.get("regionId"),
				"/console/logistics/fleet?regionId=" + ids.get("regionId"),
				"/console/logistics/windows?regionId=" + ids.get("regionId"),
				"/console/logistics/performance?regionId=" + ids.get("regionId"),
				"/console/logistics/performance.xlsx?regionId=" + ids.get("regionId"),
				"/console/logistics/fleet/vehicles/" + ids.get("vehicles") + "/edit",
				"/console/leader-applications/" + ids.get("applications"),
				"/console/vmi?regionId=" + ids.get("regionId"),
				// the operations dashboard (issue 16 board): the region is checked before the metric
				"/console?regionId=" + ids.get("regionId"),
				"/console/analytics/dashboard.xlsx?regionId=" + ids.get("regionId"),
				"/console/analytics/drill?metric=sales.gmv&regionId=" + ids.get("regionId"),
				"/console/analytics/drill.xlsx?metric=sales.gmv&regionId=" + ids.get("regionId"),
				"/console/analytics/segments?regionId=" + ids.get("regionId"),
				"/console/analytics/segments/champions.csv?regionId=" + ids.get("regionId"),
				"/console/analytics/cohorts?regionId=" + ids.get("regionId"),
				"/console/analytics/alerts?regionId=" + ids.get("regionId"))) {
			var answer = session.get(page);
			if (answer.status() != 403 && answer.status() != 404) {
				leaks.add(page + " -> " + answer.status());
			}
		}
		for (String list : List.of("/console/statements", "/console/purchase-orders", "/console/orders",
				"/console/cutoff-runs", "/console/listings", "/console/leaders", "/console/communities",
				"/console/pickup-points", "/console/warehouses", "/console/inventory/stocktakes",
				"/console/inventory/alerts", "/console/commission", "/console/campaigns", "/console/reductions",
				"/console/offers", "/console/complaints", "/console/leaders/performance",
				"/console/leaders/churn-risk", "/console/leaders/contests",
				"/console/leader-applications", "/console/pricing", "/console/vmi")) {
			var answer = session.get(list);
			if (answer.status() != 200) {
				leaks.add(list + " -> " + answer.status());
			}
			for (String marker : markers) {
				if (answer.body().contains(marker)) {
					leaks.add(list + " shows " + marker);
				}
			}
		}
		assertThat(leaks).as("console pages that show region 1 to an operator of region 2").isEmpty();
	}

	private static boolean refused(String operation, Api.Response response) {
		return response.status() == 403 || response.status() == 404
				|| Integer.valueOf(response.status()).equals(OTHER_REFUSALS.get(operation));
	}

	/** Lists: region 1's things must not appear; a filter naming region 1's ids is refused or shows nothing. */
	private void checkList(String name, String path, JsonNode operation, List<String> leaks) {
		var plain = caller.get(path);
		if (plain.status() >= 500) {
			leaks.add(name + " -> " + plain.status() + " " + abbreviated(plain));
		}
		leaks.addAll(shown(name, plain));
		List<String> filters = new ArrayList<>();
		if (operation.has("parameters")) {
			for (JsonNode parameter : operation.get("parameters")) {
				String param = parameter.get("name").asText();
				if (parameter.get("in").asText().equals("query") && ids.containsKey(param)) {
					filters.add(param + "=" + ids.get(param));
				}
			}
		}
		for (String filter : filters) {
			var filtered = caller.get(path + "?" + filter);
			if (filter.startsWith("regionId=")) {
				if (filtered.status() != 403) {
					leaks.add(name + "?" + filter + " -> " + filtered.status() + " (a filter of region 1 must be refused)");
				}
				continue;
			}
			leaks.addAll(shown(name + "?" + filter, filtered));
		}
	}

	/** The query parameters of an operation that name a region-1 thing, e.g. {@code ?regionId=1}. */
	private String regionOneQuery(JsonNode operation) {
		List<String> query = new ArrayList<>();
		if (operation.has("parameters")) {
			for (JsonNode parameter : operation.get("parameters")) {
				String param = parameter.get("name").asText();
				if (parameter.get("in").asText().equals("query") && ids.containsKey(param)) {
					query.add(param + "=" + ids.get(param));
				}
			}
		}
		return query.isEmpty() ? "" : "?" + String.join("&", query);
	}

	private List<String> shown(String name, Api.Response response) {
		List<String> found = new ArrayList<>();
		if (response.status() == 200) {
			String text = response.text();
			for (String marker : markers) {
				if (text.contains(marker)) {
					found.add(name + " shows " + marker);
				}
			}
		}
		return found;
	}

	private String concrete(String path) {
		Matcher m = VARIABLE.matcher(path);
		StringBuilder out = new StringBuilder();
		while (m.find()) {
			String segment = m.group(1);
			String variable = m.group(2) != null ? m.group(2) : m.group(3);
			String value = ids.get(variable);
			if (value == null && variable.equals("id")) {
				value = ids.get(segment);
			}
			if (value == null) {
				return null;
			}
			m.appendReplacement(out, Matcher.quoteReplacement((segment == null ? "" : segment + "/") + value));
		}
		m.appendTail(out);
		return out.toString();
	}

	/**
	 * One body for every change with a path variable, valid for each of them (each takes the fields it knows), so
	 * that the answer is about scope, not about input.
	 */
	private Map<String, Object> body(String path) {
		Map<String, Object> line = Map.of("lineId", id("lineId"), "quantity", 1, "accepted", 1, "rejected", 0,
				"batchNo", "W-" + NetworkFixtures.unique(), "productionDate", LocalDate.now(clock).toString());
		Map<String, Object> body = new HashMap<>();
		body.put("name", "外区改名" + NetworkFixtures.unique());
		body.put("displayName", "外区改名");
		body.put("address", "外区路 1 号");
		body.put("district", "外区");
		body.put("latitude", 30.5);
		body.put("longitude", 114.3);
		body.put("households", 100);
		body.put("zone", "Asia/Shanghai");
		body.put("active", true);
		body.put("enabled", true);
		body.put("roles", List.of("OPERATOR"));
		body.put("gridWarehouseId", id("gridWarehouseId"));
		body.put("driverAccountId", id("drivers"));
		body.put("opensAt", "08:00");
		body.put("closesAt", "21:00");
		body.put("groupPriceFen", 990);
		body.put("stockCap", 10);
		body.put("perResidentLimit", 1);
		body.put("ordered", 1);
		body.put("counted", 1);
		body.put("amountFen", 100);
		body.put("reason", "外区测试");
		body.put("text", "外区备注");
		body.put("purchaseOrderId", id("purchase-orders"));
		body.put("lines", List.of(line));
		body.put("deliveryAt", java.time.Instant.now(clock).plusSeconds(7200).toString());
		body.put("bands", List.of(Map.of("floorFen", 0, "rateBasisPoints", 100)));
		body.put("overrides", List.of());
		body.put("couponTemplateId", 1);
		body.putAll(Map.of("teamSize", 2, "timeLimitMinutes", 60, "teamPriceFen", 100, "allowFewer", false, "flashPriceFen", 100,
				"startsAt", java.time.Instant.now(clock).plusSeconds(3600).toString(), "earlyAccessMinutes", 0));
		body.put("totalQuantity", 10);
		body.put("referrerId", id("leaders"));
		body.put("phones", "13800000000");
		if (path.startsWith("/api/admin/orders")) {
			body.put("reason", "QUALITY"); // a staff refund's reason is one of StaffRefundReason
			body.put("quantity", 1);
		}
		if (path.startsWith("/api/listings")) {
			body.remove("opensAt"); // a listing's opensAt is an instant, a pickup point's a time of day
			body.remove("closesAt");
		}
		return body;
	}

	/** Bodies of the changes without a path variable that name a thing of region 1. */
	static final Map<String, java.util.function.Function<RegionScopingTests, Map<String, Object>>> CREATES = creates();

	static Map<String, java.util.function.Function<RegionScopingTests, Map<String, Object>>> creates() {
		Map<String, java.util.function.Function<RegionScopingTests, Map<String, Object>>> m = new HashMap<>();
		m.put("POST /api/admin/logistics/vehicles", t -> Map.of("gridWarehouseId", t.id("gridWarehouseId"), "plate",
				"外A" + NetworkFixtures.unique(), "name", "外区货车", "ambientCrates", 10, "chilledCrates", 0, "frozenCrates", 0,
				"maxKg", 800, "costPerKmFen", 150, "costPerHourFen", 3000, "fixedCostFen", 8000));
		m.put("POST /api/admin/logistics/drivers", t -> Map.of("regionId", t.id("regionId"), "phone", Api.newPhone(), "name",
				"外区司机", "password", "driver123"));
		m.put("POST /api/network/warehouses", t -> Map.of("regionId", t.id("regionId"), "kind", "GRID", "name",
				"外区仓" + NetworkFixtures.unique(), "address", "物流园1号", "latitude", 30.5, "longitude", 114.3));
		m.put("POST /api/network/communities", t -> Map.of("regionId", t.id("regionId"), "name",
				"外区小区" + NetworkFixtures.unique(), "district", "洪山区", "address", "珞喻路1号", "latitude", 30.52,
				"longitude", 114.35, "households", 100));
		m.put("POST /api/network/pickup-points", t -> NetworkFixtures.pickupPointBody(t.id("communities"),
				t.id("gridWarehouseId"), 30.52, 114.35));
		m.put("POST /api/admin/leaders/training/courses", t -> Map.of("regionId", t.id("regionId"), "title", "外区课程",
				"category", "PLATFORM", "body", "正文", "passMark", 60, "questions",
				List.of(Map.of("text", "题目", "options", List.of("甲", "乙"), "correct", List.of(0)))));
		m.put("PUT /api/admin/leaders/training/gate", t -> Map.of("enabled", true));
		m.put("POST /api/network/regions", t -> Map.of("name", "外区新城" + NetworkFixtures.unique(), "code",
				"W" + NetworkFixtures.unique(), "zone", "Asia/Shanghai"));
		m.put("POST /api/admin/marketing/price-quotes", t -> Map.of("residentId", t.id("regionOneResident"), "items",
				List.of(Map.of("listingId", t.id("listings"), "quantity", 1))));
		m.put("POST /api/admin/withdrawals/approvals", t -> Map.of("ids", List.of(t.id("withdrawals"))));
		m.put("POST /api/admin/leaders/contests", t -> Map.of("regionId", t.id("regionId"), "month",
				java.time.YearMonth.now(t.clock).plusMonths(1).toString(), "metric", "SALES", "title", "外区评比", "winners", 1));
		m.put("POST /api/leaders", t -> Map.of("phone", Api.newPhone(), "name", "外区团长", "password", "leader123",
				"pickupPointId", t.id("pickupPointId")));
		m.put("POST /api/listings", t -> {
			var now = com.linli.TestClock.now();
			return Map.of("regionId", t.id("regionId"), "skuId", t.id("skuId"), "groupPriceFen", 990, "stockCap", 10,
					"perResidentLimit", 1, "opensAt", now.toString(), "cutoffAt", now.plusSeconds(3600).toString(),
					"pickupDate", t.ids.get("date"));
		});
		m.put("POST /api/admin/marketing/campaigns", t -> Map.of("regionId", t.id("regionId"), "name", "外区活动", "festival",
				"OTHER", "startsOn", LocalDate.now(t.clock).toString(), "budgetFen", 100));
		m.put("POST /api/admin/marketing/reductions", t -> Map.of("regionId", t.id("regionId"), "name", "外区满减", "endsAt",
				java.time.Instant.now(t.clock).plusSeconds(3600).toString(), "tiers", List.of(Map.of("thresholdFen", 3900,
						"amountFen", 500))));
		m.put("POST /api/admin/marketing/listing-discounts", t -> Map.of("listingId", t.id("listingId"), "priceFen", 100));
		m.put("POST /api/admin/marketing/offers", t -> Map.of("listingId", t.id("listingId"), "kind", "ONE_YUAN", "priceFen", 100));
		m.put("POST /api/admin/marketing/gifts", t -> Map.of("regionId", t.id("regionId"), "thresholdFen", 100, "giftName",
				"外区赠品", "endsAt", java.time.Instant.now(t.clock).plusSeconds(3600).toString()));
		m.put("POST /api/admin/marketing/closed-days", t -> Map.of("regionId", t.id("regionId"), "day", t.ids.get("date"),
				"reason", "外区休市"));
		m.put("POST /api/cutoff-runs", t -> Map.of("regionId", t.id("regionId"), "pickupDate", t.ids.get("date")));
		m.put("POST /api/admin/logistics/plans", t -> Map.of("runId", t.id("cutoffRunId"), "gridWarehouseId",
				t.id("gridWarehouseId")));
		m.put("POST /api/inventory/transfers", t -> Map.of("fromWarehouseId", t.id("warehouseId"), "toWarehouseId",
				t.id("gridWarehouseId"), "skuId", t.id("skuId"), "quantity", 1, "reference", "XFER-W"));
		m.put("POST /api/inventory/damages", t -> Map.of("warehouseId", t.id("warehouseId"), "skuId", t.id("skuId"),
				"quantity", 1, "reason", "DAMAGED", "reference", "DMG-W"));
		m.put("POST /api/inventory/returns", t -> Map.of("warehouseId", t.id("warehouseId"), "skuId", t.id("skuId"),
				"quantity", 1, "reason", "RETURNED", "reference", "RET-W"));
		m.put("POST /api/inventory/stocktakes", t -> Map.of("warehouseId", t.id("warehouseId")));
		m.put("PUT /api/forecasts/demand", t -> Map.of("regionId", t.id("regionId"), "skuId", t.id("skuId"), "date",
				LocalDate.now(t.clock).minusDays(2).toString(), "units", 3));
		m.put("POST /api/forecasts/runs", t -> Map.of());
		// issue 16 facts: region 1's aggregates rebuilt by region 2's operator
		m.put("POST /api/analytics/rebuild", t -> Map.of("regionId", t.id("regionId"), "from", t.ids.get("date"), "to",
				t.ids.get("date")));
		m.put("POST /api/risk/evaluations", t -> Map.of()); // issue 16: ?regionId= of region 1 is added
		m.put("POST /api/aftersales/complaints", t -> Map.of("subject", "PRODUCT", "orderId", t.id("orders"), "text",
				"外区投诉"));
		m.put("POST /api/admin/accounts", t -> Map.of("phone", Api.newPhone(), "displayName", "外区", "password",
				"secret123", "roles", new String[] { "OPERATOR" }, "regionIds", new long[] { t.id("regionId") }));
		m.put("POST /api/leader/pickups", t -> Map.of("pickupCode", t.ids.get("pickupCode")));
		m.put("POST /api/admin/marketing/points-shop/items", t -> Map.of("regionId", t.id("regionId"), "name", "外区积分券",
				"couponTemplateId", 1, "pointsPrice", 10, "stock", 1));
		m.put("PUT /api/admin/marketing/member-prices", t -> Map.of("listingId", t.id("listingId"), "minRank", 0,
				"priceFen", 100));
		m.put("POST /api/admin/aftersales/quality-alerts/checks", t -> Map.of("regionId", t.id("regionId"), "day",
				t.ids.get("date")));
		m.put("POST /api/pricing/competitor-prices", t -> Map.of("regionId", t.id("regionId"), "skuId", t.id("skuId"),
				"competitor", "外区竞品", "priceFen", 1500, "observedOn", LocalDate.now(t.clock).toString()));
		m.put("POST /api/admin/marketing/coupon-templates", t -> Map.of("name", "外区券", "kind", "FIXED", "amountFen", 300,
				"scope", "ALL", "regionIds", List.of(t.id("regionId")), "validDays", 7, "perResidentLimit", 1,
				"totalQuantity", 10));
		m.put("POST /api/analytics/alert-rules", t -> Map.of("regionId", t.id("regionId"), "metricKey",
				"leaders.pickup-point-orders", "periodKind", "WEEK", "condition", "BELOW", "threshold", 1, "name", "外区规则"));
		// a VMI proposal of region 1's SKU for its central warehouse: another supplier (not VMI) and staff are refused
		m.put("POST /api/supplier/vmi-proposals", t -> Map.of("skuId", t.id("skuId"), "warehouseId", t.id("warehouseId"),
				"units", 1, "deliveryDate", LocalDate.now(t.clock).plusDays(2).toString()));
		return m;
	}

	private long id(String key) {
		return Long.parseLong(ids.get(key));
	}

	private Api.Response call(String method, String path, Object body) {
		return switch (method) {
			case "get" -> caller.get(path, Map.of("Accept", "image/png, application/json, application/problem+json, */*"));
			case "post" -> caller.post(path, body, Map.of("Idempotency-Key", "walk-" + NetworkFixtures.unique()));
			case "put" -> caller.put(path, body);
			case "patch" -> caller.patch(path, body);
			default -> caller.delete(path);
		};
	}

	private static String abbreviated(Api.Response response) {
		String text = response.text();
		return text.length() > 160 ? text.substring(0, 160) + "…" : text;
	}
}
