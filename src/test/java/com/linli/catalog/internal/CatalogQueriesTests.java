package com.linli.catalog.internal;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class CatalogQueriesTests {

	@Test
	void splitsASearchIntoAtMostFiveWordsOnAnyKindOfSpace() {
		assertThat(CatalogQueries.terms(" 土鸡蛋\u300030枚  ")).containsExactly("土鸡蛋", "30枚");
		assertThat(CatalogQueries.terms("a b c d e f g")).hasSize(5);
		assertThat(CatalogQueries.terms("苹果 苹果")).containsExactly("苹果");
		assertThat(CatalogQueries.terms("   ")).isEmpty();
		assertThat(CatalogQueries.terms(null)).isEmpty();
	}

	@Test
	void likeWildcardsInUserInputMatchThemselves() {
		assertThat(CatalogQueries.escapeLike("100%_纯\\")).isEqualTo("100\\%\\_纯\\\\");
	}
}
