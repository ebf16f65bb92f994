package com.linli.aftersales.internal.requests.web;

import org.springframework.http.CacheControl;
import com.linli.shared.web.UploadedImages;
import java.util.List;

import com.linli.aftersales.AfterSalesManagement;
import com.linli.aftersales.AfterSalesRequestId;
import com.linli.aftersales.NewRequest;
import com.linli.identity.Actor;
import com.linli.ordering.OrderId;
import com.linli.ordering.OrderLineId;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/** A resident's own after-sales requests: file one with photos, follow it, answer a question, withdraw it. */
@RestController
@RequestMapping("/api/aftersales/requests")
@Tag(name = "after-sales (resident)", description = "Refund, return and exchange requests on my orders (售后申请)")
class ResidentRequestRestController {

	private final AfterSalesManagement requests;

	ResidentRequestRestController(AfterSalesManagement requests) {
		this.requests = requests;
	}

	@PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "File a request on units of a line of my order: fields orderId, lineId, kind (REFUND_ONLY, "
			+ "RETURN_AND_REFUND, EXCHANGE), reason, quantity, description, submitKey (the same key answers the first "
			+ "request), up to 6 parts 'photos' (JPEG, PNG or WebP, at most 5 MB each)")
	RequestResponse submit(@RequestParam(required = false) String orderId, @RequestParam(required = false) String lineId,
			@RequestParam(required = false) String kind, @RequestParam(required = false) String reason,
			@RequestParam(required = false) String quantity, @RequestParam(required = false) String description,
			@RequestParam(required = false) String submitKey,
			@RequestPart(name = "photos", required = false) List<MultipartFile> photos, Actor actor) {
		var id = requests.submit(actor, new NewRequest(new OrderId(Uploads.id(orderId, "orderId")),
				new OrderLineId(Uploads.id(lineId, "lineId")), Uploads.kind(kind), Uploads.reason(reason),
				Uploads.quantity(quantity), description, UploadedImages.of(photos), submitKey));
		return RequestResponse.of(requests.view(actor, id));
	}

	@GetMapping
	@Operation(summary = "My requests, newest first")
	List<RequestResponse> mine(Actor actor) {
		return requests.mine(actor).stream().map(RequestResponse::of).toList();
	}

	@GetMapping("/{id}")
	@Operation(summary = "One of my requests with its photos and thread")
	RequestResponse one(@PathVariable long id, Actor actor) {
		return RequestResponse.of(requests.view(actor, new AfterSalesRequestId(id)));
	}

	@PostMapping("/{id}/answer")
	@Operation(summary = "Answer the service's question (text and up to 6 'photos'); the request waits for a decision again")
	RequestResponse answer(@PathVariable long id, @RequestParam(required = false) String text,
			@RequestPart(name = "photos", required = false) List<MultipartFile> photos, Actor actor) {
		requests.answer(actor, new AfterSalesRequestId(id), text, UploadedImages.of(photos));
		return RequestResponse.of(requests.view(actor, new AfterSalesRequestId(id)));
	}

	@PostMapping("/{id}/withdraw")
	@Operation(summary = "Withdraw a request not decided yet")
	RequestResponse withdraw(@PathVariable long id, Actor actor) {
		requests.withdraw(actor, new AfterSalesRequestId(id));
		return RequestResponse.of(requests.view(actor, new AfterSalesRequestId(id)));
	}

	@GetMapping("/{id}/photos/{photoId}")
	@Operation(summary = "A photo of my request")
	ResponseEntity<byte[]> photo(@PathVariable long id, @PathVariable long photoId, Actor actor) {
		return UploadedImages.served(requests.photo(actor, new AfterSalesRequestId(id), photoId), CacheControl.noStore());
	}
}
