package com.linli.supply;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.linli.Deadline;
import com.linli.Api;
import com.linli.catalog.Sku;
import com.linli.network.NetworkFixtures;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/** Suppliers with terms, licences and SKUs, their portal logins, and waiting for a run's purchase orders. */
public final class SupplyFixtures {

	private final Api staff;

	private final int port;

	public SupplyFixtures(Api staff, int port) {
		this.staff = staff;
		this.port = port;
	}

	public long supplier(String name, String tier, LocalDate licenceUntil) {
		var body = new HashMap<String, Object>();
		body.put("name", name + NetworkFixtures.unique());
		body.put("contactName", "王经理");
		body.put("contactPhone", "0532-88886666");
		body.put("address", "山东省青岛市城阳区果品批发市场 12 号");
		var created = staff.post("/api/suppliers", body);
		assertThat(created.status()).as(created.toString()).isEqualTo(201);
		long id = created.id();
		var terms = staff.put("/api/suppliers/" + id + "/terms", Map.of("tier", tier, "paymentPeriod", "WEEKLY"));
		assertThat(terms.status()).as(terms.toString()).isEqualTo(200);
		var licence = staff.post("/api/suppliers/" + id + "/qualifications", Map.of("kind", "食品经营许可证", "licenceNo",
				"JY1" + NetworkFixtures.unique(), "validFrom", licenceUntil.minusYears(3).toString(), "validUntil",
				licenceUntil.toString()));
		assertThat(licence.status()).as(licence.toString()).isEqualTo(201);
		return id;
	}

	public void offer(long supplierId, Sku sku, long priceFen, int moq) {
		var r = staff.put("/api/suppliers/" + supplierId + "/skus/" + sku.id().value(),
				Map.of("priceFen", priceFen, "leadTimeDays", 1, "moq", moq));
		assertThat(r.status()).as(r.toString()).isEqualTo(200);
	}

	/** A SUPPLIER login for the supplier, signed in. */
	public Api login(long supplierId) {
		String phone = Api.newPhone();
		var r = staff.post("/api/suppliers/" + supplierId + "/accounts",
				Map.of("phone", phone, "displayName", "供应商" + phone.substring(7), "password", "supplier123"));
		assertThat(r.status()).as(r.toString()).isEqualTo(201);
		return Api.at(port).as(phone, "supplier123");
	}

	/** The purchase orders drafted for a run (drafting follows the cutoff asynchronously). */
	public List<JsonNode> awaitPurchaseOrders(long runId, int expected) {
		Deadline deadline = Deadline.inMillis(20_000);
		while (true) {
			var page = staff.get("/api/purchase-orders?cutoffRunId=" + runId).json();
			List<JsonNode> items = new java.util.ArrayList<>();
			page.get("items").forEach(items::add);
			if (items.size() >= expected || deadline.passed()) {
				return items;
			}
			try {
				Thread.sleep(100);
			}
			catch (InterruptedException e) {
				Thread.currentThread().interrupt();
				return items;
			}
		}
	}

	public static JsonNode line(JsonNode po, Sku sku) {
		for (JsonNode l : po.get("lines")) {
			if (l.get("skuId").asLong() == sku.id().value()) {
				return l;
			}
		}
		throw new IllegalStateException("no line for " + sku.id() + " in " + po);
	}
}
