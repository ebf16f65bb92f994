package com.linli.leader.recruitment;

import com.linli.leader.IdNumbers;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/** GB 11643 ID numbers: the check character (ISO 7064 MOD 11-2), the birth date, and the mask kept. */
class IdNumbersTests {

	@Test
	void theCheckCharacterFollowsTheStandardsWeights() {
		// the standard's own example: 11010519491231002X
		assertThat(IdNumbers.checkCharacter("11010519491231002")).isEqualTo('X');
		assertThat(IdNumbers.valid("11010519491231002X")).isTrue();
		assertThat(IdNumbers.valid("11010519491231002x")).isTrue();
		// 440524188001010014 is valid (check 4)
		assertThat(IdNumbers.checkCharacter("44052418800101001")).isEqualTo('4');
		assertThat(IdNumbers.valid("440524188001010014")).isFalse(); // 1880: before 1900
		assertThat(IdNumbers.valid("330106199001011230".substring(0, 17) + IdNumbers.checkCharacter("33010619900101123")))
			.isTrue();
	}

	@ParameterizedTest
	@ValueSource(strings = { "110105194912310021", "11010519491231002", "1101051949123100200", "11010519491331002X",
			"11010519490230002X", "A1010519491231002X", "", "11010519491231002Y" })
	void malformedNumbersAreRefused(String number) {
		assertThat(IdNumbers.valid(number)).isFalse();
	}

	@Test
	void aNullIsNotANumber() {
		assertThat(IdNumbers.valid(null)).isFalse();
	}

	@Test
	void onlyTheFirstFourAndLastFourAreKept() {
		assertThat(IdNumbers.mask("11010519491231002x")).isEqualTo("1101**********002X");
		assertThat(IdNumbers.mask("330106199001011234")).isEqualTo("3301**********1234");
	}
}
