package com.linli.identity;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.linli.Api;
import com.linli.IntegrationTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/** Issue 9: sessions end with the account's rights, sign-in throttling, passwords, limits on input. */
@IntegrationTest
class SecurityHardeningIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Clock clock;

	Api api() {
		return Api.at(port);
	}

	/** Failures counted against this test machine's address must not slow down the tests that follow. */
	@AfterEach
	void forgetAddressFailures() {
		jdbc.sql("delete from identity.sign_in_throttle where key like 'ip:%'").update();
	}

	record Staff(long id, String phone) {
	}

	Staff staff(String... roles) {
		String phone = Api.newPhone();
		var created = api().asAdmin().post("/api/admin/accounts", Map.of("phone", phone, "displayName",
				"员工" + phone.substring(7), "password", "secret123", "roles", roles));
		assertThat(created.status()).as(created.toString()).isEqualTo(201);
		return new Staff(created.id(), phone);
	}

	// --- point 2: changes of roles, enabled state or password end sessions and tokens

	@Test
	void anOperatorDisabledWhileSignedInIsThrownOutOfTheConsoleAndLosesTheirToken() {
		var operator = staff("OPERATOR");
		var console = PageClient.signIn(port, operator.phone(), "secret123");
		var token = api().as(operator.phone(), "secret123");
		assertThat(console.get("/console/orders").status()).isEqualTo(200);

		var disabled = api().asAdmin().put("/api/admin/accounts/" + operator.id(), Map.of("displayName", "员工",
				"roles", new String[] { "RESIDENT" }, "enabled", false));
		assertThat(disabled.status()).isEqualTo(200);

		var after = console.get("/console/orders");
		assertThat(after.uri().getPath()).isEqualTo("/login");
		assertThat(after.body()).doesNotContain("table class=\"list\"");
		assertThat(token.get("/api/me").status()).isEqualTo(401);
	}

	@Test
	void removingARoleEndsTheSessionEvenWhenTheAccountStaysEnabled() {
		var operator = staff("OPERATOR", "RESIDENT");
		var console = PageClient.signIn(port, operator.phone(), "secret123");
		assertThat(console.get("/console/orders").status()).isEqualTo(200);

		api().asAdmin().put("/api/admin/accounts/" + operator.id(), Map.of("displayName", "员工",
				"roles", new String[] { "RESIDENT" }, "enabled", true));

		assertThat(console.get("/console/orders").uri().getPath()).isEqualTo("/login");
	}

	@Test
	void aPasswordResetByTheAdminEndsTheAccountsSessionsAndTokens() {
		var operator = staff("OPERATOR");
		var console = PageClient.signIn(port, operator.phone(), "secret123");
		var token = api().as(operator.phone(), "secret123");
		assertThat(console.get("/console/orders").status()).isEqualTo(200);

		var admin = PageClient.signIn(port, Api.ADMIN_PHONE, Api.ADMIN_PASSWORD);
		var saved = admin.post("/console/accounts/" + operator.id(), "/console/accounts/" + operator.id(),
				Map.of("phone", operator.phone(), "displayName", "员工", "password", "another-secret-7",
						"roles", "OPERATOR", "enabled", "true"));
		assertThat(saved.uri().getPath()).isEqualTo("/console/accounts");

		assertThat(console.get("/console/orders").uri().getPath()).isEqualTo("/login");
		assertThat(token.get("/api/me").status()).isEqualTo(401);
		assertThat(api().as(operator.phone(), "another-secret-7").get("/api/me").status()).isEqualTo(200);
	}

	@Test
	void changingOnesOwnPasswordEndsTheOtherSessionsAndTokens() {
		var resident = api().newResident();
		String phone = resident.get("/api/me").json().get("phone").asText();
		var shop = PageClient.signIn(port, phone, "secret123");
		assertThat(shop.get("/shop").status()).isEqualTo(200);

		var wrongCurrent = resident.post("/api/me/password", Map.of("currentPassword", "not-mine-1",
				"newPassword", "brand-new-secret"));
		assertThat(wrongCurrent.status()).isEqualTo(400);
		assertThat(wrongCurrent.errorFields()).containsExactly("currentPassword");

		var changed = resident.post("/api/me/password", Map.of("currentPassword", "secret123",
				"newPassword", "brand-new-secret"));
		assertThat(changed.status()).as(changed.toString()).isEqualTo(204);

		assertThat(shop.get("/shop").uri().getPath()).isEqualTo("/login");
		assertThat(resident.get("/api/me").status()).isEqualTo(401);
		assertThat(api().as(phone, "brand-new-secret").get("/api/me").status()).isEqualTo(200);
	}

	// --- point 3: throttling instead of a lock anyone can set off

	@Test
	void wrongPasswordsDelayFurtherAttemptsButNeverEndTheAccountsSessions() throws Exception {
		var resident = api().newResident();
		String phone = resident.get("/api/me").json().get("phone").asText();
		for (int i = 0; i < 5; i++) {
			var wrong = signIn(phone, "wrong-one");
			assertThat(wrong.status()).isEqualTo(401);
			assertThat(wrong.json().get("code").asText()).isEqualTo("bad-credentials");
		}

		var refused = signIn(phone, "secret123");
		assertThat(refused.status()).as(refused.toString()).isEqualTo(429);
		assertThat(refused.contentType()).contains("application/problem+json");
		assertThat(refused.json().get("code").asText()).isEqualTo("sign-in-throttled");
		long retryAfter = refused.json().get("retryAfterSeconds").asLong();
		assertThat(retryAfter).isBetween(1L, 2L);

		// someone else's wrong passwords take nothing from the resident who is signed in
		assertThat(resident.get("/api/me").status()).isEqualTo(200);

		Thread.sleep(retryAfter * 1000 + 200);
		assertThat(signIn(phone, "secret123").status()).isEqualTo(200);

		long audited = jdbc.sql("select count(*) from identity.audit_log where action = 'sign-in.failed' and actor = ?")
			.param(phone).query(Long.class).single();
		assertThat(audited).isEqualTo(5);
	}

	@Test
	void theDelayDoublesWithEachFurtherFailure() throws Exception {
		String phone = api().newResident().get("/api/me").json().get("phone").asText();
		for (int i = 0; i < 5; i++) {
			signIn(phone, "wrong-one");
		}
		Thread.sleep(signIn(phone, "wrong-one").json().get("retryAfterSeconds").asLong() * 1000 + 200);
		assertThat(signIn(phone, "wrong-one").status()).isEqualTo(401);
		var refused = signIn(phone, "secret123");
		assertThat(refused.status()).isEqualTo(429);
		assertThat(refused.json().get("retryAfterSeconds").asLong()).isBetween(2L, 3L);
	}

	@Test
	void anUnknownPhoneIsAnsweredExactlyLikeAWrongPassword() {
		String known = api().newResident().get("/api/me").json().get("phone").asText();
		String unknown = Api.newPhone();
		for (int i = 0; i < 6; i++) {
			var k = signIn(known, "wrong-one");
			var u = signIn(unknown, "wrong-one");
			assertThat(u.status()).as("attempt " + (i + 1)).isEqualTo(k.status());
			assertThat(u.json().get("code").asText()).isEqualTo(k.json().get("code").asText());
			assertThat(u.json().get("detail").asText()).isEqualTo(k.json().get("detail").asText());
		}
	}

	@Test
	void aDisabledAccountWithAWrongPasswordIsAnsweredLikeAnyWrongPassword() {
		var staff = staff("WAREHOUSE_STAFF");
		api().asAdmin().put("/api/admin/accounts/" + staff.id(), Map.of("displayName", "员工",
				"roles", new String[] { "WAREHOUSE_STAFF" }, "enabled", false));
		var wrong = signIn(staff.phone(), "wrong-one");
		assertThat(wrong.status()).isEqualTo(401);
		assertThat(wrong.json().get("code").asText()).isEqualTo("bad-credentials");
	}

	@Test
	void manyFailuresFromOneAddressDelayThatAddressWhateverThePhone() {
		for (int i = 0; i < 50; i++) {
			assertThat(signIn(Api.newPhone(), "wrong-one").status()).isEqualTo(401);
		}
		var refused = signIn(Api.newPhone(), "wrong-one");
		assertThat(refused.status()).isEqualTo(429);
		assertThat(refused.json().get("code").asText()).isEqualTo("sign-in-throttled");
	}

	@Test
	void aThrottledSignInSaysWhenToTryAgainInTheRetryAfterHeader() throws Exception {
		String phone = Api.newPhone();
		for (int i = 0; i < 5; i++) {
			signIn(phone, "wrong-one");
		}
		var response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
				+ "/api/auth/token")).header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString("{\"phone\":\"" + phone + "\",\"password\":\"x\"}")).build(),
				HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).isEqualTo(429);
		assertThat(response.headers().firstValue("Retry-After")).hasValueSatisfying(v -> assertThat(Long.parseLong(v)).isPositive());
	}

	@Test
	void theLoginPageSaysWhenSignInIsThrottled() {
		String phone = Api.newPhone();
		var browser = PageClient.anonymous(port);
		for (int i = 0; i < 5; i++) {
			assertThat(browser.submitLogin(phone, "wrong-one").uri().getQuery()).isEqualTo("error=bad");
		}
		var throttled = browser.submitLogin(phone, "wrong-one");
		assertThat(throttled.uri().getQuery()).startsWith("error=throttled");
		assertThat(throttled.body()).contains("class=\"alert error\"");
	}

	// --- point 4: passwords counted in bytes, common ones refused, everywhere a password is set

	@Test
	void aLongChinesePasswordIsAClearErrorNotAServerError() {
		String thirtyChinese = "我的密码是一个很长的中文句子用来测试字节长度限制是否正确计算了吗对的没错";
		assertThat(thirtyChinese.length()).isGreaterThanOrEqualTo(30);
		var register = api().post("/api/auth/register", Map.of("phone", Api.newPhone(), "displayName", "长密码",
				"password", thirtyChinese));
		assertThat(register.status()).as(register.toString()).isEqualTo(400);
		assertThat(register.errorFields()).containsExactly("password");
		assertThat(register.json().get("detail").asText()).contains("72");

		var created = api().asAdmin().post("/api/admin/accounts", Map.of("phone", Api.newPhone(), "displayName", "长密码",
				"password", thirtyChinese, "roles", new String[] { "OPERATOR" }));
		assertThat(created.status()).isEqualTo(400);
		assertThat(created.errorFields()).containsExactly("password");

		var resident = api().newResident();
		var change = resident.post("/api/me/password", Map.of("currentPassword", "secret123", "newPassword", thirtyChinese));
		assertThat(change.status()).isEqualTo(400);
		assertThat(change.errorFields()).containsExactly("newPassword");

		// 24 Chinese characters are 72 bytes: allowed
		String twentyFour = thirtyChinese.substring(0, 24);
		var ok = api().post("/api/auth/register", Map.of("phone", Api.newPhone(), "displayName", "长密码",
				"password", twentyFour));
		assertThat(ok.status()).as(ok.toString()).isEqualTo(201);
	}

	@Test
	void commonPasswordsAndThePhoneNumberItselfAreRefused() {
		var common = api().post("/api/auth/register", Map.of("phone", Api.newPhone(), "displayName", "常见",
				"password", "123456"));
		assertThat(common.status()).isEqualTo(400);
		assertThat(common.errorFields()).containsExactly("password");

		String phone = Api.newPhone();
		var own = api().post("/api/auth/register", Map.of("phone", phone, "displayName", "常见", "password", phone));
		assertThat(own.status()).isEqualTo(400);
		assertThat(own.errorFields()).containsExactly("password");

		var admin = PageClient.signIn(port, Api.ADMIN_PHONE, Api.ADMIN_PASSWORD);
		String staffPhone = Api.newPhone();
		var form = admin.post("/console/accounts/new", "/console/accounts/new", Map.of("phone", staffPhone,
				"displayName", "常见", "password", "12345678", "roles", "OPERATOR", "enabled", "true"));
		assertThat(form.status()).isEqualTo(200);
		assertThat(form.uri().getPath()).isEqualTo("/console/accounts/new");
		assertThat(form.body()).contains("field-error");
		assertThat(jdbc.sql("select count(*) from identity.account where phone = ?").param(staffPhone)
			.query(Long.class).single()).isZero();
	}

	// --- point 7: cache and expiry, long phones, body size, NUL characters, cookie and CSP

	@Test
	void aTokenStopsWorkingWhenItExpiresEvenIfItWasCachedJustBefore() throws Exception {
		var resident = api().newResident();
		String hash = jdbc.sql("select encode(sha256(convert_to(?, 'UTF8')), 'hex')").param(resident.token())
			.query(String.class).single();
		jdbc.sql("update identity.api_token set expires_at = ? where token_hash = ?")
			.params(Timestamp.from(clock.instant().plusMillis(1500)), hash).update();
		assertThat(resident.get("/api/me").status()).isEqualTo(200);
		Thread.sleep(2000);
		assertThat(resident.get("/api/me").status()).isEqualTo(401);
	}

	@Test
	void aVeryLongPhoneAtSignInNamesTheFieldAndIsAudited() {
		String phone = "1".repeat(61) + System.nanoTime();
		var response = signIn(phone, "whatever");
		assertThat(response.status()).as(response.toString()).isEqualTo(400);
		assertThat(response.errorFields()).containsExactly("phone");
		long audited = jdbc.sql("select count(*) from identity.audit_log where action = 'sign-in.failed' and actor = ?")
			.param(phone.substring(0, 60)).query(Long.class).single();
		assertThat(audited).isEqualTo(1);
	}

	@Test
	void aJsonBodyOverOneMegabyteIsRefusedWith413() {
		var body = new HashMap<String, Object>(Map.of("phone", Api.newPhone(), "displayName", "大",
				"password", "secret123"));
		body.put("padding", "x".repeat(1_100_000));
		var response = api().post("/api/auth/register", body);
		assertThat(response.status()).isEqualTo(413);
		assertThat(response.contentType()).contains("application/problem+json");
		assertThat(response.json().get("status").asInt()).isEqualTo(413);
	}

	@Test
	void aNulCharacterAnywhereInJsonIsABadRequestNamingTheField() {
		String phone = Api.newPhone();
		var response = api().post("/api/auth/register", Map.of("phone", phone, "displayName", "王\u0000阿姨",
				"password", "secret123"));
		assertThat(response.status()).as(response.toString()).isEqualTo(400);
		assertThat(response.errorFields()).containsExactly("displayName");
		assertThat(jdbc.sql("select count(*) from identity.account where phone = ?").param(phone)
			.query(Long.class).single()).isZero();

		var roles = api().asAdmin().post("/api/admin/accounts", Map.of("phone", Api.newPhone(), "displayName", "x",
				"password", "secret123", "roles", List.of("OPERATOR"), "regionIds", List.of(1)));
		assertThat(roles.status()).isEqualTo(201);
		var nested = api().asAdmin().put("/api/admin/accounts/" + roles.id(), Map.of("displayName", "bell\u0007",
				"roles", List.of("OPERATOR"), "enabled", true));
		assertThat(nested.status()).isEqualTo(400);
		assertThat(nested.errorFields()).containsExactly("displayName");
	}

	@Test
	void aNulCharacterInAQueryParameterIsABadRequestNamingIt() {
		var response = api().asAdmin().get("/api/admin/accounts?q=a%00b");
		assertThat(response.status()).as(response.toString()).isEqualTo(400);
		assertThat(response.errorFields()).containsExactly("q");
	}

	@Test
	void aNulCharacterInAPageFormIsShownBesideTheField() {
		String phone = Api.newPhone();
		var page = PageClient.anonymous(port).post("/register", "/register", Map.of("phone", phone,
				"displayName", "王\u0000阿姨", "password", "secret-991"));
		assertThat(page.status()).isEqualTo(200);
		assertThat(page.body()).contains("field-error");
		assertThat(jdbc.sql("select count(*) from identity.account where phone = ?").param(phone)
			.query(Long.class).single()).isZero();
	}

	@Test
	void theSessionCookieIsSameSiteLaxAndPagesCarryAContentSecurityPolicy() {
		var login = PageClient.anonymous(port).get("/login");
		var cookie = login.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("SESSION=")).findFirst();
		assertThat(cookie).hasValueSatisfying(c -> assertThat(c).containsIgnoringCase("SameSite=Lax").contains("HttpOnly"));
		var csp = login.headers().firstValue("Content-Security-Policy");
		assertThat(csp).hasValueSatisfying(c -> assertThat(c).contains("default-src 'self'").contains("object-src 'none'")
			.contains("frame-ancestors 'none'"));
	}

	private Api.Response signIn(String phone, String password) {
		return api().post("/api/auth/token", Map.of("phone", phone, "password", password));
	}
}
