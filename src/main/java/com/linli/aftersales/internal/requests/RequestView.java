package com.linli.aftersales.internal.requests;

import java.util.List;

/** A request with its photos (filed with it) and its thread, as its pages and the API show it. */
public record RequestView(AfterSalesRequest request, List<RequestDetails.Photo> photos,
		List<RequestDetails.Message> thread) {

	/** The photos filed with the request (not those of answers). */
	public List<Long> photoIds() {
		return photos.stream().filter(p -> p.messageId() == null).map(RequestDetails.Photo::id).toList();
	}

	public boolean awaitsReturn() {
		var r = request;
		return r.status() == com.linli.aftersales.RequestStatus.APPROVED && r.kind().needsReturn()
				&& r.returnCollectedAt() == null;
	}
}
