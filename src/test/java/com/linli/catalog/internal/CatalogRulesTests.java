package com.linli.catalog.internal;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import com.linli.catalog.NewCategory;
import com.linli.catalog.NewSku;
import com.linli.catalog.StorageTemperature;
import com.linli.shared.InvalidInputException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CatalogRulesTests {

	static NewSku sku(String spec) {
		return new NewSku(spec, "盒", null, StorageTemperature.CHILLED, 7, 500);
	}

	@Test
	void trimsAndKeepsAGoodSku() {
		var sku = CatalogRules.sku("", new NewSku(" 500g/盒 ", " 盒", " 6901234567892 ", StorageTemperature.AMBIENT, 30, 520));
		assertThat(sku).isEqualTo(new NewSku("500g/盒", "盒", "6901234567892", StorageTemperature.AMBIENT, 30, 520));
		assertThat(CatalogRules.sku("", new NewSku("1只", "只", "  ", StorageTemperature.FROZEN, 1, 1)).barcode()).isNull();
	}

	@Test
	void namesTheNestedFieldThatIsWrong() {
		assertThatThrownBy(() -> CatalogRules.skus(List.of(sku("500g"), new NewSku("1kg", "盒", null,
				StorageTemperature.CHILLED, 0, 1000))))
			.isInstanceOf(InvalidInputException.class)
			.extracting(e -> ((InvalidInputException) e).field()).isEqualTo("skus[1].shelfLifeDays");
		assertThatThrownBy(() -> CatalogRules.skus(List.of(new NewSku("1kg", "盒", null, StorageTemperature.CHILLED, 3, 0))))
			.extracting(e -> ((InvalidInputException) e).field()).isEqualTo("skus[0].weightGrams");
		assertThatThrownBy(() -> CatalogRules.skus(List.of(new NewSku("1kg", "盒", null, null, 3, 10))))
			.extracting(e -> ((InvalidInputException) e).field()).isEqualTo("skus[0].storage");
		assertThatThrownBy(() -> CatalogRules.skus(List.of(new NewSku("1kg", "盒", "6901234567893",
				StorageTemperature.AMBIENT, 3, 10))))
			.extracting(e -> ((InvalidInputException) e).field()).isEqualTo("skus[0].barcode");
	}

	@Test
	void aProductNeedsOneToTwentyDistinctSkus() {
		assertThatThrownBy(() -> CatalogRules.skus(List.of()))
			.extracting(e -> ((InvalidInputException) e).field()).isEqualTo("skus");
		assertThatThrownBy(() -> CatalogRules.skus(List.of(sku("500g/盒"), sku("500G/盒"))))
			.extracting(e -> ((InvalidInputException) e).field()).isEqualTo("skus[1].spec");
		var many = java.util.stream.IntStream.range(0, 21).mapToObj(i -> sku(i + "个")).toList();
		assertThatThrownBy(() -> CatalogRules.skus(many))
			.extracting(e -> ((InvalidInputException) e).field()).isEqualTo("skus");
	}

	@Test
	void tagsAreSplitTrimmedDeduplicatedAndLimited() {
		assertThat(CatalogRules.parseTags(" 应季，秋季、 冬储  应季 ")).containsExactly("应季", "秋季", "冬储");
		assertThat(CatalogRules.tags(new LinkedHashSet<>(List.of(" 春季 ", "", "夏季")))).containsExactly("春季", "夏季");
		assertThatThrownBy(() -> CatalogRules.tags(Set.of("这是一个非常非常长的季节标签")))
			.extracting(e -> ((InvalidInputException) e).field()).isEqualTo("seasonalTags");
		var eleven = new LinkedHashSet<String>();
		for (int i = 0; i < 11; i++) {
			eleven.add("t" + i);
		}
		assertThatThrownBy(() -> CatalogRules.tags(eleven))
			.extracting(e -> ((InvalidInputException) e).field()).isEqualTo("seasonalTags");
	}

	@Test
	void categoryNamesAndSortOrdersAreChecked() {
		assertThat(CatalogRules.category(new NewCategory(" 水果 ", null, 3)).name()).isEqualTo("水果");
		assertThatThrownBy(() -> CatalogRules.category(new NewCategory(" ", null, 0)))
			.extracting(e -> ((InvalidInputException) e).field()).isEqualTo("name");
		assertThatThrownBy(() -> CatalogRules.category(new NewCategory("水果", null, -1)))
			.extracting(e -> ((InvalidInputException) e).field()).isEqualTo("sortOrder");
	}
}
