package com.linli.fulfilment;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import com.linli.fulfilment.internal.Deliveries;
import com.linli.fulfilment.internal.ReceiptPhotos;
import com.linli.identity.Actor;
import com.linli.identity.Role;
import com.linli.network.KeeperManagement;
import com.linli.network.PickupPointId;
import com.linli.ordering.OrderLineId;
import com.linli.shared.storage.FileStorage;
import com.linli.shared.storage.ImageUpload;
import com.linli.shared.storage.FileStorage.StoredFile;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A photo of what arrived missing or damaged, kept with the leader's receipt (the file by
 * {@link FileStorage}) for the operator to see. A photo is checked before anything is received:
 * a receipt with a bad photo refunds nothing.
 */
@Service
public class ReceiptPhotoManagement {

	/** The largest photo kept: a phone's photo, not a film. */
	public static final int MAX_BYTES = 5 * 1024 * 1024;

	static final String FOLDER = "receipt-photos";

	private final DeliveryManagement deliveries;

	private final Deliveries records;

	private final ReceiptPhotos photos;

	private final FileStorage storage;

	private final KeeperManagement network;

	private final Clock clock;

	ReceiptPhotoManagement(DeliveryManagement deliveries, Deliveries records, ReceiptPhotos photos, FileStorage storage,
			KeeperManagement network, Clock clock) {
		this.deliveries = deliveries;
		this.records = records;
		this.photos = photos;
		this.storage = storage;
		this.network = network;
		this.clock = clock;
	}

	/** A photo as uploaded: the content type the browser gave, and the bytes. */
	public record Photo(String contentType, byte[] content) {
	}

	/** A JPEG, PNG or WebP image (its first bytes agreeing with its type) of at most {@link #MAX_BYTES}; else 400 on {@code photo}. */
	public void check(Photo photo) {
		new ImageUpload(photo.contentType(), photo.content()).check("photo", MAX_BYTES);
	}

	/**
	 * The leader's receipt ({@link DeliveryManagement#receive}) with an optional photo, all or nothing:
	 * the photo is checked first, and kept with the receipt it belongs to.
	 */
	@Transactional
	public Receipt receive(PickupPointId pickupPointId, LocalDate pickupDate, Map<OrderLineId, Integer> shortages,
			String reason, Photo photo, Actor actor) {
		if (photo != null) {
			check(photo);
		}
		Receipt receipt = deliveries.receive(pickupPointId, pickupDate, shortages, reason, actor);
		if (photo != null) {
			String type = photo.contentType().toLowerCase(java.util.Locale.ROOT);
			String key = storage.store(FOLDER, type, photo.content());
			photos.insert(receipt.id(), key, type, photo.content().length, clock.instant());
		}
		return receipt;
	}

	/** The photo of a receipt, for the leader who runs its pickup point, staff of its region, or the platform. */
	public Optional<StoredFile> photo(long receiptId, Actor actor) {
		Receipt receipt = records.receipt(receiptId).orElse(null);
		if (receipt == null) {
			return Optional.empty();
		}
		checkMaySee(receipt, actor);
		return photos.keyOf(receiptId).flatMap(storage::load);
	}

	private void checkMaySee(Receipt receipt, Actor actor) {
		if (actor.isSystem()) {
			return;
		}
		boolean keeper = network.pickupPointKeptBy(actor.requireAccount())
			.map(p -> p.id().equals(receipt.pickupPointId())).orElse(false);
		if (keeper) {
			return;
		}
		if (actor.isAdmin() || actor.hasRole(Role.OPERATOR)) {
			actor.checkManagesRegion(receipt.regionId().value());
			return;
		}
		throw new AccessDeniedException("receipt " + receipt.id() + " is not of your pickup point");
	}

	/** Those of the receipts that have a photo. */
	public Set<Long> withPhoto(Collection<Long> receiptIds) {
		return photos.withPhoto(receiptIds);
	}
}
