package com.linli.aftersales.internal.requests.web;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import com.linli.aftersales.RequestKind;
import com.linli.aftersales.RequestReason;
import com.linli.aftersales.RequestStatus;
import com.linli.aftersales.internal.requests.RequestDetails;
import com.linli.aftersales.internal.requests.RequestView;
import com.linli.shared.Text;

/** An after-sales request over REST: money in fen; its photos and thread (one request) or not (a list). */
record RequestResponse(long id, String requestNo, long orderId, String orderNo, long lineId, long regionId,
		long pickupPointId, LocalDate pickupDate, long skuId, String skuName, Long supplierId, RequestKind kind,
		RequestReason reason, String description, int quantity, long amountFen, Long refundedFen, RequestStatus status,
		boolean quick, boolean afterPickup, boolean awaitsReturn, Instant submittedAt, Instant decidedAt,
		String decisionNote, Instant returnCollectedAt, Instant completedAt, List<Long> photoIds,
		List<MessageResponse> thread) {

	record MessageResponse(long id, String authorKind, String body, Instant at, List<Long> photoIds) {
	}

	static RequestResponse of(RequestView v) {
		var r = v.request();
		var s = r.subject();
		return new RequestResponse(r.id().value(), r.requestNo(), s.orderId().value(), s.orderNo(), s.lineId().value(),
				s.regionId().value(), s.pickupPointId().value(), s.pickupDate(), s.skuId().value(), s.skuName(),
				s.supplierId(), r.kind(), r.reason(), r.description(), r.quantity(), r.amount().fen(),
				r.refunded() == null ? null : r.refunded().fen(), r.status(), r.quick(), s.afterPickup(), v.awaitsReturn(),
				r.submittedAt(), r.decidedAt(), words(r.decisionNote()), r.returnCollectedAt(), r.completedAt(),
				v.photoIds(), v.thread().stream().map(m -> new MessageResponse(m.id(), m.authorKind(), words(m.body()),
						m.at(), m.photoIds())).toList());
	}

	static RequestResponse of(RequestDetails.Summary s) {
		return new RequestResponse(s.id(), s.requestNo(), s.orderId(), s.orderNo(), s.lineId(), s.regionId(),
				s.pickupPointId(), s.pickupDate(), s.skuId(), s.skuName(), null, s.kind(), s.reason(), null, s.quantity(), s.amountFen(),
				s.refundedFen(), s.status(), s.quick(), true, s.awaitsReturn(), s.submittedAt(), null, null,
				s.returnCollectedAt(), null, null, null);
	}

	private static String words(String stored) {
		var t = Text.fromStored(stored);
		return t == null ? null : t.inReadersLanguage();
	}
}
