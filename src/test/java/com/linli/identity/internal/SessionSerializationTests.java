package com.linli.identity.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import com.linli.shared.Money;
import org.junit.jupiter.api.Test;

import org.springframework.validation.BeanPropertyBindingResult;
import org.springframework.web.servlet.FlashMap;

import static org.assertj.core.api.Assertions.assertThat;

/** Flash attributes that are records, plain form objects and optionals survive a trip through the session's bytes. */
class SessionSerializationTests {

	record Line(String name, int quantity, Money paid) {
	}

	record Receipt(long id, LocalDate day, List<Line> lines, Optional<String> note) {
	}

	static class TypedForm {

		private final String reason;

		private Long regionId;

		private final List<Line> lines = new ArrayList<>();

		TypedForm(String reason) {
			this.reason = reason;
		}
	}

	@Test
	void recordsFormsAndOptionalsComeBackEqual() {
		var receipt = new Receipt(7, LocalDate.of(2026, 12, 7), List.of(new Line("苹果", 2, Money.ofFen(1990))),
				Optional.of("短少 1"));
		var form = new TypedForm("坏果");
		form.regionId = 3L;
		form.lines.add(new Line("梨", 1, Money.ofFen(500)));
		var flash = new FlashMap();
		flash.put("received", receipt);
		flash.put("typed", form);
		flash.put("requested", Money.ofFen(5000));
		var errors = new BeanPropertyBindingResult(form, "typed");
		errors.reject("bad");
		flash.put("errors", errors);

		Object back = SessionSerialization.read(SessionSerialization.write(new ArrayList<>(List.of(flash))),
				getClass().getClassLoader());

		var map = (FlashMap) ((List<?>) back).get(0);
		assertThat(map.get("received")).isEqualTo(receipt);
		assertThat(map.get("requested")).isEqualTo(Money.ofFen(5000));
		var typed = (TypedForm) map.get("typed");
		assertThat(typed.reason).isEqualTo("坏果");
		assertThat(typed.regionId).isEqualTo(3L);
		assertThat(typed.lines).containsExactly(new Line("梨", 1, Money.ofFen(500)));
		var bound = (BeanPropertyBindingResult) map.get("errors");
		assertThat(bound.getGlobalErrors()).hasSize(1);
		assertThat(((TypedForm) bound.getTarget()).reason).isEqualTo("坏果");
	}
}
