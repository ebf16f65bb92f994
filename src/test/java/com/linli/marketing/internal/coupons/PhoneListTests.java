package com.linli.marketing.internal.coupons;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The phones of a push as operators paste or upload them. */
class PhoneListTests {

	@Test
	void pastedPhonesOnePerLineOrSeparatedCountOnceEach() {
		assertThat(PhoneList.parse("13800000001\n13800000002, 13800000003；13800000001\n\n +86 138-0000-0004 "))
			.containsExactly("13800000001", "13800000002", "13800000003", "13800000004");
	}

	@Test
	void aCsvGivesItsFirstColumnAndSkipsItsHeader() {
		assertThat(PhoneList.parse("手机号,姓名\r\n13800000001,张三\r\n\"13800000002\",李四\r\n"))
			.containsExactly("13800000001", "13800000002");
	}

	@Test
	void whatIsNotAPhoneIsKeptAsWrittenToBeReported() {
		assertThat(PhoneList.parse("1380000000x1 12345")).containsExactly("1380000000x1", "12345");
		assertThat(PhoneList.parse(null)).isEmpty();
	}
}
