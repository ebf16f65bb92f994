package com.linli.browser;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.linli.Api;
import com.linli.marketing.MarketingFixtures;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The console's sidebar offers each role exactly what it may open: every link a signed-in admin,
 * operator or warehouse clerk sees answers 200 for them, and every link of the admin's sidebar that
 * the others do not see would have answered them 403.
 */
class ConsoleSidebarBrowserTests extends BrowserTest {

	@Autowired
	ApplicationContext beans;

	record Login(String role, String phone, String password, String home) {
	}

	@Test
	void everySidebarLinkOpensForTheRoleThatSeesIt() {
		var admin = Api.at(port).asAdmin();
		var region = new MarketingFixtures(beans).region();
		String operatorPhone = MarketingFixtures.operatorOf(admin, region).get("/api/me").json().get("phone").asText();
		String staffPhone = Api.newPhone();
		assertThat(admin.post("/api/admin/accounts", Map.of("phone", staffPhone, "displayName", "仓管" + staffPhone.substring(7),
				"password", "secret123", "roles", new String[] { "WAREHOUSE_STAFF" })).status()).isEqualTo(201);
		var logins = List.of(new Login("PLATFORM_ADMIN", Api.ADMIN_PHONE, Api.ADMIN_PASSWORD, "/console"),
				new Login("OPERATOR", operatorPhone, "secret123", "/console"),
				new Login("WAREHOUSE_STAFF", staffPhone, "secret123", "/warehouse/inventory"));

		Set<String> adminLinks = null;
		List<String> failures = new ArrayList<>();
		for (var login : logins) {
			context.clearCookies();
			signIn(login.phone(), login.password());
			page.navigate(url(login.home()));
			var hrefs = (List<?>) page.locator("aside.sidebar nav a").evaluateAll(
					"links => links.map(a => a.getAttribute('href'))");
			Set<String> links = new LinkedHashSet<>(hrefs.stream().map(String::valueOf).toList());
			assertThat(links).as(login.role() + "'s sidebar").isNotEmpty();
			for (String link : links) {
				int status = context.request().get(url(link)).status();
				if (status != 200) {
					failures.add(login.role() + " sees " + link + " which answers " + status);
				}
			}
			if (adminLinks == null) {
				adminLinks = links;
			}
			else {
				for (String hidden : adminLinks) {
					if (!links.contains(hidden)) {
						int status = context.request().get(url(hidden)).status();
						if (status == 200) {
							failures.add(login.role() + " does not see " + hidden + " which would open for them");
						}
					}
				}
			}
		}
		assertThat(failures).isEmpty();
	}
}
