package com.linli.ordering.internal;

import java.util.ArrayList;
import java.util.List;

import com.linli.identity.AccountId;
import com.linli.marketing.ListingId;
import com.linli.ordering.OrderItem;
import com.linli.ordering.PlaceOrder;
import com.linli.shared.InvalidInputException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The rules of a submit, written once and asked by the sold-out gate and the placement service alike
 * (before, the gate's hand check, the request's bean validation and the service each wrote them).
 */
class SubmitRulesTests {

	private final SubmitRules rules = new SubmitRules(null, new RecentSubmits(), null);

	private static PlaceOrder submit(List<OrderItem> items, String note) {
		return new PlaceOrder(new AccountId(1), "k-1", items, note);
	}

	private static OrderItem item(Long listing, int quantity) {
		return new OrderItem(listing == null ? null : new ListingId(listing), quantity);
	}

	@Test
	void aValidSubmitPasses() {
		assertThatCode(() -> rules.check(submit(List.of(item(1L, 1)), null))).doesNotThrowAnyException();
		assertThatCode(() -> rules.check(submit(List.of(item(1L, 99), item(2L, 3)), "请放门口"))).doesNotThrowAnyException();
		var forty = new ArrayList<OrderItem>();
		for (long i = 1; i <= 40; i++) {
			forty.add(item(i, 1));
		}
		assertThatCode(() -> rules.check(submit(forty, null))).doesNotThrowAnyException();
	}

	@Test
	void eachBrokenRuleNamesItsField() {
		assertThat(field(submit(List.of(), null))).isEqualTo("items");
		assertThat(field(submit(List.of(item(1L, 0)), null))).isEqualTo("items[0].quantity");
		assertThat(field(submit(List.of(item(1L, 100)), null))).isEqualTo("items[0].quantity");
		assertThat(field(submit(List.of(item(1L, -1)), null))).isEqualTo("items[0].quantity");
		assertThat(field(submit(List.of(item(1L, 1), item(null, 1)), null))).isEqualTo("items[1].listingId");
		assertThat(field(submit(List.of(item(1L, 1), item(1L, 2)), null))).isEqualTo("items[1].listingId");
		assertThat(field(submit(List.of(item(1L, 1)), "长".repeat(201)))).isEqualTo("note");
		var fortyOne = new ArrayList<OrderItem>();
		for (long i = 1; i <= 41; i++) {
			fortyOne.add(item(i, 1));
		}
		assertThat(field(submit(fortyOne, null))).isEqualTo("items");
		assertThat(field(new PlaceOrder(new AccountId(1), " ", List.of(item(1L, 1))))).isEqualTo("Idempotency-Key");
		assertThat(field(new PlaceOrder(new AccountId(1), "k".repeat(81), List.of(item(1L, 1))))).isEqualTo("Idempotency-Key");
	}

	private String field(PlaceOrder command) {
		var thrown = org.assertj.core.api.Assertions.catchThrowableOfType(InvalidInputException.class, () -> rules.check(command));
		assertThat(thrown).as(String.valueOf(command)).isNotNull();
		return thrown.field();
	}

	@Test
	void theGateAsksTheSameRules() {
		assertThatThrownBy(() -> rules.refusalWithoutDatabase(submit(List.of(item(1L, 0)), null)))
			.isInstanceOf(InvalidInputException.class);
	}
}
