package com.linli.supply;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Stream;

import com.linli.catalog.SkuId;
import com.linli.network.RegionId;
import com.linli.network.WarehouseId;
import com.linli.shared.BusinessRuleException;
import com.linli.shared.InvalidInputException;
import com.linli.shared.Money;
import com.linli.shared.SupplierId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import static com.linli.supply.PurchaseOrderStatus.CANCELLED;
import static com.linli.supply.PurchaseOrderStatus.CONFIRMED;
import static com.linli.supply.PurchaseOrderStatus.DELIVERED;
import static com.linli.supply.PurchaseOrderStatus.DRAFT;
import static com.linli.supply.PurchaseOrderStatus.SENT;
import static com.linli.supply.PurchaseOrderStatus.SETTLED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The rules of a purchase order, without Spring: every move of its status, every refusal, and its amounts. */
class PurchaseOrderTests {

	static final Instant NOW = Instant.parse("2026-03-09T18:00:00Z");

	static final LocalDate TODAY = LocalDate.of(2026, 3, 10);

	static final Instant EARLIER = NOW.minusSeconds(3600);

	/** Eggs: 10 ordered at 18.00, 8 of them for the demand; milk: 6 at 5.50, all for the demand. */
	static PurchaseOrderLine eggs() {
		return new PurchaseOrderLine(1, new SkuId(11), "鸡蛋 30枚", "盒", Money.ofYuan("18.00"), 10, null, 8, null, null,
				null, null, null, null);
	}

	static PurchaseOrderLine milk() {
		return new PurchaseOrderLine(2, new SkuId(12), "牛奶 1L", "瓶", Money.ofYuan("5.50"), 6, null, 6, null, null,
				null, null, null, null);
	}

	static PurchaseOrder order(PurchaseOrderStatus status, PurchaseOrderLine... lines) {
		boolean sent = status != DRAFT && status != CANCELLED;
		boolean confirmed = EnumSet.of(CONFIRMED, DELIVERED, SETTLED).contains(status);
		boolean delivered = EnumSet.of(DELIVERED, SETTLED).contains(status);
		return new PurchaseOrder(new PurchaseOrderId(7), "PO20260310-000007", new SupplierId(3), "青岛鲜蛋",
				new RegionId(1), new WarehouseId(2), 5L, TODAY, status, NOW.plusSeconds(36_000), null, EARLIER,
				sent ? EARLIER : null, confirmed ? EARLIER : null, delivered ? EARLIER : null,
				status == SETTLED ? EARLIER : null, status == CANCELLED ? EARLIER : null, status == SETTLED ? 9L : null,
				List.of(lines), 4);
	}

	static PurchaseOrder order(PurchaseOrderStatus status) {
		return order(status, eggs(), milk());
	}

	static ReceiptLine all(PurchaseOrderLine line) {
		return new ReceiptLine(line.id(), line.toDeliver(), 0, null, "B-" + line.id(), TODAY.minusDays(1));
	}

	static void assertRefusedNaming(PurchaseOrderStatus status, Runnable move) {
		assertThatThrownBy(move::run).isInstanceOfSatisfying(BusinessRuleException.class, e -> {
			assertThat(e.code()).isEqualTo("purchase-order-status");
			assertThat(Arrays.asList(e.text().args())).contains(status.name());
		});
	}

	// --- the status owns its moves ---

	static final Map<PurchaseOrderStatus, Set<PurchaseOrderStatus>> ALLOWED = Map.of(DRAFT, Set.of(SENT, CANCELLED),
			SENT, Set.of(CONFIRMED, CANCELLED), CONFIRMED, Set.of(DELIVERED), DELIVERED, Set.of(SETTLED), SETTLED,
			Set.of(), CANCELLED, Set.of());

	static Stream<Arguments> everyPair() {
		List<Arguments> pairs = new ArrayList<>();
		for (var from : PurchaseOrderStatus.values()) {
			for (var to : PurchaseOrderStatus.values()) {
				pairs.add(Arguments.of(from, to));
			}
		}
		return pairs.stream();
	}

	@ParameterizedTest(name = "{0} -> {1}")
	@MethodSource("everyPair")
	void aStatusBecomesOnlyWhatItsMovesAllow(PurchaseOrderStatus from, PurchaseOrderStatus to) {
		boolean allowed = ALLOWED.get(from).contains(to);
		assertThat(from.canBecome(to)).isEqualTo(allowed);
		assertThat(from.next().contains(to)).isEqualTo(allowed);
		if (allowed) {
			assertThat(from.to(to)).isEqualTo(to);
		}
		else {
			assertThatThrownBy(() -> from.to(to)).isInstanceOfSatisfying(BusinessRuleException.class, e -> {
				assertThat(e.code()).isEqualTo("purchase-order-status");
				assertThat(e.text().code()).isEqualTo("supply.problem.illegalTransition");
				assertThat(e.text().args()).containsExactly(from.name(), to.name());
			});
		}
	}

	@Test
	void settledAndCancelledAreFinal() {
		assertThat(SETTLED.next()).isEmpty();
		assertThat(CANCELLED.next()).isEmpty();
	}

	// --- every state change of the order, from every status ---

	/** A state change of the order, the statuses it is allowed from, and the status it leads to. */
	record Move(String name, Set<PurchaseOrderStatus> from, PurchaseOrderStatus to,
			Function<PurchaseOrder, PurchaseOrder> apply) {

		@Override
		public String toString() {
			return name;
		}
	}

	static final List<Move> MOVES = List.of(
			new Move("changeLine", EnumSet.of(DRAFT), DRAFT, po -> po.changeLine(1, 12)),
			new Move("send", EnumSet.of(DRAFT), SENT, po -> po.send(NOW)),
			new Move("cancel", EnumSet.of(DRAFT, SENT), CANCELLED, po -> po.cancel(NOW)),
			new Move("confirm", EnumSet.of(SENT), CONFIRMED, po -> po.confirm(Map.of(), NOW)),
			new Move("announce", EnumSet.of(SENT, CONFIRMED), null, po -> po.announce(NOW.plusSeconds(3600), NOW)),
			new Move("receive in part", EnumSet.of(SENT, CONFIRMED), null,
					po -> po.receive(List.of(all(po.line(1))), TODAY, NOW).order()),
			new Move("receive in full", EnumSet.of(SENT, CONFIRMED), DELIVERED,
					po -> po.receive(List.of(all(po.line(1)), all(po.line(2))), TODAY, NOW).order()),
			new Move("settle", EnumSet.of(DELIVERED), SETTLED, po -> po.settle(NOW)));

	static Stream<Arguments> everyMoveFromEveryStatus() {
		List<Arguments> cases = new ArrayList<>();
		for (var move : MOVES) {
			for (var status : PurchaseOrderStatus.values()) {
				cases.add(Arguments.of(move, status));
			}
		}
		return cases.stream();
	}

	@ParameterizedTest(name = "{0} from {1}")
	@MethodSource("everyMoveFromEveryStatus")
	void everyMoveIsAllowedFromItsStatusesAndRefusedNamingTheStatusFromAllOthers(Move move,
			PurchaseOrderStatus status) {
		var po = order(status);
		if (move.from().contains(status)) {
			var after = move.apply().apply(po);
			assertThat(after.status()).isEqualTo(move.to() == null ? status : move.to());
			assertThat(after.version()).as("the repository bumps the version, not the aggregate").isEqualTo(4);
		}
		else {
			assertRefusedNaming(status, () -> move.apply().apply(po));
		}
	}

	// --- drafts ---

	@Test
	void changingADraftLineChangesItsAmountAndZeroDropsIt() {
		var po = order(DRAFT);
		assertThat(po.amount()).isEqualTo(Money.ofYuan("213.00"));
		assertThat(po.units()).isEqualTo(16);
		var changed = po.changeLine(1, 12);
		assertThat(changed.line(1).ordered()).isEqualTo(12);
		assertThat(changed.amount()).isEqualTo(Money.ofYuan("249.00"));
		var dropped = po.changeLine(2, 0);
		assertThat(dropped.lines()).extracting(PurchaseOrderLine::id).containsExactly(1L);
		assertThat(dropped.amount()).isEqualTo(Money.ofYuan("180.00"));
		assertThat(po.lines()).hasSize(2);
	}

	@Test
	void aLineQuantityOutOfRangeOrAnotherOrdersLineIsRefused() {
		var po = order(DRAFT);
		assertThatThrownBy(() -> po.changeLine(1, -1)).isInstanceOfSatisfying(InvalidInputException.class,
				e -> assertThat(e.field()).isEqualTo("ordered"));
		assertThatThrownBy(() -> po.changeLine(1, 1_000_001)).isInstanceOf(InvalidInputException.class);
		assertThatThrownBy(() -> po.changeLine(99, 3)).isInstanceOfSatisfying(InvalidInputException.class,
				e -> assertThat(e.field()).isEqualTo("lines.99"));
	}

	@Test
	void sendingStampsTheTimeAndADraftWithNothingToOrderIsNotSent() {
		var sent = order(DRAFT).send(NOW);
		assertThat(sent.sentAt()).isEqualTo(NOW);
		var empty = order(DRAFT, eggs().withOrdered(0));
		assertThatThrownBy(() -> empty.send(NOW)).isInstanceOfSatisfying(BusinessRuleException.class,
				e -> assertThat(e.code()).isEqualTo("purchase-order-empty"));
		assertThatThrownBy(() -> order(DRAFT).changeLine(1, 0).changeLine(2, 0).send(NOW))
			.isInstanceOf(BusinessRuleException.class);
	}

	@Test
	void cancellingStampsTheTime() {
		assertThat(order(SENT).cancel(NOW).cancelledAt()).isEqualTo(NOW);
	}

	// --- the supplier's confirmation ---

	@Test
	void confirmingInFullConfirmsEveryLineAsOrdered() {
		var confirmed = order(SENT).confirm(null, NOW);
		assertThat(confirmed.confirmedAt()).isEqualTo(NOW);
		assertThat(confirmed.lines()).extracting(PurchaseOrderLine::confirmed).containsExactly(10, 6);
		assertThat(confirmed.amount()).isEqualTo(Money.ofYuan("213.00"));
	}

	@Test
	void confirmingShortLowersWhatIsToBeDelivered() {
		var confirmed = order(SENT).confirm(Map.of(1L, 7, 2L, 0), NOW);
		assertThat(confirmed.line(1).toDeliver()).isEqualTo(7);
		assertThat(confirmed.line(2).toDeliver()).isZero();
		assertThat(confirmed.line(1).ordered()).isEqualTo(10);
	}

	@Test
	void aConfirmedQuantityMustLieBetweenZeroAndTheOrderedOne() {
		var po = order(SENT);
		assertThatThrownBy(() -> po.confirm(Map.of(1L, 11), NOW)).isInstanceOfSatisfying(InvalidInputException.class,
				e -> assertThat(e.field()).isEqualTo("lines.1"));
		assertThatThrownBy(() -> po.confirm(Map.of(1L, -1), NOW)).isInstanceOf(InvalidInputException.class);
		assertThatThrownBy(() -> po.confirm(Map.of(99L, 1), NOW)).isInstanceOfSatisfying(InvalidInputException.class,
				e -> assertThat(e.field()).isEqualTo("lines.99"));
	}

	@Test
	void anAnnouncedDeliveryLiesWithinTheNextSixtyDays() {
		var po = order(CONFIRMED);
		assertThat(po.announce(NOW.plusSeconds(7200), NOW).announcedAt()).isEqualTo(NOW.plusSeconds(7200));
		assertThatThrownBy(() -> po.announce(null, NOW)).isInstanceOf(InvalidInputException.class);
		assertThatThrownBy(() -> po.announce(NOW.minusSeconds(7200), NOW)).isInstanceOf(InvalidInputException.class);
		assertThatThrownBy(() -> po.announce(NOW.plusSeconds(61L * 86_400), NOW))
			.isInstanceOf(InvalidInputException.class);
	}

	// --- receiving ---

	@Test
	void receivingEveryLineDeliversTheOrderAndAcceptedUnitsMakeTheAcceptedAmount() {
		var po = order(CONFIRMED);
		var eggs = new ReceiptLine(1, 9, 1, RejectReason.DAMAGE, " B-1 ", TODAY.minusDays(1));
		var done = po.receive(List.of(eggs, all(po.line(2))), TODAY, NOW);
		var after = done.order();
		assertThat(after.status()).isEqualTo(DELIVERED);
		assertThat(after.deliveredAt()).isEqualTo(NOW);
		assertThat(after.confirmedAt()).isEqualTo(EARLIER);
		assertThat(after.acceptedAmount()).isEqualTo(Money.ofYuan("195.00"));
		assertThat(after.line(1).batchNo()).isEqualTo("B-1");
		assertThat(after.line(1).rejectReason()).isEqualTo(RejectReason.DAMAGE);
		assertThat(done.received()).extracting(PurchaseOrderLine::id).containsExactly(1L, 2L);
		assertThat(done.goodsReceived().lines()).extracting(GoodsReceived.Line::accepted).containsExactly(9, 6);
		assertThat(done.goodsReceived().at()).isEqualTo(NOW);
	}

	@Test
	void anOrderReceivedBeforeTheSupplierConfirmedIsConfirmedOnTheWayToDelivered() {
		var po = order(SENT);
		var after = po.receive(List.of(all(po.line(1)), all(po.line(2))), TODAY, NOW).order();
		assertThat(after.status()).isEqualTo(DELIVERED);
		assertThat(after.confirmedAt()).isEqualTo(NOW);
	}

	@Test
	void aPartialReceiptKeepsTheStatusAndALineIsReceivedOnce() {
		var po = order(CONFIRMED);
		var after = po.receive(List.of(all(po.line(1))), TODAY, NOW).order();
		assertThat(after.status()).isEqualTo(CONFIRMED);
		assertThat(after.line(1).received()).isTrue();
		assertThat(after.line(2).received()).isFalse();
		assertThat(after.fullyReceived()).isFalse();
		assertThatThrownBy(() -> after.receive(List.of(all(po.line(1))), TODAY, NOW))
			.isInstanceOfSatisfying(BusinessRuleException.class, e -> assertThat(e.code()).isEqualTo("line-received"));
		assertThat(after.receive(List.of(all(po.line(2))), TODAY, NOW).order().status()).isEqualTo(DELIVERED);
	}

	@Test
	void linesWithNothingToDeliverAreReceivedWithTheFirstReceipt() {
		var po = order(SENT).confirm(Map.of(2L, 0), NOW);
		var done = po.receive(List.of(all(po.line(1))), TODAY, NOW);
		assertThat(done.received()).extracting(PurchaseOrderLine::id).containsExactly(1L, 2L);
		assertThat(done.order().status()).isEqualTo(DELIVERED);
		assertThat(done.order().line(2).accepted()).isZero();
	}

	@Test
	void whatTheDemandMissedIsWhatWasNotAccepted() {
		var po = order(SENT).confirm(Map.of(1L, 5), NOW);
		var after = po.receive(List.of(new ReceiptLine(1, 4, 1, RejectReason.QUALITY, "B", TODAY),
				new ReceiptLine(2, 6, 0, null, "M", TODAY)), TODAY, NOW).order();
		assertThat(after.line(1).missingForDemand()).isEqualTo(4);
		assertThat(after.line(2).missingForDemand()).isZero();
		assertThat(po.line(1).missingForDemand()).as("not received yet").isZero();
		// the demand's 8 eggs were topped up to 10 for the MOQ: 9 accepted leave nothing missing
		var topped = order(CONFIRMED).receive(List.of(new ReceiptLine(1, 9, 0, null, "B", TODAY)), TODAY, NOW).order();
		assertThat(topped.line(1).missingForDemand()).isZero();
	}

	@Test
	void aReceiptIsCheckedLineByLine() {
		var po = order(CONFIRMED);
		assertInvalid(po, new ReceiptLine(1, 11, 0, null, "B", TODAY), "lines.1");
		assertInvalid(po, new ReceiptLine(1, -1, 0, null, "B", TODAY), "lines.1");
		assertInvalid(po, new ReceiptLine(1, 5, 1, null, "B", TODAY), "lines.1.rejectReason");
		assertInvalid(po, new ReceiptLine(1, 5, 0, null, " ", TODAY), "lines.1.batchNo");
		assertInvalid(po, new ReceiptLine(1, 5, 0, null, "B".repeat(41), TODAY), "lines.1.batchNo");
		assertInvalid(po, new ReceiptLine(1, 5, 0, null, "B", null), "lines.1.productionDate");
		assertInvalid(po, new ReceiptLine(1, 5, 0, null, "B", TODAY.plusDays(1)), "lines.1.productionDate");
		assertInvalid(po, new ReceiptLine(1, 5, 0, null, "B", TODAY.minusYears(3).minusDays(1)),
				"lines.1.productionDate");
		assertInvalid(po, new ReceiptLine(99, 1, 0, null, "B", TODAY), "lines.99");
		assertThatThrownBy(() -> po.receive(List.of(all(po.line(1)), all(po.line(1))), TODAY, NOW))
			.isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("lines.1"));
		assertThatThrownBy(() -> po.receive(List.of(), TODAY, NOW))
			.isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("lines"));
		// only rejected units need neither a batch nor a production date
		var rejected = po.receive(List.of(new ReceiptLine(1, 0, 10, RejectReason.WRONG_ITEM, null, null)), TODAY, NOW);
		assertThat(rejected.order().line(1).batchNo()).isNull();
		assertThat(rejected.order().acceptedAmount()).isEqualTo(Money.ZERO);
	}

	static void assertInvalid(PurchaseOrder po, ReceiptLine line, String field) {
		assertThatThrownBy(() -> po.receive(List.of(line), TODAY, NOW))
			.isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo(field));
	}

	// --- settling ---

	@Test
	void settlingStampsTheTime() {
		assertThat(order(DELIVERED).settle(NOW).settledAt()).isEqualTo(NOW);
	}

	@Test
	void theRunReferenceNamesTheCutoffRun() {
		assertThat(order(DRAFT).runReference()).isEqualTo("cutoff-run:5");
	}
}
