package com.linli.aftersales;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import com.linli.aftersales.internal.requests.AfterSalesRequest;
import com.linli.aftersales.internal.requests.RequestDetails;
import com.linli.aftersales.internal.requests.RequestView;
import com.linli.aftersales.internal.requests.Requests;
import com.linli.catalog.ProductManagement;
import com.linli.catalog.Sku;
import com.linli.catalog.SkuManagement;
import com.linli.catalog.StorageTemperature;
import com.linli.identity.AccountId;
import com.linli.identity.Actor;
import com.linli.identity.Role;
import com.linli.ordering.Order;
import com.linli.ordering.OrderLine;
import com.linli.ordering.OrderManagement;
import com.linli.ordering.OrderRefundManagement;
import com.linli.ordering.OrderReplacementManagement;
import com.linli.ordering.OrderStatus;
import com.linli.shared.AdminChange;
import com.linli.shared.BusinessRuleException;
import com.linli.shared.InvalidInputException;
import com.linli.shared.Money;
import com.linli.shared.NotFoundException;
import com.linli.shared.Text;
import com.linli.shared.storage.FileStorage;
import com.linli.shared.storage.ImageUpload;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * After-sales requests, the use cases: a resident files a request on a line of their order; the rules approve a
 * quick refund at once or put it in the region's operator queue; operators approve, reject or ask for more; the
 * leader confirms goods returned; the refund goes through ordering, once (its reference is the request's
 * number).
 * The window and the quick-refund rule are {@link AfterSalesRuleManagement}'s.
 */
@Service
public class AfterSalesManagement {

	public static final String PHOTO_FOLDER = "aftersales-requests";

	public static final int MAX_PHOTOS = 6;

	/** How far back a resident's refund rate looks for quick refunds. */
	public static final Duration RATE_PERIOD = Duration.ofDays(90);

	private static final Pattern SUBMIT_KEY = Pattern.compile("[A-Za-z0-9_-]{1,64}");

	private final Requests requests;

	private final RequestDetails details;

	private final OrderManagement orders;

	private final OrderRefundManagement refunds;

	private final SkuManagement skus;

	private final ProductManagement products;

	private final FileStorage storage;

	private final ApplicationEventPublisher events;

	private final AfterSalesRuleManagement rules;

	private final OrderReplacementManagement replacements;

	private final java.time.Clock clock;

	AfterSalesManagement(Requests requests, RequestDetails details, OrderManagement orders,
			OrderRefundManagement refunds, SkuManagement skus, ProductManagement products, FileStorage storage,
			ApplicationEventPublisher events, AfterSalesRuleManagement rules, OrderReplacementManagement replacements,
			java.time.Clock clock) {
		this.rules = rules;
		this.replacements = replacements;
		this.requests = requests;
		this.details = details;
		this.orders = orders;
		this.refunds = refunds;
		this.skus = skus;
		this.products = products;
		this.storage = storage;
		this.events = events;
		this.clock = clock;
	}

	/** Files a request for the resident {@code actor}; a repeated {@code submitKey} answers the first one. */
	@Transactional
	public AfterSalesRequestId submit(Actor actor, NewRequest in) {
		AccountId resident = actor.requireAccount();
		if (in.submitKey() == null || !SUBMIT_KEY.matcher(in.submitKey()).matches()) {
			throw new InvalidInputException("submitKey", Text.of("aftersales.problem.submitKey"));
		}
		var earlier = requests.findByKey(resident, in.submitKey());
		if (earlier.isPresent()) {
			return earlier.get();
		}
		if (in.orderId() == null) {
			throw new InvalidInputException("orderId", Text.of("aftersales.problem.required"));
		}
		if (in.lineId() == null) {
			throw new InvalidInputException("lineId", Text.of("aftersales.problem.required"));
		}
		if (in.kind() == null) {
			throw new InvalidInputException("kind", Text.of("aftersales.problem.required"));
		}
		if (in.reason() == null) {
			throw new InvalidInputException("reason", Text.of("aftersales.problem.required"));
		}
		if (in.quantity() < 1 || in.quantity() > 999) {
			throw new InvalidInputException("quantity", Text.of("aftersales.problem.quantityRange"));
		}
		String description = in.description() == null ? null : in.description().strip();
		if (description != null && description.length() > 500) {
			throw new InvalidInputException("description", Text.of("aftersales.problem.descriptionTooLong", 500));
		}
		if (in.reason() == RequestReason.OTHER && (description == null || description.isEmpty())) {
			throw new InvalidInputException("description", Text.of("aftersales.problem.describeOther"));
		}
		List<ImageUpload> photos = in.photos() == null ? List.of() : in.photos();
		if (photos.size() > MAX_PHOTOS) {
			throw new InvalidInputException("photos", Text.of("aftersales.problem.tooManyPhotos", MAX_PHOTOS));
		}
		photos.forEach(p -> p.check("photos", ImageUpload.MAX_BYTES));

		Order order = orders.getFor(resident, in.orderId());
		OrderLine line = order.line(in.lineId(), "lineId");
		boolean afterPickup;
		int cap;
		Instant from;
		if (line.pickedUpQuantity() > 0 || order.status() == OrderStatus.PICKED_UP) {
			// units handed out (none left when all were refunded already: then the quantity is refused)
			afterPickup = true;
			cap = line.pickedUpQuantity();
			from = order.pickedUpAt() != null ? order.pickedUpAt() : order.readyAt();
		}
		else if (order.status() == OrderStatus.READY_FOR_PICKUP && line.remainingQuantity() > 0) {
			afterPickup = false;
			cap = line.remainingQuantity();
			from = order.readyAt();
		}
		else {
			throw new BusinessRuleException("not-picked-up", "lineId", Text.of("aftersales.problem.notPickedUp"));
		}
		int available = cap - requests.claimed(line.id());
		if (in.quantity() > available) {
			throw new BusinessRuleException("quantity-exceeds-line", "quantity",
					Text.of("aftersales.problem.quantityExceedsLine", Math.max(available, 0)));
		}
		Instant now = clock.instant();
		Sku sku = skus.getSku(line.skuId());
		Instant windowEnds = windowEnds(sku, from);
		if (now.isAfter(windowEnds)) {
			throw new BusinessRuleException("window-closed", "lineId", Text.of("aftersales.problem.windowClosed",
					rules.windowHours(sku)));
		}
		if (in.kind() == RequestKind.EXCHANGE
				&& replacements.replacementListing(order.id(), line.id(), in.quantity()).isEmpty()) {
			// a replacement goes in a coming delivery: only when a listing of the SKU has the units now
			throw new BusinessRuleException("exchange-unavailable", "kind", Text.of("aftersales.problem.exchangeUnavailable"));
		}
		Money amount = line.refundablePaid(in.quantity());
		var product = products.getProduct(sku.productId());
		var subject = new AfterSalesRequest.Subject(resident, order.id(), order.orderNo(), line.id(), order.regionId(),
				order.pickupPointId(), order.pickupDate(), line.skuId(), sku.productId().value(),
				line.categoryId() != null ? line.categoryId() : sku.categoryId(),
				product.supplierId() == null ? null : product.supplierId().value(), line.skuName(), afterPickup);
		var filed = requests.insert(subject, in.kind(), in.reason(), description, in.quantity(), amount,
				in.submitKey(), now);
		if (filed.isEmpty()) {
			// the same key at the same moment: the first one's request
			return requests.findByKey(resident, in.submitKey()).orElseThrow();
		}
		if (!requests.claim(line.id(), order.id(), in.quantity(), cap)) {
			throw new BusinessRuleException("units-already-requested", "quantity",
					Text.of("aftersales.problem.unitsAlreadyRequested"));
		}
		var request = AfterSalesRequest.submitted(filed.get().id(), filed.get().requestNo(), subject, in.kind(),
				in.reason(), description, in.quantity(), amount, in.submitKey(), now);
		details.message(request.id(), "RESIDENT", resident.value(),
				description == null || description.isEmpty() ? "" : description, now);
		for (ImageUpload p : photos) {
			details.photo(request.id(), null, storage.store(PHOTO_FOLDER, p.type(), p.content()), p.type(), now);
		}
		if (quickRefund(request, order)) {
			request.approve(null, true, now);
			details.message(request.id(), "SYSTEM", null, Text.of("aftersales.requests.quickApproved").stored(), now);
			settle(request, now);
		}
		requests.save(request);
		return request.id();
	}

	/** An operator of the request's region approves it (a refund only is refunded at once). */
	@Transactional
	public AfterSalesRequestId approve(Actor actor, AfterSalesRequestId id) {
		var request = staffGet(actor, id);
		Instant now = clock.instant();
		request.approve(actor.accountIdOrNull(), false, now);
		details.message(id, "OPERATOR", actor.accountIdOrNull(), Text.of("aftersales.requests.approved").stored(), now);
		if (request.kind() == RequestKind.EXCHANGE) {
			// the replacement is placed now, so tomorrow's units are held for it; the leader swaps the goods
			Order replacement = replacements.placeReplacement(request.subject().orderId(), request.subject().lineId(),
					request.quantity(), reference(request));
			details.message(id, "SYSTEM", null, Text.of("aftersales.requests.exchanged", replacement.orderNo(),
					replacement.pickupDate(), replacement.pickupCode()).stored(), now);
		}
		if (request.readyToSettle()) {
			settle(request, now);
		}
		requests.save(request);
		events.publishEvent(new AdminChange(actor.actedBy(), "aftersales.approve", "aftersales-request:" + id.value(),
				request.requestNo()));
		return id;
	}

	/** An operator rejects it with a reason (1–300 characters); no money moves. */
	@Transactional
	public AfterSalesRequestId reject(Actor actor, AfterSalesRequestId id, String reason) {
		var request = staffGet(actor, id);
		String text = note("reason", reason);
		Instant now = clock.instant();
		String stored = Text.plain(text).stored();
		request.reject(actor.accountIdOrNull(), stored, now);
		requests.release(request.subject().lineId(), request.quantity());
		details.message(id, "OPERATOR", actor.accountIdOrNull(), stored, now);
		requests.save(request);
		events.publishEvent(new AdminChange(actor.actedBy(), "aftersales.reject", "aftersales-request:" + id.value(),
				request.requestNo() + " " + text));
		return id;
	}

	/** An operator asks the resident for more (a question of 1–300 characters). */
	@Transactional
	public AfterSalesRequestId askForInfo(Actor actor, AfterSalesRequestId id, String question) {
		var request = staffGet(actor, id);
		String text = note("question", question);
		Instant now = clock.instant();
		request.askForInfo(actor.accountIdOrNull(), Text.plain(text).stored(), now);
		details.message(id, "OPERATOR", actor.accountIdOrNull(), text, now);
		requests.save(request);
		return id;
	}

	/** The resident answers in the thread (text and photos), which submits the request again. */
	@Transactional
	public AfterSalesRequestId answer(Actor actor, AfterSalesRequestId id, String text,
			java.util.List<com.linli.shared.storage.ImageUpload> photos) {
		var request = residentGet(actor, id);
		String body = text == null ? "" : text.strip();
		List<ImageUpload> images = photos == null ? List.of() : photos;
		if (body.isEmpty() && images.isEmpty()) {
			throw new InvalidInputException("text", Text.of("aftersales.problem.required"));
		}
		if (body.length() > 500) {
			throw new InvalidInputException("text", Text.of("aftersales.problem.descriptionTooLong", 500));
		}
		if (images.size() > MAX_PHOTOS) {
			throw new InvalidInputException("photos", Text.of("aftersales.problem.tooManyPhotos", MAX_PHOTOS));
		}
		images.forEach(p -> p.check("photos", ImageUpload.MAX_BYTES));
		Instant now = clock.instant();
		request.answer(now);
		long message = details.message(id, "RESIDENT", actor.accountIdOrNull(), body, now);
		for (ImageUpload p : images) {
			details.photo(id, message, storage.store(PHOTO_FOLDER, p.type(), p.content()), p.type(), now);
		}
		requests.save(request);
		return id;
	}

	/** The leader of the request's pickup point confirms the goods came back (return or exchange). */
	@Transactional
	public AfterSalesRequestId confirmReturn(Actor actor, AfterSalesRequestId id) {
		var request = requests.find(id).orElseThrow(() -> new NotFoundException("request", id.value()));
		long point = actor.pickupPoint().orElseThrow(() -> new AccessDeniedException("not a leader of a pickup point"));
		if (request.subject().pickupPointId().value() != point) {
			throw new NotFoundException("request", id.value());
		}
		Instant now = clock.instant();
		request.confirmReturn(actor.requireAccount().value(), now);
		details.message(id, "LEADER", actor.accountIdOrNull(), Text.of("aftersales.requests.returnConfirmed").stored(), now);
		if (request.readyToSettle()) {
			settle(request, now);
		}
		requests.save(request);
		return id;
	}

	/** The resident withdraws a request not decided yet. */
	@Transactional
	public AfterSalesRequestId withdraw(Actor actor, AfterSalesRequestId id) {
		var request = residentGet(actor, id);
		Instant now = clock.instant();
		request.withdraw(now);
		requests.release(request.subject().lineId(), request.quantity());
		details.message(id, "RESIDENT", actor.accountIdOrNull(), Text.of("aftersales.requests.withdrawn").stored(), now);
		requests.save(request);
		return id;
	}

	// ---- reading ------------------------------------------------------------------------------------------

	/** A request as whoever may see it sees it: its resident, staff of its region, the leader of its point. */
	@Transactional(readOnly = true)
	public RequestView view(Actor actor, AfterSalesRequestId id) {
		var request = requests.find(id).orElseThrow(() -> new NotFoundException("request", id.value()));
		checkSees(actor, request);
		return new RequestView(request, details.photos(id), details.thread(id));
	}

	/** The resident's own requests, newest first. */
	@Transactional(readOnly = true)
	public List<RequestDetails.Summary> mine(Actor actor) {
		return details.list(new RequestDetails.Filter(null, null, null, null, null, null, null,
				actor.requireAccount().value()), 200);
	}

	/** The queue of the operator's regions (or one region asked for), filtered. */
	@Transactional(readOnly = true)
	public List<RequestDetails.Summary> queue(Actor actor, Long regionId, RequestStatus status, RequestKind kind,
			RequestReason reason, Instant from, Instant to, int limit) {
		var scope = actor.regionFilter(regionId);
		return details.list(new RequestDetails.Filter(status, kind, reason, scope.idsOrNull(), from, to, null, null),
				limit);
	}

	/** How many requests of the actor's regions are in each status. */
	@Transactional(readOnly = true)
	public Map<RequestStatus, Long> counts(Actor actor, Long regionId) {
		return details.counts(actor.regionFilter(regionId).idsOrNull());
	}

	/** The requests of the leader's pickup point, newest first. */
	@Transactional(readOnly = true)
	public List<RequestDetails.Summary> ofMyPoint(Actor actor) {
		long point = actor.pickupPoint().orElseThrow(() -> new AccessDeniedException("not a leader of a pickup point"));
		return details.list(new RequestDetails.Filter(null, null, null, null, null, null, point, null), 200);
	}

	/** A photo of a request, for whoever may see the request. */
	@Transactional(readOnly = true)
	public FileStorage.StoredFile photo(Actor actor, AfterSalesRequestId requestId, long photoId) {
		var photo = details.findPhoto(photoId).filter(p -> p.requestId().equals(requestId))
			.orElseThrow(() -> new NotFoundException("photo", photoId));
		checkSees(actor, requests.find(requestId).orElseThrow(() -> new NotFoundException("request", requestId.value())));
		return storage.load(photo.key()).orElseThrow(() -> new NotFoundException("photo", photoId));
	}

	private Instant windowEnds(Sku sku, Instant from) {
		return (from == null ? clock.instant() : from).plus(Duration.ofHours(rules.windowHours(sku)));
	}

	// ---- rules --------------------------------------------------------------------------------------------

	/**
	 * A refund only of at most the region's amount, for a resident whose after-sales refunds over the last 90 days
	 * (before this one) are within the region's share of what they paid, with the rule enabled.
	 */
	private boolean quickRefund(AfterSalesRequest request, Order order) {
		if (request.kind() != RequestKind.REFUND_ONLY) {
			return false;
		}
		var setting = details.quickRefund(order.regionId().value());
		if (!setting.enabled() || request.amount().fen() > setting.maxFen()) {
			return false;
		}
		Instant since = clock.instant().minus(RATE_PERIOD);
		Money paid = orders.ordersOf(order.residentId(), 500).stream()
			.filter(o -> o.createdAt() != null && !o.createdAt().isBefore(since))
			.map(Order::paid).reduce(Money.ZERO, Money::plus);
		if (paid.isZero()) {
			return false;
		}
		Money refunded = details.refundedSince(order.residentId(), since);
		return refunded.fen() * 10_000 <= paid.fen() * setting.maxRateBasisPoints();
	}

	/**
	 * The money goes back through ordering (once: its reference is the request's number); an exchange, whose
	 * replacement was placed at approval, is done once the goods came back.
	 */
	private void settle(AfterSalesRequest request, Instant now) {
		var s = request.subject();
		String reference = reference(request);
		if (request.kind() == RequestKind.EXCHANGE) {
			// the replacement was placed at approval, under this reference
			request.exchanged(reference, now);
			return;
		}
		Money amount = refunds.refundLine(s.orderId(), s.lineId(), request.quantity(), reference, "AFTERSALES_"
				+ request.reason().name(), Text.of("aftersales.requests.refundNote", request.requestNo()).stored(),
				s.afterPickup());
		request.refunded(amount, reference, now);
		requests.refundedOff(s.lineId(), request.quantity());
		details.message(request.id(), "SYSTEM", null, Text.of("aftersales.requests.refunded", amount.toString()).stored(),
				now);
	}

	/** The reference a request settles under: its refund's, or its replacement order's idempotency key. */
	private static String reference(AfterSalesRequest request) {
		return "aftersales:" + request.requestNo();
	}

	private AfterSalesRequest staffGet(Actor actor, AfterSalesRequestId id) {
		var request = requests.find(id).orElseThrow(() -> new NotFoundException("request", id.value()));
		actor.checkManagesRegion(request.subject().regionId().value());
		return request;
	}

	private AfterSalesRequest residentGet(Actor actor, AfterSalesRequestId id) {
		var request = requests.find(id).orElseThrow(() -> new NotFoundException("request", id.value()));
		if (!actor.is(request.subject().residentId())) {
			throw new NotFoundException("request", id.value());
		}
		return request;
	}

	private void checkSees(Actor actor, AfterSalesRequest request) {
		if (actor.is(request.subject().residentId())) {
			return;
		}
		if (actor.pickupPoint().isPresent() && actor.pickupPoint().get() == request.subject().pickupPointId().value()) {
			return;
		}
		if ((actor.isSystem() || actor.isAdmin() || actor.hasRole(Role.OPERATOR))
				&& actor.worksIn(request.subject().regionId().value())) {
			return;
		}
		throw new NotFoundException("request", request.id().value());
	}

	private static String note(String field, String text) {
		String t = text == null ? "" : text.strip();
		if (t.isEmpty() || t.length() > 300) {
			throw new InvalidInputException(field, Text.of("aftersales.problem.noteLength", 300));
		}
		return t;
	}
}
