package com.linli.identity.internal;

import java.util.Map;

import com.linli.Api;
import com.linli.IntegrationTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/** Issue 9, point 6: no well-known admin password; a generated one must be changed at first sign-in. */
@IntegrationTest
class AdminBootstrapIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	AdminBootstrap bootstrap;

	@Test
	void aFreshAdminWithAGeneratedPasswordMustChooseTheirOwnFirst() {
		String phone = Api.newPhone();
		String generated = bootstrap.createAdmin(phone, "", true).orElseThrow();
		assertThat(generated).hasSize(16).isNotEqualTo("linli-admin");

		var api = Api.at(port);
		var signedIn = api.post("/api/auth/token", Map.of("phone", phone, "password", generated));
		assertThat(signedIn.status()).isEqualTo(200);
		assertThat(signedIn.json().get("passwordChangeRequired").asBoolean()).isTrue();
		var admin = api.withToken(signedIn.json().get("token").asText());

		var refused = admin.get("/api/admin/accounts");
		assertThat(refused.status()).isEqualTo(403);
		assertThat(refused.json().get("code").asText()).isEqualTo("password-change-required");
		assertThat(admin.get("/api/me").status()).isEqualTo(200);

		var changed = admin.post("/api/me/password", Map.of("currentPassword", generated, "newPassword", "my-own-admin-pw"));
		assertThat(changed.status()).as(changed.toString()).isEqualTo(204);

		var again = api.as(phone, "my-own-admin-pw");
		assertThat(again.get("/api/admin/accounts").status()).isEqualTo(200);
	}

	@Test
	void aFreshAdminIsSentToChangeThePasswordInTheConsole() {
		String phone = Api.newPhone();
		String generated = bootstrap.createAdmin(phone, null, true).orElseThrow();
		var console = com.linli.identity.PageClientAccess.signIn(port, phone, generated);
		var home = console.get("/console");
		assertThat(home.uri().getPath()).isEqualTo("/account/password");
		assertThat(home.body()).contains("newPassword");
	}

	@Test
	void aConfiguredPasswordIsNotPrintedAndNeedsNoChangeWhenSoConfigured() {
		String phone = Api.newPhone();
		assertThat(bootstrap.createAdmin(phone, "configured-admin-pw", false)).isEmpty();
		var signedIn = Api.at(port).post("/api/auth/token", Map.of("phone", phone, "password", "configured-admin-pw"));
		assertThat(signedIn.json().get("passwordChangeRequired").asBoolean()).isFalse();
	}
}
