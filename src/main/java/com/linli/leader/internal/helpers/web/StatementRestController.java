package com.linli.leader.internal.helpers.web;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.linli.identity.Actor;
import com.linli.leader.CommissionEntry;
import com.linli.leader.LeaderId;
import com.linli.leader.LeaderStatement;
import com.linli.leader.StatementManagement;
import com.linli.leader.Withdrawal;
import com.linli.leader.internal.helpers.StatementFiles;
import com.linli.network.RegionManagement;
import com.linli.shared.export.Spreadsheets;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * The monthly reconciliation statement (团长对账单) as JSON, Excel and PDF: the leader's own, and any leader's of the
 * operator's regions. The month is {@code yyyy-MM}, not in the future (400, field month).
 */
@RestController
@Tag(name = "leader statements", description = "Monthly reconciliation statements of leaders (团长对账单), JSON, Excel and PDF")
class StatementRestController {

	private final StatementManagement statements;

	private final StatementFiles files;

	private final RegionManagement regions;

	StatementRestController(StatementManagement statements, StatementFiles files, RegionManagement regions) {
		this.statements = statements;
		this.files = files;
		this.regions = regions;
	}

	@GetMapping("/api/leader/statements/{month}")
	@PreAuthorize("hasRole('LEADER')")
	@Operation(summary = "The signed-in leader's statement of a month: balances at its start and end, every ledger entry, withdrawals")
	StatementView mine(Actor actor, @Parameter(description = "yyyy-MM") @PathVariable String month) {
		return StatementView.of(statements.mine(actor, month));
	}

	@GetMapping("/api/leader/statements/{month}.xlsx")
	@PreAuthorize("hasRole('LEADER')")
	@Operation(summary = "The signed-in leader's statement of a month as an Excel workbook")
	ResponseEntity<byte[]> mineXlsx(Actor actor, @PathVariable String month, Locale locale) {
		return xlsx(statements.mine(actor, month), locale);
	}

	@GetMapping("/api/leader/statements/{month}.pdf")
	@PreAuthorize("hasRole('LEADER')")
	@Operation(summary = "The signed-in leader's statement of a month as a PDF")
	ResponseEntity<byte[]> minePdf(Actor actor, @PathVariable String month, Locale locale) {
		return pdf(statements.mine(actor, month), locale);
	}

	@GetMapping("/api/admin/leaders/{id}/statements/{month}")
	@PreAuthorize("hasAnyRole('PLATFORM_ADMIN', 'OPERATOR')")
	@Operation(summary = "A leader's statement of a month (leaders of the caller's regions; others 403)")
	StatementView of(Actor actor, @PathVariable long id, @PathVariable String month) {
		return StatementView.of(statements.of(actor, new LeaderId(id), month));
	}

	@GetMapping("/api/admin/leaders/{id}/statements/{month}.xlsx")
	@PreAuthorize("hasAnyRole('PLATFORM_ADMIN', 'OPERATOR')")
	@Operation(summary = "A leader's statement of a month as an Excel workbook")
	ResponseEntity<byte[]> ofXlsx(Actor actor, @PathVariable long id, @PathVariable String month, Locale locale) {
		return xlsx(statements.of(actor, new LeaderId(id), month), locale);
	}

	@GetMapping("/api/admin/leaders/{id}/statements/{month}.pdf")
	@PreAuthorize("hasAnyRole('PLATFORM_ADMIN', 'OPERATOR')")
	@Operation(summary = "A leader's statement of a month as a PDF")
	ResponseEntity<byte[]> ofPdf(Actor actor, @PathVariable long id, @PathVariable String month, Locale locale) {
		return pdf(statements.of(actor, new LeaderId(id), month), locale);
	}

	ResponseEntity<byte[]> xlsx(LeaderStatement s, Locale locale) {
		return Spreadsheets.file(files.xlsx(s, zone(s), locale), name(s) + ".xlsx", Spreadsheets.XLSX);
	}

	ResponseEntity<byte[]> pdf(LeaderStatement s, Locale locale) {
		return Spreadsheets.file(files.pdf(s, zone(s), locale), name(s) + ".pdf", MediaType.APPLICATION_PDF);
	}

	private ZoneId zone(LeaderStatement s) {
		return regions.getRegion(s.leader().regionId()).zone();
	}

	private static String name(LeaderStatement s) {
		return "statement-" + s.leader().id().value() + "-" + s.month();
	}

	record BalancesView(long ledgerFen, long pendingFen, long availableFen, long withdrawnFen) {

		static BalancesView of(LeaderStatement.Balances b) {
			return new BalancesView(b.ledger().fen(), b.pending().fen(), b.available().fen(), b.withdrawn().fen());
		}
	}

	record EntryView(long id, String kind, String orderNo, String skuName, int quantity, long salesFen, int rateBasisPoints,
			long amountFen, long balanceAfterFen, Instant occurredAt) {

		static EntryView of(CommissionEntry e) {
			return new EntryView(e.id(), e.kind().name(), e.orderNo(), e.skuName(), e.quantity(), e.base().fen(),
					e.rateBasisPoints(), e.amount().fen(), e.balanceAfter().fen(), e.occurredAt());
		}
	}

	record WithdrawalView(long id, long amountFen, String status, Instant requestedAt, Instant completedAt) {

		static WithdrawalView of(Withdrawal w) {
			return new WithdrawalView(w.id().value(), w.amount().fen(), w.status().name(), w.requestedAt(), w.completedAt());
		}
	}

	record StatementView(long leaderId, String leaderName, String pickupPointName, String month, boolean complete,
			BalancesView opening, BalancesView closing, Map<String, Long> totalsFen, long netFen, boolean tiesOut,
			List<EntryView> entries, List<WithdrawalView> withdrawals, long withdrawalsRequestedFen,
			long withdrawalsPaidFen, long withdrawalsReturnedFen) {

		static StatementView of(LeaderStatement s) {
			var totals = new java.util.LinkedHashMap<String, Long>();
			s.totals().forEach((k, v) -> totals.put(k.name(), v.fen()));
			return new StatementView(s.leader().id().value(), s.leader().name(), s.pickupPointName(), s.month().toString(),
					s.complete(), BalancesView.of(s.opening()), BalancesView.of(s.closing()), totals, s.net().fen(),
					s.tiesOut(), s.entries().stream().map(EntryView::of).toList(),
					s.withdrawals().stream().map(WithdrawalView::of).toList(), s.withdrawalsRequested().fen(),
					s.withdrawalsPaid().fen(), s.withdrawalsReturned().fen());
		}
	}
}
