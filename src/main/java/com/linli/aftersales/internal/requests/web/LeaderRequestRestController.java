package com.linli.aftersales.internal.requests.web;

import org.springframework.http.CacheControl;
import com.linli.shared.web.UploadedImages;
import java.util.List;

import com.linli.aftersales.AfterSalesManagement;
import com.linli.aftersales.AfterSalesRequestId;
import com.linli.identity.Actor;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The after-sales requests of the leader's pickup point, and the returns they collect. */
@RestController
@RequestMapping("/api/leader/aftersales/requests")
@PreAuthorize("hasRole('LEADER')")
@Tag(name = "after-sales (leader)", description = "Requests of my pickup point; confirm returned goods")
class LeaderRequestRestController {

	private final AfterSalesManagement requests;

	LeaderRequestRestController(AfterSalesManagement requests) {
		this.requests = requests;
	}

	@GetMapping
	@Operation(summary = "Requests of my pickup point, newest first (awaitsReturn: goods to collect)")
	List<RequestResponse> list(Actor actor) {
		return requests.ofMyPoint(actor).stream().map(RequestResponse::of).toList();
	}

	@GetMapping("/{id}")
	@Operation(summary = "One request of my pickup point")
	RequestResponse one(@PathVariable long id, Actor actor) {
		return RequestResponse.of(requests.view(actor, new AfterSalesRequestId(id)));
	}

	@PostMapping("/{id}/confirm-return")
	@Operation(summary = "Confirm the goods of an approved return came back; the refund goes at once")
	RequestResponse confirmReturn(@PathVariable long id, Actor actor) {
		requests.confirmReturn(actor, new AfterSalesRequestId(id));
		return RequestResponse.of(requests.view(actor, new AfterSalesRequestId(id)));
	}

	@GetMapping("/{id}/photos/{photoId}")
	@Operation(summary = "A photo of a request of my pickup point")
	ResponseEntity<byte[]> photo(@PathVariable long id, @PathVariable long photoId, Actor actor) {
		return UploadedImages.served(requests.photo(actor, new AfterSalesRequestId(id), photoId), CacheControl.noStore());
	}
}
