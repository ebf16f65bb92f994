package com.linli.aftersales.help;

import java.util.List;

import com.linli.aftersales.FaqEntry;
import com.linli.aftersales.FaqId;
import com.linli.aftersales.internal.help.FaqSearch;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class FaqSearchTests {

	static final List<FaqEntry> FAQ = List.of(
			faq(1, "怎么下单？", "选择商品加入购物车，提交订单并支付。"),
			faq(2, "在哪里取货？自提点在哪？", "订单详情页显示自提点的地址和营业时间。"),
			faq(3, "怎么取货？取货码在哪里看？", "到货后凭取货码到自提点取货。"),
			faq(4, "退款多久到账？", "退款审核通过后原路退回，一般 1–3 个工作日到账。"),
			faq(5, "收到的商品有质量问题怎么办？", "在订单详情页申请售后，可以仅退款或退货退款。"),
			faq(6, "优惠券怎么使用？", "下单时自动选择最优的优惠券。"),
			faq(7, "VIP 会员有什么好处？", "会员价和积分加倍。"));

	static FaqEntry faq(long id, String question, String answer) {
		return new FaqEntry(new FaqId(id), 1, "分类", question, answer, (int) id, true, null);
	}

	static List<Long> ids(String query) {
		return FaqSearch.rank(query, FAQ, 10).stream().map(f -> f.id().value()).toList();
	}

	@Test
	void aQuestionWhoseWordsAreInTheQuestionComesBeforeOneWithThemInTheAnswer() {
		assertThat(ids("退款")).startsWith(4L).contains(5L).doesNotContain(1L, 2L, 3L, 6L);
	}

	@Test
	void pairsOfCharactersFindChineseWithoutSpaces() {
		assertThat(ids("怎么取货").get(0)).isEqualTo(3L);
		assertThat(ids("自提点在哪").get(0)).isEqualTo(2L);
		assertThat(ids("取货码").get(0)).isEqualTo(3L);
	}

	@Test
	void aCommonWordAloneWeighsLessThanARareOne() {
		// 怎么 is in three questions, 下单 in one: the ordering question wins
		assertThat(ids("怎么下单").get(0)).isEqualTo(1L);
	}

	@Test
	void lettersAndASingleCharacterAreTermsToo() {
		assertThat(ids("vip")).containsExactly(7L);
		assertThat(ids("券")).containsExactly(6L);
	}

	@Test
	void nothingForABlankOrUnrelatedQuery() {
		assertThat(ids("  ")).isEmpty();
		assertThat(ids(null)).isEmpty();
		assertThat(ids("量子力学")).isEmpty();
		assertThat(ids("？！，")).isEmpty();
	}

	@Test
	void questionsSharingOnlyACommonWordAreLeftOut() {
		// 怎么 alone ties 怎么取货 to 怎么下单 and 优惠券怎么使用: they are noise beside the question about pickup
		assertThat(ids("怎么取货")).doesNotContain(1L, 6L);
	}
}
