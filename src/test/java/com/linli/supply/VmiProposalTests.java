package com.linli.supply;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import com.linli.StatusMoves;
import com.linli.catalog.SkuId;
import com.linli.network.RegionId;
import com.linli.network.WarehouseId;
import com.linli.shared.BusinessRuleException;
import com.linli.shared.InvalidInputException;
import com.linli.shared.SupplierId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import static com.linli.supply.VmiProposalStatus.APPROVED;
import static com.linli.supply.VmiProposalStatus.PROPOSED;
import static com.linli.supply.VmiProposalStatus.REJECTED;
import static com.linli.supply.VmiProposalStatus.WITHDRAWN;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A VMI proposal's lifecycle, every pair of statuses, and the aggregate's moves: plain JUnit. */
class VmiProposalTests {

	private static final Map<VmiProposalStatus, Set<VmiProposalStatus>> ALLOWED = Map.of(PROPOSED,
			Set.of(APPROVED, REJECTED, WITHDRAWN), APPROVED, Set.of(), REJECTED, Set.of(), WITHDRAWN, Set.of());

	private static final StatusMoves<VmiProposalStatus> MOVES = StatusMoves.of(VmiProposalStatus.class, ALLOWED,
			VmiProposalStatus::canBecome, VmiProposalStatus::next, VmiProposalStatus::to, "vmi-proposal-status");

	static final Instant T = Instant.parse("2026-12-06T02:00:00Z");

	static Stream<Arguments> pairs() {
		return MOVES.pairs();
	}

	static VmiProposal in(VmiProposalStatus status) {
		return new VmiProposal(7, new SupplierId(3), "烟台果园", new SkuId(11), new RegionId(1), new WarehouseId(5), 36,
				LocalDate.of(2026, 12, 8), null, status, 9L, T.minusSeconds(600), null, null, null, null, 4);
	}

	@ParameterizedTest(name = "{0} -> {1}")
	@MethodSource("pairs")
	void aStatusMovesOnlyWhereItsLifecycleAllows(VmiProposalStatus from, VmiProposalStatus to) {
		MOVES.check(from, to);
	}

	@Test
	void approvedItLinksItsPurchaseOrderAndWhoDecided() {
		var approved = in(PROPOSED).approve(new PurchaseOrderId(99), 21L, T);
		assertThat(approved.status()).isEqualTo(APPROVED);
		assertThat(approved.purchaseOrderId()).isEqualTo(new PurchaseOrderId(99));
		assertThat(approved.decidedBy()).isEqualTo(21L);
		assertThat(approved.decidedAt()).isEqualTo(T);
		assertThat(approved.version()).as("the repository bumps the version").isEqualTo(4);
	}

	@Test
	void aDecidedProposalIsNotDecidedAgain() {
		var approved = in(PROPOSED).approve(new PurchaseOrderId(99), 21L, T);
		assertThatThrownBy(() -> approved.approve(new PurchaseOrderId(100), 22L, T))
			.isInstanceOf(BusinessRuleException.class);
		assertThatThrownBy(() -> approved.reject("晚了", 22L, T)).isInstanceOf(BusinessRuleException.class);
		assertThatThrownBy(() -> in(REJECTED).withdraw(9L, T)).isInstanceOf(BusinessRuleException.class);
	}

	@Test
	void aRejectionNeedsAReason() {
		assertThatThrownBy(() -> in(PROPOSED).reject("  ", 21L, T)).isInstanceOf(InvalidInputException.class);
		var rejected = in(PROPOSED).reject(" 库存充足 ", 21L, T);
		assertThat(rejected.status()).isEqualTo(REJECTED);
		assertThat(rejected.rejectReason()).isEqualTo("库存充足");
		assertThat(rejected.purchaseOrderId()).isNull();
	}

	@Test
	void theSupplierWithdrawsAnOpenProposal() {
		var withdrawn = in(PROPOSED).withdraw(9L, T);
		assertThat(withdrawn.status()).isEqualTo(WITHDRAWN);
		assertThat(withdrawn.decidedAt()).isEqualTo(T);
	}
}
