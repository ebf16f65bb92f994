package com.linli.catalog;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;

import javax.imageio.ImageIO;

import com.linli.Api;
import com.linli.IntegrationTest;
import com.linli.catalog.internal.Barcodes;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/** The catalogue through its REST API and media URLs, as the console and mini-program use them. */
@IntegrationTest
class CatalogIntegrationTests {

	static final AtomicInteger SEQUENCE = new AtomicInteger();

	static final AtomicInteger BARCODES = new AtomicInteger(ThreadLocalRandom.current().nextInt(1_000_000));

	static final HttpClient HTTP = HttpClient.newHttpClient();

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	Api api() {
		return Api.at(port);
	}

	/** A name no other test uses: two random CJK characters (so substring search is tested in Chinese). */
	static String word() {
		var random = ThreadLocalRandom.current();
		return new String(Character.toChars(0x4E00 + random.nextInt(0x5000)))
				+ new String(Character.toChars(0x4E00 + random.nextInt(0x5000))) + SEQUENCE.incrementAndGet();
	}

	static String barcode() {
		return Barcodes.withCheckDigit("690" + String.format("%09d", BARCODES.incrementAndGet()));
	}

	long category(Api staff, String name, Long parentId) {
		var body = new HashMap<String, Object>();
		body.put("name", name);
		body.put("parentId", parentId);
		body.put("sortOrder", 0);
		var r = staff.post("/api/catalog/categories", body);
		assertThat(r.status()).as(r.toString()).isEqualTo(201);
		return r.id();
	}

	static Map<String, Object> sku(String spec, String barcode) {
		var sku = new HashMap<String, Object>();
		sku.put("spec", spec);
		sku.put("unit", "盒");
		sku.put("barcode", barcode);
		sku.put("storage", "CHILLED");
		sku.put("shelfLifeDays", 7);
		sku.put("weightGrams", 500);
		return sku;
	}

	static Map<String, Object> product(long categoryId, String name, List<Map<String, Object>> skus) {
		var product = new HashMap<String, Object>();
		product.put("categoryId", categoryId);
		product.put("name", name);
		product.put("description", "当季现摘");
		product.put("origin", "山东烟台");
		product.put("seasonalTags", List.of("应季"));
		product.put("skus", skus);
		return product;
	}

	JsonNode createProduct(Api staff, long categoryId, String name, List<Map<String, Object>> skus) {
		var r = staff.post("/api/catalog/products", product(categoryId, name, skus));
		assertThat(r.status()).as(r.toString()).isEqualTo(201);
		return r.json();
	}

	long count(String table) {
		return jdbc.sql("select count(*) from catalog." + table).query(Long.class).single();
	}

	// ------------------------------------------------------------------ categories

	@Test
	void categoriesFormATreeAndCannotMoveBelowTheirOwnDescendants() {
		var admin = api().asAdmin();
		String fruit = "水果" + word();
		long fruitId = category(admin, fruit, null);
		long apples = category(admin, "苹果", fruitId);
		long fuji = category(admin, "富士", apples);

		var tree = admin.get("/api/catalog/categories").json();
		List<Long> order = new ArrayList<>();
		tree.forEach(c -> order.add(c.get("id").asLong()));
		assertThat(order).containsSubsequence(fruitId, apples, fuji);
		assertThat(findById(tree, fuji).get("parentId").asLong()).isEqualTo(apples);

		var cycle = admin.put("/api/catalog/categories/" + fruitId, Map.of("name", fruit, "parentId", fuji, "sortOrder", 0));
		assertThat(cycle.status()).isEqualTo(409);
		assertThat(cycle.json().get("code").asText()).isEqualTo("category-cycle");
		assertThat(cycle.errorFields()).containsExactly("parentId");
		var self = admin.put("/api/catalog/categories/" + apples, Map.of("name", "苹果", "parentId", apples, "sortOrder", 0));
		assertThat(self.status()).isEqualTo(409);
		var parent = findById(admin.get("/api/catalog/categories").json(), fruitId).get("parentId");
		assertThat(parent == null || parent.isNull()).as("still top level: %s", parent).isTrue();

		var renamed = admin.put("/api/catalog/categories/" + apples, Map.of("name", "苹果类", "parentId", fruitId, "sortOrder", 5));
		assertThat(renamed.status()).isEqualTo(200);
		assertThat(renamed.json().get("name").asText()).isEqualTo("苹果类");
		var moved = admin.put("/api/catalog/categories/" + fuji, Map.of("name", "富士", "parentId", fruitId, "sortOrder", 1));
		assertThat(moved.json().get("parentId").asLong()).isEqualTo(fruitId);

		var twin = admin.post("/api/catalog/categories", Map.of("name", "富士", "parentId", fruitId, "sortOrder", 0));
		assertThat(twin.status()).isEqualTo(409);
		assertThat(twin.errorFields()).containsExactly("name");
		var orphan = admin.post("/api/catalog/categories", Map.of("name", "梨", "parentId", 987654321, "sortOrder", 0));
		assertThat(orphan.status()).isEqualTo(400);
		assertThat(orphan.errorFields()).containsExactly("parentId");
		var blank = admin.post("/api/catalog/categories", Map.of("name", " ", "sortOrder", -1));
		assertThat(blank.status()).isEqualTo(400);
		assertThat(blank.errorFields()).contains("name", "sortOrder");
	}

	@Test
	void theDatabaseItselfRefusesACategoryCycle() {
		var admin = api().asAdmin();
		long a = category(admin, "甲" + word(), null);
		long b = category(admin, "乙", a);
		var attempt = org.assertj.core.api.Assertions.catchThrowable(() -> jdbc
			.sql("update catalog.category set parent_id = ? where id = ?").params(b, a).update());
		assertThat(attempt).hasMessageContaining("descendant");
	}

	static JsonNode findById(JsonNode array, long id) {
		for (JsonNode node : array) {
			if (node.get("id").asLong() == id) {
				return node;
			}
		}
		throw new AssertionError("no " + id + " in " + array);
	}

	// ------------------------------------------------------------------ products and SKUs

	@Test
	void anOperatorCreatesAProductWithSkusAndEditsItInOneRequest() {
		var operator = api().newAccount("OPERATOR");
		long fruit = category(operator, "水果" + word(), null);
		String name = "红富士苹果" + word();
		String code = barcode();
		var created = createProduct(operator, fruit, name, List.of(sku("500g/盒", code), sku("2.5kg/箱", null)));
		long id = created.get("id").asLong();
		assertThat(created.get("imageUrl").asText()).isEqualTo("/media/products/" + id);
		assertThat(created.get("hasImage").asBoolean()).isFalse();
		assertThat(created.get("skus")).hasSize(2);
		assertThat(created.get("skus").get(0).get("barcode").asText()).isEqualTo(code);
		long small = created.get("skus").get(0).get("id").asLong();
		long big = created.get("skus").get(1).get("id").asLong();

		var sku = operator.get("/api/catalog/skus/" + small).json();
		assertThat(sku.get("productName").asText()).isEqualTo(name);
		assertThat(sku.get("categoryId").asLong()).isEqualTo(fruit);
		assertThat(sku.get("imageUrl").asText()).isEqualTo("/media/products/" + id);
		assertThat(sku.get("seasonalTags").get(0).asText()).isEqualTo("应季");

		var edit = product(fruit, name + "（精选）", List.of(
				Map.of("id", small, "spec", "500g/盒", "unit", "盒", "storage", "CHILLED", "shelfLifeDays", 10,
						"weightGrams", 520, "active", true),
				Map.of("id", big, "spec", "2.5kg/箱", "unit", "箱", "storage", "AMBIENT", "shelfLifeDays", 7,
						"weightGrams", 2500, "active", false),
				sku("1kg/袋", null)));
		edit.put("seasonalTags", List.of("秋季", "应季"));
		var saved = operator.put("/api/catalog/products/" + id, edit);
		assertThat(saved.status()).as(saved.toString()).isEqualTo(200);
		var json = saved.json();
		assertThat(json.get("name").asText()).isEqualTo(name + "（精选）");
		assertThat(json.get("seasonalTags")).hasSize(2);
		assertThat(json.get("skus")).hasSize(3);
		assertThat(json.get("skus").get(0).get("shelfLifeDays").asInt()).isEqualTo(10);
		assertThat(json.get("skus").get(0).has("barcode")).as("barcode removed").isFalse();
		assertThat(json.get("skus").get(1).get("active").asBoolean()).isFalse();
		assertThat(json.get("skus").get(2).get("spec").asText()).isEqualTo("1kg/袋");

		var added = operator.post("/api/catalog/products/" + id + "/skus", sku("5kg/箱", null));
		assertThat(added.status()).isEqualTo(201);
		var again = operator.post("/api/catalog/products/" + id + "/skus", sku("5kg/箱", null));
		assertThat(again.status()).isEqualTo(409);
		assertThat(again.errorFields()).containsExactly("spec");

		var off = new HashMap<>(sku("500g/盒", null));
		off.put("active", false);
		assertThat(operator.put("/api/catalog/skus/" + small, off).json().get("active").asBoolean()).isFalse();

		long audited = jdbc.sql("select count(*) from identity.audit_log where target = ? and action in ('product.create', 'product.update')")
			.param("product:" + id).query(Long.class).single();
		assertThat(audited).isEqualTo(2);
	}

	@Test
	void badInputNamesTheFieldsIncludingNestedSkuFieldsAndChangesNothing() {
		var admin = api().asAdmin();
		long fruit = category(admin, "水果" + word(), null);
		long products = count("product"), skus = count("sku");

		var bad = new HashMap<>(sku("1kg", null));
		bad.put("shelfLifeDays", 0);
		bad.put("weightGrams", null);
		var body = product(fruit, "", List.of(sku("500g", null), bad));
		body.remove("categoryId");
		var response = admin.post("/api/catalog/products", body);
		assertThat(response.status()).isEqualTo(400);
		assertThat(response.contentType()).contains("application/problem+json");
		assertThat(response.errorFields()).containsExactlyInAnyOrder("categoryId", "name", "skus[1].shelfLifeDays",
				"skus[1].weightGrams");

		var wrongEnum = new HashMap<>(sku("1kg", null));
		wrongEnum.put("storage", "WARM");
		assertThat(admin.post("/api/catalog/products", product(fruit, "梨", List.of(wrongEnum))).errorFields())
			.containsExactly("skus[0].storage");

		var noSkus = admin.post("/api/catalog/products", product(fruit, "梨", List.of()));
		assertThat(noSkus.status()).isEqualTo(400);
		assertThat(noSkus.errorFields()).containsExactly("skus");

		var typo = admin.post("/api/catalog/products", product(fruit, "梨", List.of(sku("1kg", "6901234567893"))));
		assertThat(typo.status()).isEqualTo(400);
		assertThat(typo.errorFields()).containsExactly("skus[0].barcode");

		var twice = admin.post("/api/catalog/products", product(fruit, "梨", List.of(sku("1kg", null), sku("1KG", null))));
		assertThat(twice.status()).isEqualTo(400);
		assertThat(twice.errorFields()).containsExactly("skus[1].spec");

		var unknownCategory = admin.post("/api/catalog/products", product(987654321, "梨", List.of(sku("1kg", null))));
		assertThat(unknownCategory.errorFields()).containsExactly("categoryId");

		var unknownSupplier = product(fruit, "梨", List.of(sku("1kg", null)));
		unknownSupplier.put("supplierId", 987654321);
		assertThat(admin.post("/api/catalog/products", unknownSupplier).errorFields()).containsExactly("supplierId");

		assertThat(count("product")).isEqualTo(products);
		assertThat(count("sku")).isEqualTo(skus);
	}

	@Test
	void aBarcodeBelongsToOneSkuOnly() {
		var admin = api().asAdmin();
		long fruit = category(admin, "水果" + word(), null);
		String code = barcode();
		var first = createProduct(admin, fruit, "橙子" + word(), List.of(sku("1kg", code)));
		long products = count("product");

		var duplicate = admin.post("/api/catalog/products", product(fruit, "柚子", List.of(sku("1个", null), sku("2个", code))));
		assertThat(duplicate.status()).isEqualTo(409);
		assertThat(duplicate.json().get("code").asText()).isEqualTo("barcode-taken");
		assertThat(duplicate.errorFields()).containsExactly("skus[1].barcode");
		assertThat(count("product")).isEqualTo(products);

		var other = createProduct(admin, fruit, "柚子" + word(), List.of(sku("1个", barcode())));
		long otherSku = other.get("skus").get(0).get("id").asLong();
		var steal = admin.put("/api/catalog/skus/" + otherSku, sku("1个", code));
		assertThat(steal.status()).isEqualTo(409);
		assertThat(steal.errorFields()).containsExactly("barcode");
		// keeping its own barcode is no conflict
		long firstSku = first.get("skus").get(0).get("id").asLong();
		assertThat(admin.put("/api/catalog/skus/" + firstSku, sku("1kg", code)).status()).isEqualTo(200);
	}

	@Test
	void theProductListFiltersByCategoryWithItsSubcategoriesByTextAndByStatus() {
		var admin = api().asAdmin();
		long fruit = category(admin, "水果" + word(), null);
		long citrus = category(admin, "柑橘", fruit);
		long veg = category(admin, "蔬菜" + word(), null);
		String tag = word();
		var apple = createProduct(admin, fruit, "苹果" + tag, List.of(sku("1kg", null)));
		var orange = createProduct(admin, citrus, "脐橙" + tag, List.of(sku("5斤/箱", null)));
		createProduct(admin, veg, "白菜" + tag, List.of(sku("1颗", null)));
		var off = product(citrus, "脐橙" + tag, List.of(Map.of("id", orange.get("skus").get(0).get("id").asLong(),
				"spec", "5斤/箱", "unit", "箱", "storage", "AMBIENT", "shelfLifeDays", 20, "weightGrams", 2500)));
		off.put("active", false);
		assertThat(admin.put("/api/catalog/products/" + orange.get("id").asLong(), off).status()).isEqualTo(200);

		var inFruit = admin.get("/api/catalog/products?categoryId=" + fruit).json();
		assertThat(inFruit.get("total").asLong()).isEqualTo(2);
		assertThat(names(inFruit)).containsExactly("脐橙" + tag, "苹果" + tag);
		assertThat(inFruit.get("items").get(0).get("categoryName").asText()).isEqualTo("柑橘");

		var byText = admin.get("/api/catalog/products?q=" + enc(tag) + "&active=true").json();
		assertThat(names(byText)).containsExactlyInAnyOrder("苹果" + tag, "白菜" + tag);
		var bySpec = admin.get("/api/catalog/products?q=" + enc("5斤") + "&categoryId=" + fruit).json();
		assertThat(names(bySpec)).containsExactly("脐橙" + tag);
		var inactive = admin.get("/api/catalog/products?active=false&categoryId=" + citrus).json();
		assertThat(names(inactive)).containsExactly("脐橙" + tag);

		var paged = admin.get("/api/catalog/products?q=" + enc(tag) + "&size=2&page=1").json();
		assertThat(paged.get("total").asLong()).isEqualTo(3);
		assertThat(paged.get("items")).hasSize(1);
		assertThat(apple.get("id").asLong()).isPositive();
	}

	static List<String> names(JsonNode page) {
		List<String> names = new ArrayList<>();
		page.get("items").forEach(i -> names.add(i.get("name").asText()));
		return names;
	}

	static String enc(String s) {
		return java.net.URLEncoder.encode(s, StandardCharsets.UTF_8);
	}

	// ------------------------------------------------------------------ search

	@Test
	void chineseSubstringsFindSkusAndExactOrPrefixMatchesComeFirst() {
		var admin = api().asAdmin();
		long fruit = category(admin, "水果" + word(), null);
		String w = word();
		createProduct(admin, fruit, "冻干" + w + "片", List.of(sku("50g/袋", null)));
		createProduct(admin, fruit, w + "干", List.of(sku("250g/袋", null)));
		createProduct(admin, fruit, w, List.of(sku("500g/盒", null)));
		var hidden = createProduct(admin, fruit, "进口" + w, List.of(sku("1kg", null)));
		var offSku = new HashMap<>(sku("1kg", null));
		offSku.put("active", false);
		admin.put("/api/catalog/skus/" + hidden.get("skus").get(0).get("id").asLong(), offSku);

		var found = admin.get("/api/catalog/skus?q=" + enc(w)).json();
		List<String> names = new ArrayList<>();
		found.forEach(s -> names.add(s.get("productName").asText()));
		assertThat(names).containsExactly(w, w + "干", "冻干" + w + "片");

		String tail = word();
		createProduct(admin, fruit, "红富士苹果" + tail, List.of(sku("500g/盒", null)));
		createProduct(admin, fruit, "土鸡蛋 30枚" + tail, List.of(sku("30枚/盒", null)));
		assertThat(productNames(admin, "苹果 " + tail)).containsExactly("红富士苹果" + tail);
		assertThat(productNames(admin, "鸡蛋 " + tail)).containsExactly("土鸡蛋 30枚" + tail);
		assertThat(productNames(admin, "30枚/盒 " + tail)).containsExactly("土鸡蛋 30枚" + tail);

		var tagged = product(fruit, "沙糖桔" + tail, List.of(sku("3斤", null)));
		tagged.put("seasonalTags", List.of("年货" + tail));
		admin.post("/api/catalog/products", tagged);
		assertThat(productNames(admin, "年货" + tail)).containsExactly("沙糖桔" + tail);

		assertThat(productNames(api().newResident(), "苹果" + tail)).containsExactly("红富士苹果" + tail);
		assertThat(productNames(admin, "100%_" + tail)).isEmpty();
		assertThat(admin.get("/api/catalog/skus?q=" + enc(w) + "&limit=0").errorFields()).containsExactly("limit");
		assertThat(admin.get("/api/catalog/skus").errorFields()).containsExactly("q");
	}

	@Test
	void aNameEndingWithTheWordComesBeforeANameStartingWithIt() {
		var admin = api().asAdmin();
		long food = category(admin, "食品" + word(), null);
		String w = word();
		createProduct(admin, food, w + "挂面", List.of(sku("1kg", null)));
		createProduct(admin, food, "散装" + w + "片", List.of(sku("1kg", null)));
		createProduct(admin, food, "鲜" + w, List.of(sku("30枚", null)));

		// 鲜鸡蛋 is eggs, 鸡蛋挂面 is noodles: in Chinese the last word names the thing
		assertThat(productNames(admin, w)).containsExactly("鲜" + w, w + "挂面", "散装" + w + "片");
	}

	List<String> productNames(Api api, String query) {
		var r = api.get("/api/catalog/skus?q=" + enc(query));
		assertThat(r.status()).as(r.toString()).isEqualTo(200);
		List<String> names = new ArrayList<>();
		r.json().forEach(s -> names.add(s.get("productName").asText()));
		return names;
	}

	@Test
	void searchIsServedByTrigramIndexes() {
		List<String> indexes = jdbc.sql("select indexname from pg_indexes where schemaname = 'catalog' and indexname like '%trgm'")
			.query(String.class).list();
		assertThat(indexes).containsExactlyInAnyOrder("product_name_trgm", "product_tags_trgm", "sku_spec_trgm");
	}

	// ------------------------------------------------------------------ images

	@Test
	void aProductWithoutImageShowsAGeneratedTile() throws Exception {
		var admin = api().asAdmin();
		long fruit = category(admin, "水果" + word(), null);
		var product = createProduct(admin, fruit, "赣南脐橙" + word(), List.of(sku("5斤/箱", null)));
		var tile = media(product.get("imageUrl").asText(), null);
		assertThat(tile.statusCode()).isEqualTo(200);
		assertThat(tile.headers().firstValue("Content-Type").orElse("")).startsWith("image/svg+xml");
		assertThat(tile.headers().firstValue("Cache-Control").orElse("")).contains("max-age=600");
		String svg = new String(tile.body(), StandardCharsets.UTF_8);
		assertThat(svg).contains(">赣南</text>").contains(">5斤/箱</text>");

		String etag = tile.headers().firstValue("ETag").orElseThrow();
		assertThat(media(product.get("imageUrl").asText(), etag).statusCode()).isEqualTo(304);
		assertThat(media("/media/products/987654321", null).statusCode()).isEqualTo(404);
	}

	@Test
	void operatorsUploadPngJpegOrWebpUpToTwoMegabytes() throws Exception {
		var admin = api().asAdmin();
		long fruit = category(admin, "水果" + word(), null);
		var product = createProduct(admin, fruit, "阳光玫瑰葡萄" + word(), List.of(sku("1串", null)));
		long id = product.get("id").asLong();
		byte[] png = png();

		var uploaded = upload(admin.token(), id, png, "image/png");
		assertThat(uploaded.statusCode()).as(new String(uploaded.body(), StandardCharsets.UTF_8)).isEqualTo(200);
		assertThat(Api.JSON.readTree(uploaded.body()).get("hasImage").asBoolean()).isTrue();
		var served = media("/media/products/" + id, null);
		assertThat(served.headers().firstValue("Content-Type").orElse("")).isEqualTo("image/png");
		assertThat(served.body()).isEqualTo(png);
		String etag = served.headers().firstValue("ETag").orElseThrow();
		assertThat(media("/media/products/" + id, etag).statusCode()).isEqualTo(304);

		// a GIF (or anything else) declared as PNG is still refused: the bytes decide
		var gif = upload(admin.token(), id, "GIF89a-not-allowed".getBytes(StandardCharsets.US_ASCII), "image/png");
		assertThat(gif.statusCode()).isEqualTo(400);
		assertThat(Api.JSON.readTree(gif.body()).get("errors").get(0).get("field").asText()).isEqualTo("image");

		byte[] large = Arrays.copyOf(png, 2 * 1024 * 1024 + 1);
		var tooLarge = upload(admin.token(), id, large, "image/png");
		assertThat(tooLarge.statusCode()).isEqualTo(400);
		assertThat(Api.JSON.readTree(tooLarge.body()).get("errors").get(0).get("field").asText()).isEqualTo("image");

		assertThat(media("/media/products/" + id, null).body()).as("still the good picture").isEqualTo(png);

		var removed = admin.delete("/api/catalog/products/" + id + "/image");
		assertThat(removed.json().get("hasImage").asBoolean()).isFalse();
		assertThat(media("/media/products/" + id, null).headers().firstValue("Content-Type").orElse(""))
			.startsWith("image/svg+xml");
	}

	static byte[] png() throws IOException {
		var image = new BufferedImage(16, 16, BufferedImage.TYPE_INT_RGB);
		image.setRGB(3, 3, 0xFF5B1A);
		var out = new ByteArrayOutputStream();
		ImageIO.write(image, "png", out);
		return out.toByteArray();
	}

	HttpResponse<byte[]> media(String path, String ifNoneMatch) throws Exception {
		var request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).GET();
		if (ifNoneMatch != null) {
			request.header("If-None-Match", ifNoneMatch);
		}
		return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
	}

	HttpResponse<byte[]> upload(String token, long productId, byte[] bytes, String contentType) throws Exception {
		String boundary = "linli" + System.nanoTime();
		var body = new ByteArrayOutputStream();
		body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"image\"; filename=\"picture.png\"\r\n"
				+ "Content-Type: " + contentType + "\r\n\r\n").getBytes(StandardCharsets.UTF_8));
		body.write(bytes);
		body.write(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
		var request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/catalog/products/" + productId + "/image"))
			.header("Content-Type", "multipart/form-data; boundary=" + boundary)
			.POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()));
		if (token != null) {
			request.header("Authorization", "Bearer " + token);
		}
		return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
	}

	// ------------------------------------------------------------------ who may change the catalogue

	@Test
	void onlyOperatorsAndAdminsChangeTheCatalogue() throws Exception {
		var admin = api().asAdmin();
		long fruit = category(admin, "水果" + word(), null);
		var product = createProduct(admin, fruit, "蓝莓" + word(), List.of(sku("125g/盒", null)));
		long id = product.get("id").asLong();
		long skuId = product.get("skus").get(0).get("id").asLong();
		var category = Map.of("name", "新类目" + word(), "sortOrder", 0);
		var newProduct = product(fruit, "草莓", List.of(sku("500g", null)));

		for (Api caller : List.of(api().anonymous(), api().newResident(), api().newAccount("SUPPLIER"),
				api().newAccount("LEADER"))) {
			int expected = caller.token() == null ? 401 : 403;
			assertThat(caller.post("/api/catalog/categories", category).status()).isEqualTo(expected);
			assertThat(caller.put("/api/catalog/categories/" + fruit, category).status()).isEqualTo(expected);
			assertThat(caller.post("/api/catalog/products", newProduct).status()).isEqualTo(expected);
			assertThat(caller.put("/api/catalog/products/" + id, newProduct).status()).isEqualTo(expected);
			assertThat(caller.post("/api/catalog/products/" + id + "/skus", sku("1kg", null)).status()).isEqualTo(expected);
			assertThat(caller.put("/api/catalog/skus/" + skuId, sku("1kg", null)).status()).isEqualTo(expected);
			assertThat(caller.delete("/api/catalog/products/" + id + "/image").status()).isEqualTo(expected);
			assertThat(upload(caller.token(), id, png(), "image/png").statusCode()).isEqualTo(expected);
		}
		assertThat(api().anonymous().get("/api/catalog/categories").status()).isEqualTo(401);
		assertThat(api().newResident().get("/api/catalog/categories").status()).isEqualTo(200);
		assertThat(admin.get("/api/catalog/products/" + id).json().get("name").asText())
			.isEqualTo(product.get("name").asText());
	}
}
