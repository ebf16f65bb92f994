package com.linli.aftersales.requests;

import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import com.linli.StatusMoves;
import com.linli.aftersales.AfterSalesRequestId;
import com.linli.aftersales.AfterSalesRequestUpdated;
import com.linli.aftersales.AfterSalesRequested;
import com.linli.aftersales.RefundApproved;
import com.linli.aftersales.RequestKind;
import com.linli.aftersales.RequestReason;
import com.linli.aftersales.RequestStatus;
import com.linli.aftersales.internal.requests.AfterSalesRequest;
import com.linli.catalog.CategoryId;
import com.linli.catalog.SkuId;
import com.linli.identity.AccountId;
import com.linli.network.PickupPointId;
import com.linli.network.RegionId;
import com.linli.ordering.OrderId;
import com.linli.ordering.OrderLineId;
import com.linli.shared.BusinessRuleException;
import com.linli.shared.Money;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import static com.linli.aftersales.RequestStatus.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The after-sales request lifecycle, plain JUnit: the status enum over every pair, and the aggregate's guarded
 * methods from every status (allowed exactly where the lifecycle allows, refused with a 409 otherwise), with the
 * events they register.
 */
class AfterSalesRequestTests {

	static final Map<RequestStatus, Set<RequestStatus>> ALLOWED = Map.of(
			SUBMITTED, EnumSet.of(INFO_REQUESTED, APPROVED, REJECTED, WITHDRAWN),
			INFO_REQUESTED, EnumSet.of(SUBMITTED, REJECTED, WITHDRAWN),
			APPROVED, EnumSet.of(REFUNDED, EXCHANGED),
			REFUNDED, EnumSet.noneOf(RequestStatus.class),
			EXCHANGED, EnumSet.noneOf(RequestStatus.class),
			REJECTED, EnumSet.noneOf(RequestStatus.class),
			WITHDRAWN, EnumSet.noneOf(RequestStatus.class));

	static final StatusMoves<RequestStatus> MOVES = StatusMoves.of(RequestStatus.class, ALLOWED,
			RequestStatus::canBecome, RequestStatus::next, RequestStatus::to, "illegal-request-transition");

	static final Instant AT = Instant.parse("2026-12-06T02:00:00Z");

	static Stream<Arguments> pairs() {
		return MOVES.pairs();
	}

	@ParameterizedTest(name = "{0} -> {1}")
	@MethodSource("pairs")
	void aStatusMovesOnlyWhereItsLifecycleAllows(RequestStatus from, RequestStatus to) {
		MOVES.check(from, to);
	}

	/** Each move of the aggregate, from every status: allowed exactly where the table says, else a 409. */
	@ParameterizedTest(name = "{0} -> {1}")
	@MethodSource("pairs")
	void theAggregateMovesOnlyWhereItsLifecycleAllows(RequestStatus from, RequestStatus to) {
		RequestKind kind = to == EXCHANGED ? RequestKind.EXCHANGE : RequestKind.REFUND_ONLY;
		var request = in(from, kind, false);
		Runnable move = switch (to) {
			case SUBMITTED -> () -> request.answer(AT);
			case INFO_REQUESTED -> () -> request.askForInfo(7L, "照片看不清", AT);
			case APPROVED -> () -> request.approve(7L, false, AT);
			case REFUNDED -> () -> request.refunded(Money.ofFen(500), "aftersales:AS1", AT);
			case EXCHANGED -> () -> {
				if (from == APPROVED) {
					request.confirmReturn(9, AT);
				}
				request.exchanged("aftersales:test", AT);
			};
			case REJECTED -> () -> request.reject(7L, "不符合", AT);
			case WITHDRAWN -> () -> request.withdraw(AT);
		};
		if (ALLOWED.get(from).contains(to)) {
			move.run();
			assertThat(request.status()).isEqualTo(to);
			assertThat(request.events()).anyMatch(e -> e instanceof AfterSalesRequestUpdated u && u.status() == to);
		}
		else {
			assertThatThrownBy(move::run).isInstanceOf(BusinessRuleException.class);
			assertThat(request.status()).isEqualTo(from);
			assertThat(request.events()).isEmpty();
		}
	}

	@Test
	void aSubmittedRequestRegistersItsFiling() {
		var request = AfterSalesRequest.submitted(new AfterSalesRequestId(1), "AS1", subject(), RequestKind.REFUND_ONLY,
				RequestReason.QUALITY, "烂了", 2, Money.ofFen(1990), "k1", AT);
		assertThat(request.status()).isEqualTo(SUBMITTED);
		assertThat(request.events()).singleElement().isInstanceOfSatisfying(AfterSalesRequested.class, e -> {
			assertThat(e.quantity()).isEqualTo(2);
			assertThat(e.amount()).isEqualTo(Money.ofFen(1990));
		});
	}

	@Test
	void aRefundOnlyIsRefundedOnceApprovedAndRegistersTheRefund() {
		var request = in(SUBMITTED, RequestKind.REFUND_ONLY, false);
		request.approve(null, true, AT);
		assertThat(request.readyToSettle()).isTrue();
		request.refunded(Money.ofFen(995), "aftersales:AS1", AT);
		assertThat(request.refunded()).isEqualTo(Money.ofFen(995));
		assertThat(request.quick()).isTrue();
		assertThat(request.events()).filteredOn(RefundApproved.class::isInstance).singleElement()
			.isInstanceOfSatisfying(RefundApproved.class, e -> assertThat(e.amount()).isEqualTo(Money.ofFen(995)));
		assertThatThrownBy(() -> request.refunded(Money.ofFen(995), "aftersales:AS1", AT))
			.isInstanceOf(BusinessRuleException.class);
	}

	@Test
	void aReturnWaitsForTheLeaderBeforeTheMoney() {
		var request = in(SUBMITTED, RequestKind.RETURN_AND_REFUND, false);
		assertThatThrownBy(() -> request.confirmReturn(9, AT)).isInstanceOf(BusinessRuleException.class);
		request.approve(7L, false, AT);
		assertThat(request.readyToSettle()).isFalse();
		assertThatThrownBy(() -> request.refunded(Money.ofFen(995), "r", AT))
			.isInstanceOfSatisfying(BusinessRuleException.class, e -> assertThat(e.code()).isEqualTo("return-not-collected"));
		request.confirmReturn(9, AT);
		assertThatThrownBy(() -> request.confirmReturn(9, AT)).isInstanceOf(BusinessRuleException.class);
		assertThat(request.readyToSettle()).isTrue();
		request.refunded(Money.ofFen(995), "r", AT);
		assertThat(request.status()).isEqualTo(REFUNDED);
	}

	@Test
	void aRefundOnlyHasNothingToReturn() {
		var request = in(APPROVED, RequestKind.REFUND_ONLY, false);
		assertThatThrownBy(() -> request.confirmReturn(9, AT))
			.isInstanceOfSatisfying(BusinessRuleException.class, e -> assertThat(e.code()).isEqualTo("no-return"));
	}

	@Test
	void anExchangeIsNeverRefundedAndARefundNeverExchanged() {
		var exchange = in(APPROVED, RequestKind.EXCHANGE, true);
		assertThatThrownBy(() -> exchange.refunded(Money.ofFen(1), "r", AT)).isInstanceOf(BusinessRuleException.class);
		var refund = in(APPROVED, RequestKind.REFUND_ONLY, false);
		assertThatThrownBy(() -> refund.exchanged("aftersales:test", AT)).isInstanceOf(BusinessRuleException.class);
	}

	static AfterSalesRequest in(RequestStatus status, RequestKind kind, boolean collected) {
		return new AfterSalesRequest(new AfterSalesRequestId(1), "AS1", subject(), kind, RequestReason.QUALITY, null, 1,
				Money.ofFen(995), "k", AT, status, false, null, null, null, null, collected ? AT : null,
				collected ? 9L : null, null, null, 3);
	}

	static AfterSalesRequest.Subject subject() {
		return new AfterSalesRequest.Subject(new AccountId(5), new OrderId(10), "O10", new OrderLineId(11),
				new RegionId(1), new PickupPointId(2), LocalDate.of(2026, 12, 5), new SkuId(3), 4L, new CategoryId(6),
				8L, "苹果 5斤", true);
	}
}
