package com.linli.leader;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import com.linli.identity.AccountManagement;
import com.linli.identity.Actor;
import com.linli.leader.internal.recruitment.LeaderApplications;
import com.linli.leader.internal.recruitment.PhoneCodes;
import com.linli.leader.internal.recruitment.RecruitmentProblems;
import com.linli.leader.internal.recruitment.RecruitmentStandards;
import com.linli.network.Community;
import com.linli.network.CommunityId;
import com.linli.network.CommunityManagement;
import com.linli.network.Geo;
import com.linli.network.NewPickupPoint;
import com.linli.network.PickupPointManagement;
import com.linli.network.RegionId;
import com.linli.network.RegionManagement;
import com.linli.network.Warehouse;
import com.linli.network.WarehouseKind;
import com.linli.network.WarehouseManagement;
import com.linli.shared.AdminChange;
import com.linli.shared.BusinessRuleException;
import com.linli.shared.InvalidInputException;
import com.linli.shared.NotFoundException;
import com.linli.shared.Page;
import com.linli.shared.SmsSender;
import com.linli.shared.Text;
import com.linli.shared.storage.FileStorage;
import com.linli.shared.storage.ImageUpload;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Recruitment of leaders (团长招募): a would-be leader proves their phone with an SMS code and applies from the public
 * page; the application is checked (complete, ID number by its checksum, position within reach of a grid warehouse of
 * the region, not a leader's phone nor one with an open application) and scored by the recruitment standards. Operators
 * of the region review it: ask for more, reject with a reason, or approve, which opens the pickup point in network,
 * appoints the leader (a LEADER account) and tells the applicant by SMS how to sign in.
 */
@Service
@Transactional(readOnly = true)
public class RecruitmentManagement {

	/** How far from the region's nearest grid warehouse a pickup point may be: its delivery reach. */
	public static final double REACH_METERS = 30_000;

	public static final int MAX_PHOTOS = 6;

	private static final String PHONE = "^1[3-9][0-9]{9}$";

	private static final String ALPHABET = "0123456789ABCDEFGHJKLMNPQRSTUVWXYZ";

	private static final Actor RECRUITMENT = Actor.system("recruitment");

	private final LeaderApplications applications;

	private final PhoneCodes codes;

	private final LeaderManagement leaders;

	private final AccountManagement accounts;

	private final CommunityManagement communities;

	private final RegionManagement regions;

	private final WarehouseManagement warehouses;

	private final PickupPointManagement points;

	private final FileStorage files;

	private final SmsSender sms;

	private final MessageSource messages;

	private final ApplicationEventPublisher events;

	private final JdbcClient jdbc;

	private final Clock clock;

	private final SecureRandom random = new SecureRandom();

	RecruitmentManagement(LeaderApplications applications, PhoneCodes codes, LeaderManagement leaders,
			AccountManagement accounts, CommunityManagement communities, RegionManagement regions,
			WarehouseManagement warehouses, PickupPointManagement points, FileStorage files, SmsSender sms,
			MessageSource messages, ApplicationEventPublisher events, JdbcClient jdbc, Clock clock) {
		this.applications = applications;
		this.codes = codes;
		this.leaders = leaders;
		this.accounts = accounts;
		this.communities = communities;
		this.regions = regions;
		this.warehouses = warehouses;
		this.points = points;
		this.files = files;
		this.sms = sms;
		this.messages = messages;
		this.events = events;
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/** Sends a verification code to the phone (at most one a minute); answers when it expires. */
	@Transactional
	public Instant sendCode(String phone, Locale locale) {
		String p = phone(phone);
		refuseDuplicate(p);
		return codes.send(p, locale);
	}

	/**
	 * A would-be leader applies from the public page with the code sent to their phone. Bad input (a missing or
	 * malformed field, a position out of reach, a wrong code) and duplicates are refused naming the field; nothing
	 * is saved then.
	 */
	@Transactional
	public LeaderApplication apply(NewLeaderApplication a, String code, List<ImageUpload> photos, Locale locale) {
		var checked = check(a, photos);
		refuseDuplicate(checked.details().phone());
		codes.use(checked.details().phone(), code);
		var saved = save(checked, photos);
		sms.send(saved.details().phone(), Text.of("leader.recruitment.sms.received", saved.applicationNo())
			.in(messages, locale));
		return saved;
	}

	/**
	 * Staff (or the demo) record an application taken on paper or by phone: the same checks but the SMS code, the
	 * phone being known to them; only in their regions.
	 */
	@Transactional
	public LeaderApplication record(Actor actor, NewLeaderApplication a, List<ImageUpload> photos) {
		var checked = check(a, photos);
		actor.checkRegion(checked.details().regionId().value());
		refuseDuplicate(checked.details().phone());
		var saved = save(checked, photos);
		events.publishEvent(new AdminChange(actor.actedBy(), "leader.application.record",
				"leader-application:" + saved.id().value(), saved.applicationNo()));
		return saved;
	}

	/** The applicant's view of their application: by its number and their phone (anything else is not found). */
	public LeaderApplication status(String applicationNo, String phone) {
		return applications.findByNo(applicationNo == null ? "" : applicationNo.strip().toUpperCase(Locale.ROOT))
			.filter(a -> a.details().phone().equals(phone == null ? "" : phone.strip()))
			.orElseThrow(() -> new NotFoundException("leader application", applicationNo));
	}

	/** The applicant answers the operator's question; the application is scored again and back in the queue. */
	@Transactional
	public LeaderApplication answer(String applicationNo, String phone, String answer) {
		var a = status(applicationNo, phone);
		if (answer != null && answer.strip().length() > 500) {
			throw new InvalidInputException("answer", Text.of("leader.problem.recruitmentAtMost", 500));
		}
		var d = a.details();
		a.answer(answer, score(d.regionId(), d.households(), d.followers(), d.kind(), d.storageSqm(), d.latitude(),
				d.longitude()), clock.instant());
		applications.save(a);
		return get(a.id());
	}

	/** The review queue of the actor's regions (or the one asked for), in the statuses asked for; oldest first. */
	public Page<LeaderApplication> queue(Actor actor, Long regionId, Set<ApplicationStatus> statuses, int page,
			int size) {
		var scope = actor.regionFilter(regionId);
		return applications.search(scope.idsOrNull(), statuses, Math.max(page, 0), Math.min(Math.max(size, 1), 100));
	}

	/** An application, for staff of its region (others: 403). */
	public LeaderApplication get(Actor actor, LeaderApplicationId id) {
		var a = get(id);
		actor.checkRegion(a.details().regionId().value());
		return a;
	}

	/** The positions of the application's photos. */
	public List<Integer> photoPositions(Actor actor, LeaderApplicationId id) {
		get(actor, id);
		return applications.photoPositions(id);
	}

	/** A photo of the application, for staff of its region. */
	public Optional<FileStorage.StoredFile> photo(Actor actor, LeaderApplicationId id, int position) {
		get(actor, id);
		return applications.photoKey(id, position).flatMap(files::load);
	}

	/** The operator asks the applicant for more; the applicant reads it on the status page (and by SMS). */
	@Transactional
	public LeaderApplication requestMoreInfo(Actor actor, LeaderApplicationId id, String question) {
		var a = get(actor, id);
		a.requestMoreInfo(actor.accountId().orElse(null), question, clock.instant());
		applications.save(a);
		sms.send(a.details().phone(), Text.of("leader.recruitment.sms.moreInfo", a.applicationNo(),
				a.review().question()).in(messages, Text.DEFAULT_LOCALE));
		events.publishEvent(new AdminChange(actor.actedBy(), "leader.application.ask", "leader-application:" + id.value(),
				a.review().question()));
		return get(id);
	}

	@Transactional
	public LeaderApplication reject(Actor actor, LeaderApplicationId id, String reason) {
		var a = get(actor, id);
		a.reject(actor.accountId().orElse(null), reason, clock.instant());
		applications.save(a);
		sms.send(a.details().phone(), Text.of("leader.recruitment.sms.rejected", a.applicationNo(), a.review().reason())
			.in(messages, Text.DEFAULT_LOCALE));
		events.publishEvent(new AdminChange(actor.actedBy(), "leader.application.reject",
				"leader-application:" + id.value(), a.review().reason()));
		return get(id);
	}

	/**
	 * Approves with the checklist all ticked: opens the pickup point (served by the region's nearest grid warehouse),
	 * appoints the applicant its leader (a new LEADER account with an initial password to change at first sign-in, or
	 * the role added to their existing account), and tells them by SMS. All or nothing.
	 */
	@Transactional
	public LeaderApplication approve(Actor actor, LeaderApplicationId id, Set<ReviewCheck> checklist) {
		var a = get(actor, id);
		a.checkApprovable(checklist);
		var d = a.details();
		var grid = nearestGrid(d.regionId(), d.latitude(), d.longitude())
			.orElseThrow(() -> new BusinessRuleException("no-grid-warehouse", "latitude",
					Text.of("leader.problem.recruitmentOutOfReach")));
		var point = points.openPickupPoint(actor, new NewPickupPoint(d.communityId(), grid.id(), d.pointName(),
				d.address(), d.latitude(), d.longitude(), d.opensAt(), d.closesAt()));
		boolean newAccount = accounts.findByPhone(d.phone()).isEmpty();
		String password = newAccount ? initialPassword() : null;
		var leader = leaders.appoint(actor, new NewLeader(d.phone(), d.name(), password, point.id()));
		if (newAccount) {
			accounts.requirePasswordChange(leader.accountId());
		}
		a.approve(actor.accountId().orElse(null), checklist, point.id(), leader.id(), clock.instant());
		applications.save(a);
		var text = newAccount
				? Text.of("leader.recruitment.sms.approvedNew", a.applicationNo(), point.name(), d.phone(), password)
				: Text.of("leader.recruitment.sms.approvedExisting", a.applicationNo(), point.name(), d.phone());
		sms.send(d.phone(), text.in(messages, Text.DEFAULT_LOCALE));
		events.publishEvent(new AdminChange(actor.actedBy(), "leader.application.approve",
				"leader-application:" + id.value(), "pickup-point:" + point.id().value() + " leader:" + leader.id().value()));
		return get(id);
	}

	/** The communities of a region, for the application page's picker. */
	public List<Community> communities(RegionId region) {
		return communities.communities(region);
	}

	LeaderApplication get(LeaderApplicationId id) {
		return applications.find(id).orElseThrow(() -> new NotFoundException("leader application", id.value()));
	}

	private LeaderApplication save(LeaderApplication checked, List<ImageUpload> photos) {
		var id = applications.insert(checked);
		int position = 0;
		for (ImageUpload photo : photos) {
			String key = files.store("leader-applications", photo.type(), photo.content());
			applications.addPhoto(id, position++, key, photo.type());
		}
		return get(id);
	}

	/** Every field checked in the order of the form; the first wrong one is refused by name. */
	private LeaderApplication check(NewLeaderApplication a, List<ImageUpload> photos) {
		if (a == null) {
			throw new InvalidInputException("name", Text.of("leader.problem.required"));
		}
		String name = text("name", a.name(), 30);
		String phone = phone(a.phone());
		String idNumber = a.idNumber() == null ? "" : a.idNumber().strip();
		if (idNumber.isEmpty()) {
			throw new InvalidInputException("idNumber", Text.of("leader.problem.required"));
		}
		if (!IdNumbers.valid(idNumber)) {
			throw new InvalidInputException("idNumber", Text.of("leader.problem.recruitmentIdNumber"));
		}
		Community community = community(a.communityId());
		if (a.kind() == null) {
			throw new InvalidInputException("kind", Text.of("leader.problem.required"));
		}
		String pointName = text("pointName", a.pointName(), 60);
		String address = text("address", a.address(), 200);
		double latitude = required("latitude", a.latitude());
		double longitude = required("longitude", a.longitude());
		if (!Geo.isLatitude(latitude)) {
			throw new InvalidInputException("latitude", Text.of("leader.problem.recruitmentLatitude"));
		}
		if (!Geo.isLongitude(longitude)) {
			throw new InvalidInputException("longitude", Text.of("leader.problem.recruitmentLongitude"));
		}
		LocalTime opens = time("opensAt", a.opensAt());
		LocalTime closes = time("closesAt", a.closesAt());
		if (!opens.isBefore(closes)) {
			throw new InvalidInputException("closesAt", Text.of("leader.problem.recruitmentHours"));
		}
		int followers = count("followers", a.followers());
		int households = count("households", a.households());
		int storage = count("storageSqm", a.storageSqm());
		String referral = a.referralCode() == null || a.referralCode().isBlank() ? null : a.referralCode().strip();
		if (referral != null && !referral.matches("[A-Za-z0-9]{4,16}")) {
			throw new InvalidInputException("referralCode", Text.of("leader.problem.recruitmentReferralCode"));
		}
		if (photos.size() > MAX_PHOTOS) {
			throw new InvalidInputException("photos", Text.of("leader.problem.recruitmentAtMostPhotos", MAX_PHOTOS));
		}
		photos.forEach(p -> p.check("photos", ImageUpload.MAX_BYTES));
		RegionId region = community.regionId();
		if (nearestGrid(region, latitude, longitude).isEmpty()) {
			throw new InvalidInputException("latitude", Text.of("leader.problem.recruitmentOutOfReach"));
		}
		var details = new LeaderApplication.Details(region, community.id(), name, phone, IdNumbers.mask(idNumber),
				a.kind(), pointName, address, latitude, longitude, opens, closes, followers, households, storage,
				referral);
		var score = score(region, households, followers, a.kind(), storage, latitude, longitude);
		return LeaderApplication.submit(applicationNo(), details, score, clock.instant());
	}

	private RecruitmentScore score(RegionId region, int households, int followers, PickupPointKind kind, int storage,
			double latitude, double longitude) {
		var nearest = points.nearestPickupPoints(region, latitude, longitude, 1);
		Double meters = nearest.isEmpty() ? null : nearest.get(0).distanceMetersTo(latitude, longitude);
		return RecruitmentStandards.score(households, followers, kind, storage, meters);
	}

	/** The region's nearest active grid warehouse within reach of the position. */
	private Optional<Warehouse> nearestGrid(RegionId region, double latitude, double longitude) {
		return warehouses.warehouses(region).stream()
			.filter(w -> w.kind() == WarehouseKind.GRID && w.active())
			.filter(w -> Geo.distanceMeters(w.latitude(), w.longitude(), latitude, longitude) <= REACH_METERS)
			.min(Comparator.comparingDouble(w -> Geo.distanceMeters(w.latitude(), w.longitude(), latitude, longitude)));
	}

	private void refuseDuplicate(String phone) {
		long live = jdbc.sql("select count(*) from leader.leader where phone = ? and status <> 'CLOSED'").param(phone)
			.query(Long.class).single();
		if (live > 0) {
			throw RecruitmentProblems.alreadyLeader();
		}
		if (applications.openApplicationOf(phone)) {
			throw RecruitmentProblems.openApplication();
		}
	}

	private Community community(CommunityId id) {
		if (id == null) {
			throw new InvalidInputException("communityId", Text.of("leader.problem.required"));
		}
		try {
			return communities.getCommunity(id);
		}
		catch (NotFoundException e) {
			throw new InvalidInputException("communityId", Text.of("leader.problem.recruitmentUnknownCommunity"));
		}
	}

	private String applicationNo() {
		var sb = new StringBuilder("LA").append(LocalDate.now(clock.withZone(java.time.ZoneId.of("Asia/Shanghai"))).format(DateTimeFormatter.ofPattern("yyMMdd")));
		for (int i = 0; i < 6; i++) {
			sb.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
		}
		return sb.toString();
	}

	private String initialPassword() {
		var sb = new StringBuilder();
		for (int i = 0; i < 8; i++) {
			sb.append(ALPHABET.toLowerCase(Locale.ROOT).charAt(random.nextInt(ALPHABET.length())));
		}
		return sb.toString();
	}

	private static String phone(String phone) {
		if (phone == null || phone.isBlank()) {
			throw new InvalidInputException("phone", Text.of("leader.problem.required"));
		}
		if (!phone.strip().matches(PHONE)) {
			throw new InvalidInputException("phone", Text.of("leader.problem.mustMainlandMobileNumber"));
		}
		return phone.strip();
	}

	private static String text(String field, String value, int max) {
		if (value == null || value.isBlank()) {
			throw new InvalidInputException(field, Text.of("leader.problem.required"));
		}
		if (value.strip().length() > max) {
			throw new InvalidInputException(field, Text.of("leader.problem.recruitmentAtMost", max));
		}
		return value.strip();
	}

	private static double required(String field, Double value) {
		if (value == null) {
			throw new InvalidInputException(field, Text.of("leader.problem.required"));
		}
		return value;
	}

	private static LocalTime time(String field, LocalTime value) {
		if (value == null) {
			throw new InvalidInputException(field, Text.of("leader.problem.required"));
		}
		return value;
	}

	private static int count(String field, Integer value) {
		if (value == null) {
			throw new InvalidInputException(field, Text.of("leader.problem.required"));
		}
		if (value < 0 || value > 100_000) {
			throw new InvalidInputException(field, Text.of("leader.problem.recruitmentCount"));
		}
		return value;
	}
}
