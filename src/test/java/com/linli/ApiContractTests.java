package com.linli;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The API as a client sees it: OpenAPI describes every endpoint, and every operation that changes
 * data refuses a caller who has not signed in (401, as a problem detail).
 */
@IntegrationTest
class ApiContractTests {

	/** Operations that must work before signing in: sign-in, registration, the payment provider's callback, leader applications. */
	static final Set<String> PUBLIC_CHANGES = Set.of("POST /api/auth/token", "POST /api/auth/register",
			"POST /api/payments/notify/{provider}",
			// recruitment: a would-be leader applies (proved by an SMS code) and answers by number and phone
			"POST /api/leader-applications", "POST /api/leader-applications/phone-codes",
			"POST /api/leader-applications/{applicationNo}/answer");

	@LocalServerPort
	int port;

	@Test
	void openApiDescribesTheEndpointsOfEveryModule() {
		var docs = Api.at(port).get("/v3/api-docs");
		assertThat(docs.status()).isEqualTo(200);
		var paths = docs.json().get("paths");
		List<String> names = new ArrayList<>();
		paths.propertyNames().forEach(names::add);
		assertThat(names).contains("/api/auth/token", "/api/admin/accounts", "/api/network/regions",
				"/api/network/pickup-points", "/api/me/pickup-point", "/api/leaders", "/api/catalog/products",
				"/api/suppliers", "/api/listings", "/api/storefront/listings", "/api/orders", "/api/cart",
				"/api/messages");
	}

	@Test
	void everyOperationThatChangesDataRefusesAnAnonymousCaller() {
		var anonymous = Api.at(port);
		var paths = anonymous.get("/v3/api-docs").json().get("paths");
		List<String> checked = new ArrayList<>();
		List<String> open = new ArrayList<>();
		for (String path : paths.propertyNames()) {
			var operations = paths.get(path);
			for (String method : List.of("post", "put", "patch", "delete")) {
				if (!operations.has(method) || PUBLIC_CHANGES.contains(method.toUpperCase() + " " + path)) {
					continue;
				}
				String concrete = path.replaceAll("\\{[^}]+}", "1");
				var response = switch (method) {
					case "post" -> anonymous.post(concrete, "{}");
					case "put" -> anonymous.put(concrete, "{}");
					case "patch" -> anonymous.patch(concrete, "{}");
					default -> anonymous.delete(concrete);
				};
				checked.add(method + " " + path);
				if (response.status() != 401) {
					open.add(method.toUpperCase() + " " + path + " -> " + response.status());
				}
			}
		}
		assertThat(checked).hasSizeGreaterThan(30);
		assertThat(open).as("changing operations reachable without signing in").isEmpty();
	}
}
