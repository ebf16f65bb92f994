package com.linli.fulfilment.internal.web;

import com.linli.fulfilment.ReceiptPhotoManagement;
import com.linli.identity.Actor;
import com.linli.shared.NotFoundException;

import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/** The photo kept with a receipt: for the leader who took it, and for the operators of the region. */
@Controller
class ReceiptPhotoController {

	private final ReceiptPhotoManagement photos;

	ReceiptPhotoController(ReceiptPhotoManagement photos) {
		this.photos = photos;
	}

	@GetMapping({ "/leader/receipts/{id}/photo", "/console/receipts/{id}/photo" })
	ResponseEntity<byte[]> photo(@PathVariable long id, Actor actor) {
		var file = photos.photo(id, actor).orElseThrow(() -> new NotFoundException("photo of receipt", id));
		return ResponseEntity.ok()
			.contentType(MediaType.parseMediaType(file.contentType()))
			.cacheControl(CacheControl.noCache().cachePrivate())
			.header("X-Content-Type-Options", "nosniff")
			.body(file.content());
	}
}
