package com.linli.identity;

import java.util.Map;

import com.linli.Api;
import com.linli.IntegrationTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

@IntegrationTest
class IdentityIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	AccountManagement accounts;

	Api api() {
		return Api.at(port);
	}

	@Test
	void residentRegistersSignsInAndSeesOnlyTheirAccount() {
		String phone = Api.newPhone();
		var registered = api().post("/api/auth/register",
				Map.of("phone", phone, "displayName", "王阿姨", "password", "secret123"));
		assertThat(registered.status()).isEqualTo(201);
		assertThat(registered.json().get("roles").get(0).asText()).isEqualTo("RESIDENT");

		var me = api().as(phone, "secret123").get("/api/me");
		assertThat(me.status()).isEqualTo(200);
		assertThat(me.json().get("displayName").asText()).isEqualTo("王阿姨");

		String hash = jdbc.sql("select password_hash from identity.account where phone = ?").param(phone)
			.query(String.class).single();
		assertThat(hash).startsWith("{bcrypt}").doesNotContain("secret123");
	}

	@Test
	void registeringTwiceWithOnePhoneIsRefused() {
		String phone = Api.newPhone();
		var body = Map.of("phone", phone, "displayName", "李叔", "password", "secret123");
		assertThat(api().post("/api/auth/register", body).status()).isEqualTo(201);
		var again = api().post("/api/auth/register", body);
		assertThat(again.status()).isEqualTo(409);
		assertThat(again.errorFields()).containsExactly("phone");
	}

	@Test
	void badRegistrationNamesTheFieldAndCreatesNothing() {
		long before = jdbc.sql("select count(*) from identity.account").query(Long.class).single();
		var response = api().post("/api/auth/register",
				Map.of("phone", "12345", "displayName", "", "password", "123"));
		assertThat(response.status()).isEqualTo(400);
		assertThat(response.contentType()).contains("application/problem+json");
		assertThat(response.errorFields()).contains("phone", "displayName", "password");
		assertThat(jdbc.sql("select count(*) from identity.account").query(Long.class).single()).isEqualTo(before);
	}

	@Test
	void wrongPasswordIsAClearErrorAndRepeatedFailuresDelayFurtherAttempts() {
		var resident = api().newResident();
		String phone = resident.get("/api/me").json().get("phone").asText();

		var wrong = api().post("/api/auth/token", Map.of("phone", phone, "password", "wrong-one"));
		assertThat(wrong.status()).isEqualTo(401);
		assertThat(wrong.json().get("code").asText()).isEqualTo("bad-credentials");

		for (int i = 0; i < 4; i++) {
			api().post("/api/auth/token", Map.of("phone", phone, "password", "wrong-one"));
		}
		var delayed = api().post("/api/auth/token", Map.of("phone", phone, "password", "secret123"));
		assertThat(delayed.status()).isEqualTo(429);
		assertThat(delayed.json().get("code").asText()).isEqualTo("sign-in-throttled");
		// the resident signed in before keeps their token
		assertThat(resident.get("/api/me").status()).isEqualTo(200);

		long audited = jdbc.sql("select count(*) from identity.audit_log where action = 'sign-in.failed' and actor = ?")
			.param(phone).query(Long.class).single();
		assertThat(audited).isEqualTo(5);
	}

	@Test
	void anonymousCallersGet401AndResidentsGet403OnAdminEndpoints() {
		var body = Map.of("phone", Api.newPhone(), "displayName", "x", "password", "secret123", "roles",
				new String[] { "OPERATOR" });
		var anonymous = api().post("/api/admin/accounts", body);
		assertThat(anonymous.status()).isEqualTo(401);
		assertThat(anonymous.contentType()).contains("application/problem+json");

		var resident = api().newResident().post("/api/admin/accounts", body);
		assertThat(resident.status()).isEqualTo(403);
	}

	@Test
	void adminOpensAnOperatorForRegionsAndTheChangeIsAudited() {
		String phone = Api.newPhone();
		var created = api().asAdmin().post("/api/admin/accounts", Map.of("phone", phone, "displayName", "运营小张",
				"password", "secret123", "roles", new String[] { "OPERATOR" }, "regionIds", new long[] { 1, 2 }));
		assertThat(created.status()).isEqualTo(201);
		assertThat(created.json().get("regionIds")).hasSize(2);

		var updated = api().asAdmin().put("/api/admin/accounts/" + created.id(), Map.of("displayName", "运营小张",
				"roles", new String[] { "OPERATOR" }, "regionIds", new long[] { 2 }, "enabled", true));
		assertThat(updated.status()).isEqualTo(200);
		assertThat(updated.json().get("regionIds")).hasSize(1);

		long audited = jdbc.sql("select count(*) from identity.audit_log where action = 'account.update' and target = ?")
			.param("account:" + created.id()).query(Long.class).single();
		assertThat(audited).isEqualTo(1);
	}

	@Test
	void anAuditedChangeNamesWhoMadeItFromTheChangeItself() {
		var resident = api().newResident().get("/api/me").json();
		long id = resident.get("id").asLong();
		long adminId = jdbc.sql("select id from identity.account where phone = ?").param(Api.ADMIN_PHONE)
			.query(Long.class).single();

		var updated = api().asAdmin().put("/api/admin/accounts/" + id, Map.of("displayName", "张大姐",
				"roles", new String[] { "RESIDENT" }, "enabled", true));
		assertThat(updated.status()).isEqualTo(200);
		assertThat(actorOf("account.update", "account:" + id)).containsExactly(adminId + " " + Api.ADMIN_PHONE);

		accounts.update(new AccountId(id), "张大姐", java.util.Set.of(Role.RESIDENT), java.util.Set.of(), true,
				Actor.system("test"));
		assertThat(actorOf("account.update", "account:" + id)).containsExactly("null system",
				adminId + " " + Api.ADMIN_PHONE);

		// catalog records who acted through an ActedBy parameter, resolved like an Actor
		var category = api().asAdmin().post("/api/catalog/categories", Map.of("name", "审计" + id, "sortOrder", 1));
		assertThat(category.status()).isEqualTo(201);
		assertThat(actorOf("category.create", "category:" + category.id())).containsExactly(adminId + " " + Api.ADMIN_PHONE);
	}

	/** "actorId actor" of the entries for the action and target, newest first. */
	private java.util.List<String> actorOf(String action, String target) {
		return jdbc.sql("select actor_id, actor from identity.audit_log where action = ? and target = ? order by id desc")
			.params(action, target).query((rs, n) -> rs.getObject(1) + " " + rs.getString(2)).list();
	}

	@Test
	void aDisabledAccountIsRefusedAtOnceEvenWithATokenInUse() {
		var resident = api().newResident();
		var me = resident.get("/api/me").json();
		assertThat(me.get("displayName").isMissingNode()).isFalse();
		var disabled = api().asAdmin().put("/api/admin/accounts/" + me.get("id").asLong(), Map.of("displayName",
				me.get("displayName").asText(), "roles", new String[] { "RESIDENT" }, "enabled", false));
		assertThat(disabled.status()).isEqualTo(200);
		assertThat(resident.get("/api/me").status()).isEqualTo(401);
	}

	@Test
	void aRevokedTokenNoLongerWorks() {
		var resident = api().newResident();
		assertThat(resident.get("/api/me").status()).isEqualTo(200);
		assertThat(resident.post("/api/auth/logout", Map.of()).status()).isEqualTo(204);
		assertThat(resident.get("/api/me").status()).isEqualTo(401);
		// the filter may keep a resolved token for a few seconds; a fresh lookup must fail
		var token = resident.token();
		long rows = jdbc.sql("select count(*) from identity.api_token where token_hash = encode(sha256(convert_to(?, 'UTF8')), 'hex')")
			.param(token).query(Long.class).single();
		assertThat(rows).isZero();
	}
}
