package com.linli.leader;

import java.time.Instant;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import com.linli.identity.AccountId;
import com.linli.network.CommunityId;
import com.linli.network.PickupPointId;
import com.linli.network.RegionId;
import com.linli.shared.InvalidInputException;
import com.linli.shared.Text;

/**
 * An application to become a leader (团长申请): who applies, the pickup point they propose, its score against the
 * recruitment standards, and the operator's decision. Its methods refuse a move its status does not allow and
 * register the events of the moves they make; the repository saves it with a compare-and-set on its version.
 */
public final class LeaderApplication {

	/** What the application says: the applicant and the proposed pickup point, as checked. */
	public record Details(RegionId regionId, CommunityId communityId, String name, String phone, String idNumberMasked,
			PickupPointKind kind, String pointName, String address, double latitude, double longitude,
			LocalTime opensAt, LocalTime closesAt, int followers, int households, int storageSqm,
			String referralCode) {
	}

	/** The operator's side: checklist, reason of a rejection, question asked and the answer, the outcome. */
	public record Review(Set<ReviewCheck> checklist, String reason, String question, String answer,
			PickupPointId pickupPointId, LeaderId leaderId, AccountId decidedBy) {

		static Review none() {
			return new Review(EnumSet.noneOf(ReviewCheck.class), null, null, null, null, null, null);
		}
	}

	private final LeaderApplicationId id;

	private final String applicationNo;

	private final Details details;

	private final int version;

	private final Instant submittedAt;

	private ApplicationStatus status;

	private RecruitmentScore score;

	private Review review;

	private Instant updatedAt;

	private final List<Object> events = new ArrayList<>();

	public LeaderApplication(LeaderApplicationId id, String applicationNo, Details details, ApplicationStatus status,
			RecruitmentScore score, Review review, int version, Instant submittedAt, Instant updatedAt) {
		this.id = id;
		this.applicationNo = applicationNo;
		this.details = details;
		this.status = status;
		this.score = score;
		this.review = review;
		this.version = version;
		this.submittedAt = submittedAt;
		this.updatedAt = updatedAt;
	}

	/** A new application, SUBMITTED, not saved yet. */
	public static LeaderApplication submit(String applicationNo, Details details, RecruitmentScore score, Instant at) {
		return new LeaderApplication(null, applicationNo, details, ApplicationStatus.SUBMITTED, score, Review.none(), 0,
				at, at);
	}

	/** The operator asks the applicant for more (a clearer photo, the shop's licence...). */
	public void requestMoreInfo(AccountId by, String question, Instant at) {
		String q = required("question", question);
		status = status.to(ApplicationStatus.MORE_INFO_REQUESTED);
		review = new Review(review.checklist(), null, q, null, null, null, by);
		updatedAt = at;
	}

	/** The applicant answers the operator's question: the application is back in the queue, scored again. */
	public void answer(String answer, RecruitmentScore newScore, Instant at) {
		String text = required("answer", answer);
		status = status.to(ApplicationStatus.SUBMITTED);
		review = new Review(review.checklist(), null, review.question(), text, null, null,
				review.decidedBy());
		score = newScore;
		updatedAt = at;
	}

	/** Refused, with the reason the applicant reads. */
	public void reject(AccountId by, String reason, Instant at) {
		String why = required("reason", reason);
		status = status.to(ApplicationStatus.REJECTED);
		review = new Review(review.checklist(), why, review.question(), review.answer(), null,
				null, by);
		updatedAt = at;
	}

	/** Checks that approval may go ahead: the application waits in the queue and every check is ticked. */
	public void checkApprovable(Set<ReviewCheck> checklist) {
		status.to(ApplicationStatus.APPROVED);
		var missing = EnumSet.allOf(ReviewCheck.class);
		if (checklist != null) {
			missing.removeAll(checklist);
		}
		if (!missing.isEmpty()) {
			throw new InvalidInputException("checklist", Text.of("leader.problem.recruitmentChecklistIncomplete",
					missing.stream().map(Enum::name).sorted().toList().toString()));
		}
	}

	/** Approved: the pickup point was opened and the leader appointed; registers {@link LeaderApplicationApproved}. */
	public void approve(AccountId by, Set<ReviewCheck> checklist, PickupPointId pickupPoint, LeaderId leader,
			Instant at) {
		checkApprovable(checklist);
		status = ApplicationStatus.APPROVED;
		review = new Review(EnumSet.copyOf(checklist), null, review.question(), review.answer(), pickupPoint, leader,
				by);
		updatedAt = at;
		events.add(new LeaderApplicationApproved(id, leader, pickupPoint, details.regionId(), details.referralCode()));
	}

	private static String required(String field, String text) {
		if (text == null || text.isBlank()) {
			throw new InvalidInputException(field, Text.of("leader.problem.required"));
		}
		String t = text.strip();
		if (t.length() > 300) {
			throw new InvalidInputException(field, Text.of("leader.problem.recruitmentAtMost", 300));
		}
		return t;
	}

	public LeaderApplicationId id() {
		return id;
	}

	public String applicationNo() {
		return applicationNo;
	}

	public Details details() {
		return details;
	}

	public ApplicationStatus status() {
		return status;
	}

	public RecruitmentScore score() {
		return score;
	}

	public Review review() {
		return review;
	}

	public int version() {
		return version;
	}

	public Instant submittedAt() {
		return submittedAt;
	}

	public Instant updatedAt() {
		return updatedAt;
	}

	/** The events of the moves made since it was loaded, for the repository to publish once saved. */
	public List<Object> events() {
		return Collections.unmodifiableList(events);
	}
}
