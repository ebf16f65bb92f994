package com.linli.aftersales.internal.complaints.web;

import com.linli.shared.web.UploadedImages;
import java.time.Clock;
import java.util.List;

import com.linli.aftersales.ComplaintId;
import com.linli.aftersales.ComplaintManagement;
import com.linli.aftersales.ComplaintSubject;
import com.linli.aftersales.NewComplaint;
import com.linli.aftersales.internal.complaints.ComplaintQueries;
import com.linli.aftersales.internal.complaints.web.ComplaintViews.ComplaintView;
import com.linli.catalog.SkuId;
import com.linli.identity.Actor;
import com.linli.network.PickupPointId;
import com.linli.ordering.OrderId;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/** A resident's complaints (投诉): file one (JSON, or multipart with photos), follow it, write in its thread, rate it. */
@RestController
@RequestMapping("/api/aftersales/complaints")
@PreAuthorize("isAuthenticated()")
@Tag(name = "complaints", description = "投诉: a resident's complaints with an SLA clock")
class ComplaintRestController {

	private final ComplaintManagement complaints;

	private final ComplaintQueries queries;

	private final ComplaintViews views;

	private final Clock clock;

	ComplaintRestController(ComplaintManagement complaints, ComplaintQueries queries, ComplaintViews views, Clock clock) {
		this.complaints = complaints;
		this.queries = queries;
		this.views = views;
		this.clock = clock;
	}

	record FileComplaint(ComplaintSubject subject, Long orderId, Long pickupPointId, Long skuId, String text,
			String submitKey) {
	}

	@PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "File a complaint", description = "subject PRODUCT/LEADER/DELIVERY/SERVICE; text 1–1000 characters; "
			+ "optionally one of the caller's own orders (else 400 orderId), a pickup point, a SKU. The region: the "
			+ "order's, else the pickup point's, else the caller's own pickup point's. A repeated submitKey answers the "
			+ "first complaint. It is assigned to the region's operator with the fewest open complaints.")
	ComplaintView file(Actor actor, @RequestBody FileComplaint r) {
		return fileWith(actor, r, List.of());
	}

	@PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "File a complaint with photos", description = "The same fields as form fields, and up to 6 "
			+ "photos (JPEG, PNG or WebP, 5 MB each; else 400 photos).")
	ComplaintView fileWithPhotos(Actor actor, @RequestParam(required = false) ComplaintSubject subject,
			@RequestParam(required = false) Long orderId, @RequestParam(required = false) Long pickupPointId,
			@RequestParam(required = false) Long skuId, @RequestParam(required = false) String text,
			@RequestParam(required = false) String submitKey,
			@RequestPart(name = "photos", required = false) List<MultipartFile> photos) {
		return fileWith(actor, new FileComplaint(subject, orderId, pickupPointId, skuId, text, submitKey),
				UploadedImages.of(photos));
	}

	private ComplaintView fileWith(Actor actor, FileComplaint r, List<com.linli.shared.storage.ImageUpload> photos) {
		var id = complaints.file(actor, new NewComplaint(r.subject(), r.orderId() == null ? null : new OrderId(r.orderId()),
				r.pickupPointId() == null ? null : new PickupPointId(r.pickupPointId()),
				r.skuId() == null ? null : new SkuId(r.skuId()), r.text(), photos, r.submitKey()));
		return one(actor, id.value());
	}

	@GetMapping
	@Operation(summary = "The caller's complaints, newest first")
	List<ComplaintView> mine(Actor actor) {
		var now = clock.instant();
		return queries.ofResident(actor.requireAccount().value(), 100).stream().map(c -> views.of(c, now, false, "/shop/complaints"))
			.toList();
	}

	@GetMapping("/{id}")
	@Operation(summary = "One of the caller's complaints with its thread (anyone else's: 404)")
	ComplaintView one(Actor actor, @PathVariable long id) {
		return views.of(complaints.loadForResident(actor, new ComplaintId(id)), clock.instant(), true, "/shop/complaints");
	}

	record Reply(String text) {
	}

	@PostMapping("/{id}/replies")
	@Operation(summary = "Write in the complaint's thread", description = "text 1–1000 characters; 409 once closed.")
	ComplaintView reply(Actor actor, @PathVariable long id, @RequestBody Reply r) {
		complaints.loadForResident(actor, new ComplaintId(id));
		complaints.reply(actor, new ComplaintId(id), r.text());
		return one(actor, id);
	}

	record Rating(Integer satisfaction) {
	}

	@PostMapping("/{id}/rating")
	@Operation(summary = "Rate a resolved complaint 1–5, which closes it", description = "400 satisfaction outside 1–5; "
			+ "409 status unless RESOLVED.")
	ComplaintView rate(Actor actor, @PathVariable long id, @RequestBody Rating r) {
		complaints.rate(actor, new ComplaintId(id), r.satisfaction() == null ? 0 : r.satisfaction());
		return one(actor, id);
	}
}
