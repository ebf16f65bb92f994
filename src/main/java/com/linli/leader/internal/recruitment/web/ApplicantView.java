package com.linli.leader.internal.recruitment.web;

import java.time.Instant;

import com.linli.leader.ApplicationStatus;
import com.linli.leader.LeaderApplication;

/** What the applicant sees of their application on the status page: where it stands and what is asked of them. */
record ApplicantView(String applicationNo, ApplicationStatus status, String name, String pointName, int score,
		String question, String answer, String reason, Long pickupPointId, Instant submittedAt, Instant updatedAt) {

	static ApplicantView of(LeaderApplication a) {
		var r = a.review();
		return new ApplicantView(a.applicationNo(), a.status(), a.details().name(), a.details().pointName(),
				a.score().total(), r.question(), r.answer(), r.reason(),
				r.pickupPointId() == null ? null : r.pickupPointId().value(), a.submittedAt(), a.updatedAt());
	}
}
