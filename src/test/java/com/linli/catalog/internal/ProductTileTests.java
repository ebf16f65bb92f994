package com.linli.catalog.internal;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ProductTileTests {

	@Test
	void showsTheFirstTwoCharactersLargeAndTheSpecSmall() {
		String svg = ProductTile.svg("红富士苹果", "500g/盒", 3);
		assertThat(svg).startsWith("<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 200 200\"");
		assertThat(svg).contains(">红富</text>").contains(">500g/盒</text>");
		assertThat(svg).contains("aria-label=\"红富士苹果 500g/盒\"");
		assertThat(svg).contains(ProductTile.coloursOf(3).background());
	}

	@Test
	void theColourFollowsTheCategory() {
		assertThat(ProductTile.coloursOf(1)).isNotEqualTo(ProductTile.coloursOf(2));
		assertThat(ProductTile.coloursOf(1)).isEqualTo(ProductTile.coloursOf(1 + ProductTile.PALETTE.size()));
		assertThat(ProductTile.svg("苹果", null, 7)).contains(ProductTile.coloursOf(7).background());
	}

	@Test
	void skipsPunctuationAndKeepsSurrogatePairsWhole() {
		assertThat(ProductTile.initials("【精选】土鸡蛋")).isEqualTo("精选");
		assertThat(ProductTile.initials("  Coca Cola")).isEqualTo("Co");
		assertThat(ProductTile.initials("𠀀𠀁鲜")).isEqualTo("𠀀𠀁");
		assertThat(ProductTile.initials("!!!")).isEqualTo("?");
	}

	@Test
	void escapesMarkupSoANameCannotInjectIntoTheSvg() {
		String svg = ProductTile.svg("<script>alert('x')</script>", "1\"<b>", 1);
		assertThat(svg).doesNotContain("<script>").doesNotContain("<b>");
		assertThat(svg).contains("&lt;script&gt;").contains("1&quot;&lt;b&gt;");
	}

	@Test
	void shortensALongSpecAndLeavesItOutWhenThereIsNone() {
		assertThat(ProductTile.shorten("5斤装 精品大果 礼盒 顺丰冷链")).isEqualTo("5斤装 精品大…");
		assertThat(ProductTile.ems(ProductTile.shorten("1串约800g装礼盒特惠"))).isLessThanOrEqualTo(8.0);
		assertThat(ProductTile.shorten("500g/盒")).isEqualTo("500g/盒");
		String svg = ProductTile.svg("苹果", null, 1);
		assertThat(svg).doesNotContain("class=\"s\"");
		assertThat(svg).contains("y=\"100\"");
	}
}
