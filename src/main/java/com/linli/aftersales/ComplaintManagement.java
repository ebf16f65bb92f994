package com.linli.aftersales;

import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import javax.sql.DataSource;

import com.linli.aftersales.internal.complaints.Complaint;
import com.linli.aftersales.internal.complaints.Complaints;
import com.linli.aftersales.internal.complaints.Complaints.Role;
import com.linli.aftersales.internal.complaints.Complaints.Settings;
import com.linli.aftersales.internal.complaints.RegionStaff;
import com.linli.catalog.SkuManagement;
import com.linli.identity.Account;
import com.linli.identity.AccountId;
import com.linli.identity.Actor;
import com.linli.network.PickupPoint;
import com.linli.network.PickupPointManagement;
import com.linli.network.RegionId;
import com.linli.network.ResidentBindingManagement;
import com.linli.ordering.Order;
import com.linli.ordering.OrderManagement;
import com.linli.shared.AdminChange;
import com.linli.shared.InvalidInputException;
import com.linli.shared.JobLock;
import com.linli.shared.NotFoundException;
import com.linli.shared.Text;
import com.linli.shared.storage.FileStorage;
import com.linli.shared.storage.ImageUpload;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Complaints (投诉), the use cases (CONTRACT: the signatures are fixed, the bodies are being written): a resident
 * files one; it is assigned to an operator of its region; the thread; SLA clocks (first response, resolution)
 * escalate to a supervisor when they run out; the resident's satisfaction rating closes it.
 */
@Service
public class ComplaintManagement {

	private static final Logger log = LoggerFactory.getLogger(ComplaintManagement.class);

	/** The file storage folder of complaint photos. */
	public static final String PHOTOS = "aftersales-complaints";

	public static final int MAX_PHOTOS = 6;

	public static final int MAX_TEXT = 1000;

	private final Complaints complaints;

	private final RegionStaff staff;

	private final OrderManagement orders;

	private final PickupPointManagement pickupPoints;

	private final ResidentBindingManagement bindings;

	private final SkuManagement skus;

	private final FileStorage files;

	private final ApplicationEventPublisher events;

	private final DataSource dataSource;

	private final TransactionTemplate tx;

	private final Clock clock;

	ComplaintManagement(Complaints complaints, RegionStaff staff, OrderManagement orders,
			PickupPointManagement pickupPoints, ResidentBindingManagement bindings, SkuManagement skus, FileStorage files,
			ApplicationEventPublisher events, DataSource dataSource, TransactionTemplate tx, Clock clock) {
		this.complaints = complaints;
		this.staff = staff;
		this.orders = orders;
		this.pickupPoints = pickupPoints;
		this.bindings = bindings;
		this.skus = skus;
		this.files = files;
		this.events = events;
		this.dataSource = dataSource;
		this.tx = tx;
		this.clock = clock;
	}

	/** Files a complaint for the resident {@code actor}; a repeated {@code submitKey} answers the first one. */
	@Transactional
	public ComplaintId file(Actor actor, NewComplaint complaint) {
		AccountId resident = actor.requireAccount();
		String key = complaint.submitKey() == null || complaint.submitKey().isBlank() ? UUID.randomUUID().toString()
				: complaint.submitKey().strip();
		if (key.length() > 64) {
			throw new InvalidInputException("submitKey", Text.of("aftersales.complaints.problem.submitKey"));
		}
		var earlier = complaints.findBySubmitKey(resident.value(), key);
		if (earlier.isPresent()) {
			return new ComplaintId(earlier.get());
		}
		if (complaint.subject() == null) {
			throw new InvalidInputException("subject", Text.of("aftersales.complaints.problem.subject"));
		}
		String text = text(complaint.text(), "text");
		List<ImageUpload> photos = complaint.photos() == null ? List.of() : complaint.photos();
		if (photos.size() > MAX_PHOTOS) {
			throw new InvalidInputException("photos", Text.of("aftersales.complaints.problem.tooManyPhotos", MAX_PHOTOS));
		}
		photos.forEach(p -> p.check("photos", ImageUpload.MAX_BYTES));
		Order order = null;
		if (complaint.orderId() != null) {
			try {
				order = orders.getFor(resident, complaint.orderId());
			}
			catch (NotFoundException e) {
				throw new InvalidInputException("orderId", Text.of("aftersales.complaints.problem.order", complaint.orderId()));
			}
		}
		PickupPoint point = null;
		if (complaint.pickupPointId() != null) {
			try {
				point = pickupPoints.getPickupPoint(complaint.pickupPointId());
			}
			catch (NotFoundException e) {
				throw new InvalidInputException("pickupPointId",
						Text.of("aftersales.complaints.problem.pickupPoint", complaint.pickupPointId()));
			}
		}
		if (complaint.skuId() != null) {
			try {
				skus.getSku(complaint.skuId());
			}
			catch (NotFoundException e) {
				throw new InvalidInputException("skuId", Text.of("aftersales.complaints.problem.sku", complaint.skuId()));
			}
		}
		// the region: the order's, else the pickup point's, else the resident's own pickup point's
		Long pointId = point != null ? Long.valueOf(point.id().value())
				: order != null ? Long.valueOf(order.pickupPointId().value()) : null;
		long region;
		if (order != null) {
			region = order.regionId().value();
		}
		else if (point != null) {
			region = point.regionId().value();
		}
		else {
			var own = bindings.pickupPointOf(resident)
				.orElseThrow(() -> new InvalidInputException("orderId", Text.of("aftersales.complaints.problem.noRegion")));
			region = own.regionId().value();
			if (complaint.subject() == ComplaintSubject.LEADER || complaint.subject() == ComplaintSubject.DELIVERY) {
				pointId = own.id().value();
			}
		}
		Instant now = clock.instant();
		Settings sla = complaints.settings(region);
		Long assignee = leastBusyOperator(region);
		var inserted = complaints.insert(new Complaints.Filing(resident.value(), region, complaint.subject(),
				order == null ? null : order.id().value(), pointId,
				complaint.skuId() == null ? null : complaint.skuId().value(), text, assignee, now,
				now.plus(sla.firstResponse()), now.plus(sla.resolution()), key), clock.getZone());
		if (inserted.isEmpty()) {
			return new ComplaintId(complaints.findBySubmitKey(resident.value(), key).orElseThrow());
		}
		long id = inserted.get();
		int position = 1;
		for (ImageUpload photo : photos) {
			String fileKey = files.store(PHOTOS, photo.type(), photo.content());
			complaints.addPhoto(id, position++, fileKey, photo.type());
		}
		var saved = complaints.load(id).orElseThrow();
		events.publishEvent(new ComplaintFiled(saved.id(), saved.complaintNo(), resident, new RegionId(region),
				complaint.subject(), order == null ? null : order.id(),
				pointId == null ? null : new com.linli.network.PickupPointId(pointId), complaint.skuId(), now));
		return saved.id();
	}

	/** The operator of the region with the fewest open complaints (the lowest id among equals); none: null. */
	private Long leastBusyOperator(long region) {
		List<Long> operators = staff.operatorsOf(region).stream().map(a -> a.id().value()).toList();
		if (operators.isEmpty()) {
			return null;
		}
		Map<Long, Long> open = complaints.openCounts(operators);
		return operators.stream().min(Comparator.<Long>comparingLong(open::get).thenComparing(Comparator.naturalOrder()))
			.orElseThrow();
	}

	/** An operator (or the resident) writes in the complaint's thread; an operator's first reply stops the first-response clock. */
	@Transactional
	public ComplaintId reply(Actor actor, ComplaintId id, String text) {
		Complaint c = load(id);
		boolean asStaff = isStaffOf(actor, c);
		if (!asStaff && !actor.is(new AccountId(c.residentId()))) {
			throw hidden(actor, c);
		}
		String body = text(text, "text");
		c.checkOpenForMessages();
		Instant now = clock.instant();
		if (asStaff) {
			boolean changed = false;
			if (c.status() == ComplaintStatus.OPEN || c.status() == ComplaintStatus.ESCALATED) {
				c.respond(now);
				changed = true;
			}
			if (c.assigneeId() == null && actor.hasRole(com.linli.identity.Role.OPERATOR)) {
				c.assign(actor.accountIdOrNull());
				changed = true;
			}
			if (changed) {
				complaints.save(c);
			}
		}
		complaints.addMessage(c.idValue(), actor.accountIdOrNull(), asStaff ? Role.STAFF : Role.RESIDENT, body, now);
		return c.id();
	}

	/** An operator marks it resolved, with a summary of what was done. */
	@Transactional
	public ComplaintId resolve(Actor actor, ComplaintId id, String summary) {
		Complaint c = loadForStaff(actor, id);
		c.resolve(summary, clock.instant());
		complaints.save(c);
		return c.id();
	}

	/** The resident rates a resolved complaint 1–5, which closes it. */
	@Transactional
	public ComplaintId rate(Actor actor, ComplaintId id, int satisfaction) {
		Complaint c = loadForResident(actor, id);
		c.rate(satisfaction, clock.instant());
		complaints.save(c);
		return c.id();
	}

	/** Staff hand a complaint to an operator of its region ({@code null}: to nobody, every operator of the region sees it). */
	@Transactional
	public ComplaintId assign(Actor actor, ComplaintId id, Long operatorId) {
		Complaint c = loadForStaff(actor, id);
		if (operatorId != null && !staff.isOperatorOf(operatorId, c.regionId())) {
			throw new InvalidInputException("assigneeId", Text.of("aftersales.complaints.problem.assignee", operatorId));
		}
		c.assign(operatorId);
		complaints.save(c);
		events.publishEvent(new AdminChange(actor.actedBy(), "complaint.assign", "complaint:" + c.idValue(),
				operatorId == null ? "-" : "account:" + operatorId));
		return c.id();
	}

	/** Escalates every complaint whose clock ran out (the scheduled check, under a job lock); answers how many. */
	public int escalateOverdue() {
		var lock = JobLock.tryAcquire(dataSource, "aftersales.complaint-escalation");
		if (lock.isEmpty()) {
			return 0;
		}
		try (var held = lock.get()) {
			int escalated = 0;
			while (true) {
				List<Long> due = complaints.overdue(clock.instant(), 100);
				int round = 0;
				for (long id : due) {
					try {
						if (Boolean.TRUE.equals(tx.execute(s -> escalateOne(id)))) {
							round++;
						}
					}
					catch (RuntimeException e) {
						log.warn("Complaint {} not escalated this round: {}", id, e.getMessage());
					}
				}
				escalated += round;
				if (due.size() < 100 || round == 0) {
					return escalated;
				}
			}
		}
	}

	private boolean escalateOne(long id) {
		Complaint c = complaints.load(id).orElse(null);
		if (c == null || !c.status().canBecome(ComplaintStatus.ESCALATED)) {
			return false;
		}
		Instant now = clock.instant();
		Complaint.Clock ran = c.overdue(Complaint.Clock.FIRST_RESPONSE, now) ? Complaint.Clock.FIRST_RESPONSE
				: c.overdue(Complaint.Clock.RESOLUTION, now) ? Complaint.Clock.RESOLUTION : null;
		if (ran == null) {
			return false;
		}
		c.escalate(ran, supervisorOf(c.regionId()), now);
		complaints.save(c);
		log.info("Complaint {} escalated: its {} clock ran out", c.complaintNo(), ran);
		return true;
	}

	/** The region's supervisor, if one is set and still an operator of the region; else null (the platform admins). */
	public Long supervisorOf(long regionId) {
		Long supervisor = complaints.settings(regionId).supervisorId();
		return supervisor != null && staff.isOperatorOf(supervisor, regionId) ? supervisor : null;
	}

	/** Who supervises the region's complaints: its supervisor, else every platform admin (whom to tell of an escalation). */
	public List<AccountId> supervisorsOf(RegionId region) {
		Long supervisor = supervisorOf(region.value());
		if (supervisor != null) {
			return List.of(new AccountId(supervisor));
		}
		return staff.admins().stream().map(Account::id).toList();
	}

	// ---- settings --------------------------------------------------------------------------------------------

	/** A region's SLA settings (the defaults when none were saved); staff of the region only. */
	public Settings settings(Actor actor, RegionId region) {
		actor.checkManagesRegion(region.value());
		return complaints.settings(region.value());
	}

	/** Staff of the region set its clocks and its supervisor (an operator of the region, or none). */
	@Transactional
	public Settings updateSettings(Actor actor, RegionId region, int firstResponseMinutes, int resolutionHours,
			Long supervisorId) {
		actor.checkManagesRegion(region.value());
		if (firstResponseMinutes < 5 || firstResponseMinutes > 10080) {
			throw new InvalidInputException("firstResponseMinutes", Text.of("aftersales.complaints.problem.firstResponse"));
		}
		if (resolutionHours < 1 || resolutionHours > 720) {
			throw new InvalidInputException("resolutionHours", Text.of("aftersales.complaints.problem.resolution"));
		}
		if (firstResponseMinutes > resolutionHours * 60) {
			throw new InvalidInputException("firstResponseMinutes", Text.of("aftersales.complaints.problem.firstResponse"));
		}
		if (supervisorId != null && !staff.isOperatorOf(supervisorId, region.value())) {
			throw new InvalidInputException("supervisorId", Text.of("aftersales.complaints.problem.supervisor", supervisorId));
		}
		var s = new Settings(region.value(), firstResponseMinutes, resolutionHours, supervisorId, false);
		complaints.saveSettings(s, actor.accountIdOrNull(), clock.instant());
		events.publishEvent(new AdminChange(actor.actedBy(), "complaint.settings", "region:" + region.value(),
				firstResponseMinutes + "min " + resolutionHours + "h supervisor " + supervisorId));
		return complaints.settings(region.value());
	}

	// ---- reading with access checks ----------------------------------------------------------------------------

	/** The complaint as its resident sees it (anyone else: 404). */
	public Complaint loadForResident(Actor actor, ComplaintId id) {
		Complaint c = load(id);
		if (!actor.is(new AccountId(c.residentId()))) {
			throw new NotFoundException("complaint", id);
		}
		return c;
	}

	/** The complaint as staff of its region see it (other staff: 403; anybody else: 404). */
	public Complaint loadForStaff(Actor actor, ComplaintId id) {
		Complaint c = load(id);
		if (!isStaffOf(actor, c)) {
			throw hidden(actor, c);
		}
		return c;
	}

	/** Whether the actor may see the complaint: its resident or staff of its region. */
	public Complaint loadForAnyone(Actor actor, ComplaintId id) {
		Complaint c = load(id);
		if (!isStaffOf(actor, c) && !actor.is(new AccountId(c.residentId()))) {
			throw hidden(actor, c);
		}
		return c;
	}

	private static boolean isStaffOf(Actor actor, Complaint c) {
		return actor.managesRegion(c.regionId());
	}

	private static RuntimeException hidden(Actor actor, Complaint c) {
		if (actor.hasRole(com.linli.identity.Role.OPERATOR)) {
			return new AccessDeniedException("region " + c.regionId() + " is not among your regions");
		}
		return new NotFoundException("complaint", c.idValue());
	}

	private Complaint load(ComplaintId id) {
		return complaints.load(id.value()).orElseThrow(() -> new NotFoundException("complaint", id));
	}

	private static String text(String text, String field) {
		String t = text == null ? "" : text.strip();
		if (t.isEmpty() || t.length() > MAX_TEXT) {
			throw new InvalidInputException(field, Text.of("aftersales.complaints.problem.text", MAX_TEXT));
		}
		return t;
	}

	/** A photo of the complaint, for its resident or staff of its region (else 404/403). */
	public java.util.Optional<FileStorage.StoredFile> photo(Actor actor, ComplaintId id, int position) {
		Complaint c = loadForAnyone(actor, id);
		return complaints.photos(c.idValue()).stream().filter(p -> p.position() == position).findFirst()
			.flatMap(p -> files.load(p.fileKey()));
	}
}
