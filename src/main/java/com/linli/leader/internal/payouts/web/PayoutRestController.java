package com.linli.leader.internal.payouts.web;

import java.time.Instant;
import java.util.List;

import com.linli.identity.Actor;
import com.linli.leader.CommissionBalance;
import com.linli.leader.LeaderId;
import com.linli.leader.Withdrawal;
import com.linli.leader.WithdrawalId;
import com.linli.leader.WithdrawalLine;
import com.linli.leader.WithdrawalManagement;
import com.linli.leader.WithdrawalStatus;
import com.linli.shared.Money;
import com.linli.shared.Page;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Settlement and withdrawals through the API: the leader's balances and withdrawals (leader app), the approval
 * of withdrawals by the operators of the leaders' regions.
 */
@RestController
@Validated
@Tag(name = "withdrawals", description = "Leader commission settlement (pending / available) and withdrawals (提现)")
class PayoutRestController {

	private final WithdrawalManagement withdrawals;

	PayoutRestController(WithdrawalManagement withdrawals) {
		this.withdrawals = withdrawals;
	}

	@GetMapping("/api/leader/earnings")
	@PreAuthorize("hasRole('LEADER')")
	@Operation(summary = "The signed-in leader's balances (pending inside the after-sales window, available, in flight, paid) and withdrawal rules")
	Earnings earnings(Actor actor) {
		var leader = withdrawals.leaderOf(actor);
		var rules = withdrawals.rules();
		return new Earnings(leader.id().value(), BalanceView.of(withdrawals.balance(leader.id())),
				rules.minimum().fen(), rules.perMonth(), withdrawals.leftThisMonth(leader), rules.window().toDays());
	}

	@GetMapping("/api/leader/withdrawals")
	@PreAuthorize("hasRole('LEADER')")
	@Operation(summary = "The signed-in leader's withdrawals, newest first")
	Page<WithdrawalView> mine(Actor actor, @RequestParam(defaultValue = "0") @Min(0) int page,
			@RequestParam(defaultValue = "20") @Min(1) @Max(200) int size) {
		return view(withdrawals.mine(actor, page, size));
	}

	@GetMapping("/api/leader/withdrawals/{id}")
	@PreAuthorize("hasRole('LEADER')")
	@Operation(summary = "One of the signed-in leader's withdrawals (another leader's: 404)")
	WithdrawalView one(Actor actor, @PathVariable long id) {
		return WithdrawalView.of(withdrawals.mine(actor, new WithdrawalId(id)), null, null);
	}

	@PostMapping("/api/leader/withdrawals")
	@PreAuthorize("hasRole('LEADER')")
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Request a withdrawal of available commission",
			description = "At least the minimum (400), at most the available balance (409 above-available), at most N a calendar month (409 too-many-withdrawals); the amount leaves the available balance at once.")
	WithdrawalView request(Actor actor, @Valid @RequestBody WithdrawalRequest request) {
		return WithdrawalView.of(withdrawals.request(actor, Money.ofFen(request.amountFen())), null, null);
	}

	@GetMapping("/api/admin/withdrawals")
	@PreAuthorize("hasAnyRole('PLATFORM_ADMIN', 'OPERATOR')")
	@Operation(summary = "Withdrawals of the leaders of the caller's regions (one region: 403 unless theirs), newest first, with the listed total and what was approved today")
	StaffList list(Actor actor, @RequestParam(required = false) Long regionId,
			@RequestParam(required = false) WithdrawalStatus status, @RequestParam(required = false) String q,
			@RequestParam(defaultValue = "0") @Min(0) int page,
			@RequestParam(defaultValue = "50") @Min(1) @Max(200) int size) {
		return new StaffList(view(withdrawals.list(actor, regionId, status, q, page, size)),
				withdrawals.total(actor, regionId, status, q).fen(), withdrawals.approvedToday(actor, regionId).fen());
	}

	@PostMapping("/api/admin/withdrawals/approvals")
	@PreAuthorize("hasAnyRole('PLATFORM_ADMIN', 'OPERATOR')")
	@Operation(summary = "Approve requested withdrawals, all or none (each of the caller's regions: 403 otherwise); their payouts follow")
	Approved approve(Actor actor, @Valid @RequestBody Approval request) {
		var approved = withdrawals.approve(actor, request.ids().stream().map(WithdrawalId::new).toList());
		return new Approved(approved.stream().map(w -> WithdrawalView.of(w, null, null)).toList(),
				approved.stream().mapToLong(w -> w.amount().fen()).sum());
	}

	@PostMapping("/api/admin/withdrawals/{id}/rejection")
	@PreAuthorize("hasAnyRole('PLATFORM_ADMIN', 'OPERATOR')")
	@Operation(summary = "Reject a requested withdrawal with a reason; the amount goes back to the leader's available balance")
	WithdrawalView reject(Actor actor, @PathVariable long id, @Valid @RequestBody Rejection request) {
		return WithdrawalView.of(withdrawals.reject(actor, new WithdrawalId(id), request.reason()), null, null);
	}

	@GetMapping("/api/admin/leaders/{id}/balance")
	@PreAuthorize("hasAnyRole('PLATFORM_ADMIN', 'OPERATOR')")
	@Operation(summary = "A leader's balances (of the caller's regions)")
	BalanceView balance(Actor actor, @PathVariable long id) {
		return BalanceView.of(withdrawals.balance(actor, new LeaderId(id)));
	}

	private static Page<WithdrawalView> view(Page<WithdrawalLine> page) {
		return new Page<>(page.items().stream().map(l -> WithdrawalView.of(l.withdrawal(), l.leaderName(), l.leaderPhone()))
			.toList(), page.total(), page.page(), page.size());
	}

	record WithdrawalRequest(@NotNull @Min(1) @Max(100_000_000L) Long amountFen) {
	}

	record Approval(@NotEmpty @Size(max = 200) List<@NotNull Long> ids) {
	}

	record Rejection(@NotBlank @Size(max = 200) String reason) {
	}

	record Earnings(long leaderId, BalanceView balance, long minimumFen, int perMonth, int leftThisMonth,
			long windowDays) {
	}

	record BalanceView(long leaderId, long pendingFen, long availableFen, long inFlightFen, long paidFen,
			long withdrawnFen) {

		static BalanceView of(CommissionBalance b) {
			return new BalanceView(b.leaderId().value(), b.pending().fen(), b.available().fen(), b.inFlight().fen(),
					b.paid().fen(), b.withdrawn().fen());
		}
	}

	record WithdrawalView(long id, long leaderId, String leaderName, String leaderPhone, long regionId, long amountFen,
			String status, Instant requestedAt, Instant decidedAt, String rejectReason, Instant completedAt,
			String failureReason) {

		static WithdrawalView of(Withdrawal w, String name, String phone) {
			return new WithdrawalView(w.id().value(), w.leaderId().value(), name, phone, w.regionId().value(),
					w.amount().fen(), w.status().name(), w.requestedAt(), w.decidedAt(), w.rejectReason(),
					w.completedAt(), w.failureReason());
		}
	}

	record StaffList(Page<WithdrawalView> withdrawals, long totalFen, long approvedTodayFen) {
	}

	record Approved(List<WithdrawalView> approved, long totalFen) {
	}
}
