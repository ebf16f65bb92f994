package com.linli.leader.internal.incentives.web;

import java.time.Instant;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.List;

import com.linli.identity.Actor;
import com.linli.leader.Contest;
import com.linli.leader.ContestId;
import com.linli.leader.LeaderContestManagement;
import com.linli.leader.LeaderId;
import com.linli.leader.LeaderReferralManagement;
import com.linli.leader.internal.incentives.IncentiveJobs;
import com.linli.shared.InvalidInputException;
import com.linli.shared.Money;
import com.linli.shared.Text;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
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
 * Incentives through the API: the leader's invitation (code, link, referred leaders) and contests; the operators'
 * contests of their regions (create, standings, close and pay) and a leader's referrals.
 */
@RestController
@Validated
@Tag(name = "leader incentives", description = "Referral of leaders (邀请团长, reward and 平推佣金) and monthly contests (月度评比)")
class IncentiveRestController {

	private final LeaderReferralManagement referrals;

	private final LeaderContestManagement contests;

	private final IncentiveJobs jobs;

	IncentiveRestController(LeaderReferralManagement referrals, LeaderContestManagement contests, IncentiveJobs jobs) {
		this.referrals = referrals;
		this.contests = contests;
		this.jobs = jobs;
	}

	@GetMapping("/api/leader/referrals")
	@PreAuthorize("hasRole('LEADER')")
	@Operation(summary = "The signed-in leader's referral code, invite link and the leaders they referred (sales towards the threshold, reward, referral commission)")
	InviteView mine(Actor actor) {
		return InviteView.of(referrals.mine(actor));
	}

	@GetMapping("/api/admin/leaders/{id}/referrals")
	@PreAuthorize("hasAnyRole('PLATFORM_ADMIN', 'OPERATOR')")
	@Operation(summary = "A leader's referral code and the leaders they referred (a leader of another region: 404)")
	InviteView referralsOf(Actor actor, @PathVariable long id) {
		return InviteView.of(referrals.of(actor, new LeaderId(id)));
	}

	@PostMapping("/api/admin/leaders/{id}/referrals")
	@PreAuthorize("hasAnyRole('PLATFORM_ADMIN', 'OPERATOR')")
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Attribute the leader to the leader who referred them (from the referred leader's first day)",
			description = "400 referrerId when oneself; 409 referral-exists when referred already; leaders of other regions: 404")
	ReferredView attribute(Actor actor, @PathVariable long id, @Valid @RequestBody Attribution request) {
		return ReferredView.of(referrals.attribute(actor, new LeaderId(request.referrerId()), new LeaderId(id)));
	}

	@PostMapping("/api/admin/leaders/referral-rewards/runs")
	@PreAuthorize("hasRole('PLATFORM_ADMIN')")
	@Operation(summary = "Run the referral reward job now (as the hourly schedule does); paid: how many rewards, -1 when a round is running")
	JobRun runRewards() {
		return new JobRun(jobs.payReferralRewards());
	}

	@GetMapping("/api/leader/contests")
	@PreAuthorize("hasRole('LEADER')")
	@Operation(summary = "The contests of the signed-in leader's region this month and last, with their own place")
	List<MyContestView> myContests(Actor actor) {
		return contests.mine(actor).stream().map(MyContestView::of).toList();
	}

	@GetMapping("/api/admin/leaders/contests")
	@PreAuthorize("hasAnyRole('PLATFORM_ADMIN', 'OPERATOR')")
	@Operation(summary = "Contests of the caller's regions (one region: 403 unless theirs), newest month first")
	List<ContestSummary> list(Actor actor, @RequestParam(required = false) Long regionId,
			@RequestParam(required = false) String month) {
		return contests.list(actor, regionId, month == null || month.isBlank() ? null : month(month)).stream()
			.map(ContestSummary::of).toList();
	}

	@PostMapping("/api/admin/leaders/contests")
	@PreAuthorize("hasAnyRole('PLATFORM_ADMIN', 'OPERATOR')")
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Define a monthly contest for a region (theirs: 403 otherwise)",
			description = "metric SALES, GROWTH or SATISFACTION (400 otherwise); winners 1..20; prizes per rank with cashFen >= 0 and/or a description; 409 contest-exists (same region, month, metric), 409 contest-month-closed (a contest of that month was closed)")
	ContestDetail create(Actor actor, @Valid @RequestBody NewContestRequest r) {
		var prizes = r.prizes() == null ? List.<Contest.Prize>of() : r.prizes().stream()
			.map(p -> new Contest.Prize(p.rank() == null ? 0 : p.rank(), p.cashFen() == null ? Money.ZERO : Money.ofFen(p.cashFen()),
					p.description()))
			.toList();
		var created = contests.create(actor, new LeaderContestManagement.NewContest(r.regionId(), month(r.month()), r.metric(),
				r.title(), r.winners(), r.minOrders() == null ? 0 : r.minOrders(), prizes));
		return ContestDetail.of(contests.view(actor, created.id()));
	}

	@GetMapping("/api/admin/leaders/contests/{id}")
	@PreAuthorize("hasAnyRole('PLATFORM_ADMIN', 'OPERATOR')")
	@Operation(summary = "A contest with its standings (open: live from the month's figures; closed: the winners as paid)")
	ContestDetail one(Actor actor, @PathVariable long id) {
		return ContestDetail.of(contests.view(actor, new ContestId(id)));
	}

	@PostMapping("/api/admin/leaders/contests/{id}/close")
	@PreAuthorize("hasAnyRole('PLATFORM_ADMIN', 'OPERATOR')")
	@Operation(summary = "Close a contest whose month has ended and pay its winners' cash rewards once",
			description = "409 contest-closed when closed already (a concurrent close pays nothing more), 409 contest-month-running before the month's end")
	ContestDetail close(Actor actor, @PathVariable long id) {
		return ContestDetail.of(contests.close(actor, new ContestId(id)));
	}

	static YearMonth month(String value) {
		try {
			return YearMonth.parse(value.strip());
		}
		catch (DateTimeParseException | NullPointerException e) {
			throw new InvalidInputException("month", Text.of("leader.problem.incentivesMonth"));
		}
	}

	record PrizeRequest(Integer rank, Long cashFen, @Size(max = 100) String description) {
	}

	record NewContestRequest(@NotNull Long regionId, @NotBlank String month, @NotBlank String metric,
			@NotBlank @Size(max = 60) String title, @NotNull Integer winners, Integer minOrders,
			@Size(max = 20) List<@Valid @NotNull PrizeRequest> prizes) {
	}

	record JobRun(int paid) {
	}

	record Attribution(@NotNull Long referrerId) {
	}

	record ReferredView(long referralId, long leaderId, String name, String status, Instant startedAt,
			Instant thresholdEndsAt, long salesFen, long thresholdFen, int progress, boolean rewardPaid,
			Instant rewardPaidAt, long rewardFen, Instant commissionEndsAt, long commissionFen) {

		static ReferredView of(LeaderReferralManagement.ReferredLeader x) {
			return new ReferredView(x.referralId(), x.leaderId().value(), x.name(), x.status().name(), x.startedAt(),
					x.thresholdEndsAt(), x.sales().fen(), x.threshold().fen(), x.progress(), x.rewardPaid(),
					x.rewardPaidAt(), x.reward().fen(), x.commissionEndsAt(), x.commission().fen());
		}
	}

	record InviteView(long leaderId, String code, String link, long rewardFen, long thresholdFen, int thresholdDays,
			int rateBasisPoints, int commissionDays, long rewardsEarnedFen, long commissionEarnedFen,
			List<ReferredView> referred) {

		static InviteView of(LeaderReferralManagement.Invite i) {
			var r = i.rules();
			return new InviteView(i.leaderId().value(), i.code(), i.link(), r.reward().fen(), r.threshold().fen(),
					r.thresholdDays(), r.rateBasisPoints(), r.commissionDays(), i.rewardsEarned().fen(),
					i.commissionEarned().fen(), i.referred().stream().map(ReferredView::of).toList());
		}
	}

	record PrizeView(int rank, long cashFen, String description) {
	}

	record StandingView(int rank, long leaderId, String leaderName, Double value, long orders, boolean placed,
			long cashFen, String prize) {

		static StandingView of(LeaderContestManagement.Standing s) {
			return s == null ? null : new StandingView(s.rank(), s.leaderId().value(), s.leaderName(), s.value(),
					s.orders(), s.placed(), s.cash().fen(), s.prize());
		}
	}

	record ContestSummary(long id, long regionId, String month, String metric, String title, int winners,
			int minOrders, String status, Instant closedAt, List<PrizeView> prizes) {

		static ContestSummary of(Contest c) {
			return new ContestSummary(c.id().value(), c.regionId().value(), c.month().toString(), c.metric().name(),
					c.title(), c.winners(), c.minOrders(), c.status().name(), c.closedAt(), c.prizes().stream()
						.map(p -> new PrizeView(p.rank(), p.cash().fen(), p.description())).toList());
		}
	}

	record ContestDetail(ContestSummary contest, boolean monthEnded, List<StandingView> standings) {

		static ContestDetail of(LeaderContestManagement.ContestView v) {
			return new ContestDetail(ContestSummary.of(v.contest()), v.monthEnded(),
					v.standings().stream().map(StandingView::of).toList());
		}
	}

	record MyContestView(ContestSummary contest, StandingView mine, int ranked, List<StandingView> winners) {

		static MyContestView of(LeaderContestManagement.MyContest m) {
			return new MyContestView(ContestSummary.of(m.contest()), StandingView.of(m.mine()), m.ranked(),
					m.winners().stream().map(StandingView::of).toList());
		}
	}
}
