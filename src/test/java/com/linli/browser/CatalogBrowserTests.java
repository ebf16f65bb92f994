package com.linli.browser;

import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import com.linli.Api;
import org.junit.jupiter.api.Test;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

/** Operators keep the catalogue in the console; suppliers land on their portal. */
class CatalogBrowserTests extends BrowserTest {

	/** An operator account with a known password, opened by the admin. */
	String operator() {
		String phone = Api.newPhone();
		var r = Api.at(port).asAdmin().post("/api/admin/accounts", Map.of("phone", phone, "displayName", "运营小周",
				"password", "secret123", "roles", new String[] { "OPERATOR" }));
		org.assertj.core.api.Assertions.assertThat(r.status()).isEqualTo(201);
		return phone;
	}

	void snapshot(String name) {
		page.screenshot(new com.microsoft.playwright.Page.ScreenshotOptions()
			.setPath(java.nio.file.Path.of("target/screenshots/CatalogBrowserTests-" + name + ".png")).setFullPage(true));
	}

	@Test
	void anOperatorCreatesAProductWithTwoSkusAndFindsItInTheList() {
		var admin = Api.at(port).asAdmin();
		String suffix = String.valueOf(System.nanoTime() % 100_000);
		long fruit = admin.post("/api/catalog/categories", Map.of("name", "时令水果" + suffix, "sortOrder", 0)).id();
		long apples = admin.post("/api/catalog/categories", Map.of("name", "苹果", "parentId", fruit, "sortOrder", 0)).id();
		long supplier = admin.post("/api/suppliers", Map.of("name", "烟台果园" + suffix, "contactName", "王经理",
				"contactPhone", "13912345678", "address", "山东烟台栖霞市")).id();

		signIn(operator(), "secret123");
		page.navigate(url("/console/products/new"));
		String name = "栖霞红富士苹果" + suffix;
		page.fill("#name", name);
		page.selectOption("#categoryId", String.valueOf(apples));
		page.fill("#origin", "山东烟台栖霞");
		page.selectOption("#supplierId", String.valueOf(supplier));
		page.fill("#tags", "应季, 秋季");
		page.fill("#description", "脆甜多汁，产地直发。");
		page.fill("input[name='skus[0].spec']", "5斤/箱");
		page.fill("input[name='skus[0].unit']", "箱");
		page.selectOption("select[name='skus[0].storage']", "AMBIENT");
		page.fill("input[name='skus[0].shelfLifeDays']", "20");
		page.fill("input[name='skus[0].weightGrams']", "2500");
		page.click("#sku-add");
		page.fill("input[name='skus[1].spec']", "4个装/盒");
		page.fill("input[name='skus[1].unit']", "盒");
		page.selectOption("select[name='skus[1].storage']", "CHILLED");
		page.fill("input[name='skus[1].shelfLifeDays']", "10");
		// the weight of the second SKU is forgotten: the form says so beside that field and keeps the rest
		page.click("#product-save");
		assertThat(page.locator("input[name='skus[1].weightGrams'] + .field-error")).isVisible();
		assertThat(page.locator("input[name='skus[1].spec']")).hasValue("4个装/盒");
		snapshot("product-form-error");

		page.fill("input[name='skus[1].weightGrams']", "1000");
		page.click("#product-save");
		assertThat(page.locator(".alert.ok")).containsText(name);
		assertThat(page).hasURL(Pattern.compile(".*/console/products/\\d+$"));
		assertThat(page.locator("tr.sku-row")).hasCount(2);
		snapshot("product-form-saved");

		page.navigate(url("/console/products"));
		page.fill("#product-q", "红富士苹果" + suffix);
		page.locator("#product-q").press("Enter");
		var rows = page.locator("#product-results tbody tr");
		assertThat(rows).hasCount(1);
		assertThat(rows.first()).containsText(name);
		assertThat(rows.first()).containsText("5斤/箱 · 4个装/盒");
		assertThat(rows.first()).containsText("时令水果" + suffix + " / 苹果");
		assertThat(rows.first()).containsText("烟台果园" + suffix);

		// the category filter includes subcategories
		page.selectOption("#categoryId", String.valueOf(fruit));
		assertThat(rows.first()).containsText(name);
	}

	@Test
	void anOperatorRegistersASupplierAndOpensALoginForIt() {
		String name = "沂蒙山土鸡蛋合作社" + System.nanoTime() % 100_000;
		signIn(operator(), "secret123");
		page.navigate(url("/console/suppliers/new"));
		page.fill("#name", name);
		page.fill("#contactName", "孙主任");
		page.fill("#contactPhone", "12345");
		page.fill("#address", "山东省临沂市沂南县");
		page.click("form.card button[type=submit]");
		assertThat(page.locator("#contactPhone + .field-error")).isVisible();
		page.fill("#contactPhone", "0539-3221234");
		page.click("form.card button[type=submit]");
		assertThat(page.locator(".alert.ok")).containsText(name);

		page.fill("#login-phone", Api.newPhone());
		page.fill("#login-name", "孙主任");
		page.fill("#login-password", "secret123");
		page.click("text=开通账号");
		assertThat(page.locator(".alert.ok")).containsText("已开通");
		assertThat(page.locator("table.list tbody tr")).hasCount(1);
		snapshot("supplier-form");

		page.navigate(url("/console/suppliers?q=" + java.net.URLEncoder.encode(name, java.nio.charset.StandardCharsets.UTF_8)));
		assertThat(page.locator("table.list tbody tr")).hasCount(1);
		assertThat(page.locator("table.list tbody tr").first()).containsText("0539-3221234");
	}

	@Test
	void anOperatorGrowsTheCategoryTree() {
		String suffix = String.valueOf(System.nanoTime() % 100_000);
		signIn(operator(), "secret123");
		page.navigate(url("/console/categories"));
		page.fill("#name", "粮油" + suffix);
		page.click("form.card button[type=submit]");
		assertThat(page.locator(".alert.ok")).containsText("粮油" + suffix);

		page.locator("tr", new com.microsoft.playwright.Page.LocatorOptions().setHasText("粮油" + suffix))
			.getByText("添加下级").click();
		page.fill("#name", "大米");
		page.click("form.card button[type=submit]");
		var child = page.locator("tr", new com.microsoft.playwright.Page.LocatorOptions().setHasText("大米")).last();
		assertThat(child).isVisible();

		// a name that is already taken among its siblings is refused beside the field
		page.locator("tr", new com.microsoft.playwright.Page.LocatorOptions().setHasText("粮油" + suffix))
			.getByText("添加下级").click();
		page.fill("#name", "大米");
		page.click("form.card button[type=submit]");
		assertThat(page.locator("#name + .field-error")).isVisible();
	}

	@Test
	void productTilesLookTidySmallAndLarge() {
		var admin = Api.at(port).asAdmin();
		String suffix = String.valueOf(System.nanoTime() % 100_000);
		long category = admin.post("/api/catalog/categories", Map.of("name", "蛋品" + suffix, "sortOrder", 0)).id();
		var images = new StringBuilder();
		for (var product : List.of(List.of("土鸡蛋 30枚", "30枚/盒"), List.of("红富士苹果", "500g/盒"),
				List.of("【精选】阳光玫瑰葡萄", "1串约800g装礼盒特惠"))) {
			long id = admin.post("/api/catalog/products", Map.of("categoryId", category, "name", product.get(0),
					"skus", List.of(Map.of("spec", product.get(1), "unit", "盒", "storage", "CHILLED",
							"shelfLifeDays", 15, "weightGrams", 1500)))).id();
			images.append("<img src='").append(url("/media/products/" + id)).append("' width='84' height='84'>");
			images.append("<img src='").append(url("/media/products/" + id)).append("' width='390' height='390'>");
		}
		page.setContent("<html><body style='margin:8px;display:flex;flex-wrap:wrap;gap:8px;align-items:flex-start'>"
				+ images + "</body></html>");
		page.waitForLoadState();
		assertThat(page.locator("img").first()).isVisible();
		org.assertj.core.api.Assertions
			.assertThat((Boolean) page.evaluate("() => [...document.images].every(i => i.complete && i.naturalWidth > 0)"))
			.isTrue();
	}

	@Test
	void aSupplierSeesItsCompanyAndWherePurchaseOrdersWillAppear() {
		var admin = Api.at(port).asAdmin();
		String name = "寿光蔬菜合作社" + System.nanoTime() % 100_000;
		long supplier = admin.post("/api/suppliers", Map.of("name", name, "contactName", "赵经理",
				"contactPhone", "0536-5201234", "address", "山东省寿光市蔬菜高科技示范园")).id();
		String phone = Api.newPhone();
		admin.post("/api/suppliers/" + supplier + "/accounts", Map.of("phone", phone, "displayName", "赵经理",
				"password", "secret123"));

		signIn(phone, "secret123");
		assertThat(page).hasURL(Pattern.compile(".*/supplier$"));
		assertThat(page.locator("h1")).hasText(name);
		assertThat(page.locator(".portal-facts")).containsText("0536-5201234");
		assertThat(page.locator(".portal-empty")).containsText("暂无采购单");
	}
}
