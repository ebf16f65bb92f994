package com.linli.supply;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import com.linli.Api;
import com.linli.IntegrationTest;
import com.linli.shared.SupplierDirectory;
import com.linli.shared.SupplierId;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/** Suppliers through the REST API: operators manage them, SUPPLIER accounts see their own company. */
@IntegrationTest
class SupplyIntegrationTests {

	static final AtomicInteger SEQUENCE = new AtomicInteger();

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	SupplierDirectory directory;

	Api api() {
		return Api.at(port);
	}

	static String unique(String name) {
		return name + System.nanoTime() % 1_000_000 + "-" + SEQUENCE.incrementAndGet();
	}

	static Map<String, Object> supplier(String name) {
		var body = new HashMap<String, Object>();
		body.put("name", name);
		body.put("contactName", "王经理");
		body.put("contactPhone", "0532-88886666");
		body.put("address", "山东省青岛市城阳区果品批发市场 12 号");
		return body;
	}

	JsonNode create(Api staff, String name) {
		var r = staff.post("/api/suppliers", supplier(name));
		assertThat(r.status()).as(r.toString()).isEqualTo(201);
		return r.json();
	}

	long suppliers() {
		return jdbc.sql("select count(*) from supply.supplier").query(Long.class).single();
	}

	@Test
	void anOperatorRegistersAndEditsASupplier() {
		var operator = api().newAccount("OPERATOR");
		String name = unique("青岛鲜果供应链");
		var created = create(operator, name);
		long id = created.get("id").asLong();
		assertThat(created.get("active").asBoolean()).isTrue();
		assertThat(created.get("contactPhone").asText()).isEqualTo("0532-88886666");

		var changes = supplier(name + "有限公司");
		changes.put("contactPhone", "13912345678");
		changes.put("active", false);
		var updated = operator.put("/api/suppliers/" + id, changes);
		assertThat(updated.status()).isEqualTo(200);
		assertThat(updated.json().get("name").asText()).isEqualTo(name + "有限公司");
		assertThat(updated.json().get("active").asBoolean()).isFalse();

		var found = operator.get("/api/suppliers?q=" + java.net.URLEncoder.encode(name, java.nio.charset.StandardCharsets.UTF_8)
				+ "&active=false").json();
		assertThat(found.get("total").asLong()).isEqualTo(1);
		assertThat(found.get("items").get(0).get("id").asLong()).isEqualTo(id);

		long audited = jdbc.sql("select count(*) from identity.audit_log where target = ? and action like 'supplier.%'")
			.param("supplier:" + id).query(Long.class).single();
		assertThat(audited).isEqualTo(3); // create, update, deactivate
	}

	@Test
	void badInputNamesTheFieldAndADuplicateNameIsAConflict() {
		var admin = api().asAdmin();
		String name = unique("寿光蔬菜基地");
		create(admin, name);
		long before = suppliers();

		var bad = supplier(" ");
		bad.put("contactPhone", "12345");
		bad.put("address", "");
		var response = admin.post("/api/suppliers", bad);
		assertThat(response.status()).isEqualTo(400);
		assertThat(response.errorFields()).containsExactlyInAnyOrder("name", "contactPhone", "address");

		var twin = admin.post("/api/suppliers", supplier(name.toUpperCase()));
		assertThat(twin.status()).isEqualTo(409);
		assertThat(twin.errorFields()).containsExactly("name");
		assertThat(suppliers()).isEqualTo(before);
		assertThat(admin.get("/api/suppliers/987654321").status()).isEqualTo(404);
	}

	@Test
	void aSupplierAccountSeesOnlyItsOwnCompany() {
		var admin = api().asAdmin();
		var supplier = create(admin, unique("烟台苹果合作社"));
		long id = supplier.get("id").asLong();
		String phone = Api.newPhone();

		var opened = admin.post("/api/suppliers/" + id + "/accounts",
				Map.of("phone", phone, "displayName", "刘社长", "password", "secret123"));
		assertThat(opened.status()).as(opened.toString()).isEqualTo(201);
		assertThat(opened.json().get("roles").get(0).asText()).isEqualTo("SUPPLIER");
		assertThat(admin.get("/api/suppliers/" + id + "/accounts").json()).hasSize(1);

		var account = api().as(phone, "secret123");
		var mine = account.get("/api/suppliers/mine");
		assertThat(mine.status()).isEqualTo(200);
		assertThat(mine.json().get("id").asLong()).isEqualTo(id);
		assertThat(account.get("/api/suppliers/" + id).status()).as("no access to the supplier list").isEqualTo(403);
		assertThat(admin.get("/api/suppliers/mine").status()).isEqualTo(403);

		// one account works for one supplier
		var other = create(admin, unique("莱阳梨园"));
		var elsewhere = admin.put("/api/suppliers/" + other.get("id").asLong() + "/accounts/" + opened.id(), Map.of());
		assertThat(elsewhere.status()).isEqualTo(409);
		assertThat(elsewhere.json().get("code").asText()).isEqualTo("account-linked-elsewhere");

		// only SUPPLIER accounts may be linked
		long residentId = api().newResident().get("/api/me").id();
		var resident = admin.put("/api/suppliers/" + id + "/accounts/" + residentId, Map.of());
		assertThat(resident.status()).isEqualTo(409);
		assertThat(resident.errorFields()).containsExactly("accountId");

		var samePhone = admin.post("/api/suppliers/" + id + "/accounts",
				Map.of("phone", phone, "displayName", "刘社长", "password", "secret123"));
		assertThat(samePhone.status()).isEqualTo(409);
		assertThat(samePhone.errorFields()).containsExactly("phone");

		assertThat(admin.delete("/api/suppliers/" + id + "/accounts/" + opened.id()).json()).isEmpty();
		assertThat(account.get("/api/suppliers/mine").status()).isEqualTo(404);
	}

	@Test
	void theDirectoryOffersActiveSuppliersAndStillFindsInactiveOnes() {
		var admin = api().asAdmin();
		var active = create(admin, unique("周口面粉厂"));
		var paused = create(admin, unique("临沂调味品"));
		var off = supplier(paused.get("name").asText());
		off.put("active", false);
		admin.put("/api/suppliers/" + paused.get("id").asLong(), off);

		List<Long> offered = new ArrayList<>();
		directory.all().forEach(e -> offered.add(e.id().value()));
		assertThat(offered).contains(active.get("id").asLong()).doesNotContain(paused.get("id").asLong());
		assertThat(directory.find(new SupplierId(paused.get("id").asLong()))).isPresent();
		assertThat(directory.find(new SupplierId(987654321))).isEmpty();
	}

	@Test
	void onlyOperatorsAndAdminsManageSuppliers() {
		var admin = api().asAdmin();
		long id = create(admin, unique("沂蒙山鸡蛋")).get("id").asLong();
		long supplierAccount = admin.post("/api/suppliers/" + id + "/accounts",
				Map.of("phone", Api.newPhone(), "displayName", "张", "password", "secret123")).id();
		long before = suppliers();
		var login = Map.of("phone", Api.newPhone(), "displayName", "李", "password", "secret123");

		for (Api caller : List.of(api().anonymous(), api().newResident(), api().newAccount("SUPPLIER"),
				api().newAccount("WAREHOUSE_STAFF"))) {
			int expected = caller.token() == null ? 401 : 403;
			assertThat(caller.get("/api/suppliers").status()).isEqualTo(expected);
			assertThat(caller.post("/api/suppliers", supplier(unique("某供应商"))).status()).isEqualTo(expected);
			assertThat(caller.put("/api/suppliers/" + id, supplier(unique("某供应商"))).status()).isEqualTo(expected);
			assertThat(caller.post("/api/suppliers/" + id + "/accounts", login).status()).isEqualTo(expected);
			assertThat(caller.put("/api/suppliers/" + id + "/accounts/" + supplierAccount, Map.of()).status())
				.isEqualTo(expected);
			assertThat(caller.delete("/api/suppliers/" + id + "/accounts/" + supplierAccount).status())
				.isEqualTo(expected);
		}
		assertThat(suppliers()).isEqualTo(before);
		assertThat(admin.get("/api/suppliers/" + id + "/accounts").json()).hasSize(1);
	}

	@Test
	void aProductMayNameASupplierAsItsDefault() {
		var admin = api().asAdmin();
		long supplierId = create(admin, unique("赣州脐橙")).get("id").asLong();
		var category = admin.post("/api/catalog/categories", Map.of("name", unique("柑橘"), "sortOrder", 0));
		var product = new HashMap<String, Object>();
		product.put("categoryId", category.id());
		product.put("name", "赣南脐橙");
		product.put("supplierId", supplierId);
		product.put("skus", List.of(Map.of("spec", "5斤/箱", "unit", "箱", "storage", "AMBIENT", "shelfLifeDays", 30,
				"weightGrams", 2500)));
		var created = admin.post("/api/catalog/products", product);
		assertThat(created.status()).as(created.toString()).isEqualTo(201);
		assertThat(created.json().get("supplierId").asLong()).isEqualTo(supplierId);
	}
}
