package com.linli.ordering.internal.web;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import com.linli.ordering.internal.web.OrderRestController.ItemRequest;
import com.linli.ordering.internal.web.OrderRestController.PlaceOrderRequest;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The gate's hand-written check says what the request's constraints say, so it never answers a request MVC would refuse. */
class SoldOutGateTests {

	private final Validator validator = Validation.buildDefaultValidatorFactory().getValidator();

	@Test
	void theHandCheckAgreesWithBeanValidation() {
		List<PlaceOrderRequest> cases = new ArrayList<>();
		cases.add(new PlaceOrderRequest(null));
		cases.add(new PlaceOrderRequest(List.of()));
		cases.add(new PlaceOrderRequest(List.of(new ItemRequest(1L, 1))));
		cases.add(new PlaceOrderRequest(List.of(new ItemRequest(1L, 99), new ItemRequest(2L, 3))));
		cases.add(new PlaceOrderRequest(List.of(new ItemRequest(1L, 0))));
		cases.add(new PlaceOrderRequest(List.of(new ItemRequest(1L, 100))));
		cases.add(new PlaceOrderRequest(List.of(new ItemRequest(1L, -1))));
		cases.add(new PlaceOrderRequest(List.of(new ItemRequest(null, 1))));
		cases.add(new PlaceOrderRequest(Arrays.asList(new ItemRequest(1L, 1), null)));
		var forty = new ArrayList<ItemRequest>();
		for (long i = 1; i <= 40; i++) {
			forty.add(new ItemRequest(i, 1));
		}
		cases.add(new PlaceOrderRequest(forty));
		var fortyOne = new ArrayList<>(forty);
		fortyOne.add(new ItemRequest(41L, 1));
		cases.add(new PlaceOrderRequest(fortyOne));
		cases.add(new PlaceOrderRequest(List.of(new ItemRequest(1L, 1)), "请放门口"));
		cases.add(new PlaceOrderRequest(List.of(new ItemRequest(1L, 1)), "长".repeat(201)));
		for (var request : cases) {
			boolean beanValid = validator.validate(request).isEmpty()
					&& request.items().stream().allMatch(java.util.Objects::nonNull);
			assertThat(SoldOutGate.valid(request)).as(String.valueOf(request)).isEqualTo(beanValid);
		}
	}
}
