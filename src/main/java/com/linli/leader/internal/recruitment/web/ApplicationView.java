package com.linli.leader.internal.recruitment.web;

import java.time.Instant;
import java.time.LocalTime;
import java.util.List;
import java.util.Set;

import com.linli.leader.ApplicationStatus;
import com.linli.leader.LeaderApplication;
import com.linli.leader.PickupPointKind;
import com.linli.leader.ReviewCheck;

/** A leader application as staff see it: everything but the full ID number, with its score and review. */
record ApplicationView(long id, String applicationNo, ApplicationStatus status, long regionId, long communityId,
		String name, String phone, String idNumber, PickupPointKind kind, String pointName, String address,
		double latitude, double longitude, LocalTime opensAt, LocalTime closesAt, int followers, int households,
		int storageSqm, String referralCode, ScoreView score, Set<ReviewCheck> checklist, String reason,
		String question, String answer, Long pickupPointId, Long leaderId, List<Integer> photos, Instant submittedAt,
		Instant updatedAt) {

	/** The score with its parts. */
	record ScoreView(int total, int households, int followers, int storage, int distance, Integer nearestPointMeters) {
	}

	static ApplicationView of(LeaderApplication a, List<Integer> photos) {
		var d = a.details();
		var s = a.score();
		var r = a.review();
		return new ApplicationView(a.id().value(), a.applicationNo(), a.status(), d.regionId().value(),
				d.communityId().value(), d.name(), d.phone(), d.idNumberMasked(), d.kind(), d.pointName(), d.address(),
				d.latitude(), d.longitude(), d.opensAt(), d.closesAt(), d.followers(), d.households(), d.storageSqm(),
				d.referralCode(),
				new ScoreView(s.total(), s.households(), s.followers(), s.storage(), s.distance(), s.nearestPointMeters()),
				r.checklist(), r.reason(), r.question(), r.answer(),
				r.pickupPointId() == null ? null : r.pickupPointId().value(),
				r.leaderId() == null ? null : r.leaderId().value(), photos, a.submittedAt(), a.updatedAt());
	}
}
