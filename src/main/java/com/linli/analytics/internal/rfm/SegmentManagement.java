package com.linli.analytics.internal.rfm;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import com.linli.analytics.SegmentMessageSent;
import com.linli.analytics.internal.rfm.RfmScores.Row;
import com.linli.identity.Account;
import com.linli.identity.AccountId;
import com.linli.identity.AccountManagement;
import com.linli.identity.Actor;
import com.linli.marketing.CouponTemplate;
import com.linli.marketing.CouponTemplateManagement;
import com.linli.network.RegionId;
import com.linli.shared.AdminChange;
import com.linli.shared.BusinessRuleException;
import com.linli.shared.InvalidInputException;
import com.linli.shared.Text;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A region's RFM segments for its operators: sizes and value (the latest run), their history, the residents of a
 * segment, and a push to a segment (a coupon through marketing's push, or a message the message centre delivers on
 * {@link SegmentMessageSent}), recorded once per client key: a repeated key answers the first push and sends nothing.
 */
@Service
@Transactional(readOnly = true)
public class SegmentManagement {

	/** At most this many residents listed per segment on a page or in an export. */
	public static final int MAX_LIST = 5_000;

	private final RfmScores scores;

	private final AccountManagement accounts;

	private final CouponTemplateManagement coupons;

	private final ApplicationEventPublisher events;

	private final JdbcClient jdbc;

	private final Clock clock;

	SegmentManagement(RfmScores scores, AccountManagement accounts, CouponTemplateManagement coupons,
			ApplicationEventPublisher events, JdbcClient jdbc, Clock clock) {
		this.scores = scores;
		this.accounts = accounts;
		this.coupons = coupons;
		this.events = events;
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/** A segment's size and value on the latest run's day, with its snapshots of the last {@code days} days. */
	public record SegmentSummary(Segment segment, long residents, long monetaryFen, List<SegmentSize> trend) {
	}

	/** The region's segments as of the latest run ({@code day} null and no segments when none ran yet). */
	public record Overview(long regionId, LocalDate day, List<SegmentSummary> segments) {
	}

	public Overview overview(Actor actor, RegionId region, int days) {
		actor.checkRegion(region.value());
		Optional<LocalDate> day = scores.latestDay(region.value());
		if (day.isEmpty()) {
			return new Overview(region.value(), null, List.of());
		}
		Map<Segment, List<SegmentSize>> history = scores.history(region.value(), day.get().minusDays(days - 1L))
			.stream().collect(Collectors.groupingBy(SegmentSize::segment));
		List<SegmentSummary> segments = new ArrayList<>();
		for (Segment s : Segment.values()) {
			List<SegmentSize> trend = history.getOrDefault(s, List.of());
			var latest = trend.stream().filter(t -> t.day().equals(day.get())).findFirst();
			segments.add(new SegmentSummary(s, latest.map(SegmentSize::residents).orElse(0L),
					latest.map(SegmentSize::monetaryFen).orElse(0L), trend));
		}
		return new Overview(region.value(), day.get(), segments);
	}

	/** A segment's resident with their account's name and phone. */
	public record Member(long residentId, String name, String phone, int recencyDays, int orders, long monetaryFen,
			int r, int f, int m, LocalDate firstOrderOn, LocalDate lastOrderOn) {
	}

	public List<Member> residents(Actor actor, RegionId region, Segment segment) {
		actor.checkRegion(region.value());
		List<Row> rows = scores.residents(region.value(), segment, MAX_LIST);
		Map<Long, Account> byId = accounts.getAll(rows.stream().map(r -> new AccountId(r.residentId())).toList())
			.stream().collect(Collectors.toMap(a -> a.id().value(), a -> a, (a, b) -> a));
		return rows.stream().map(r -> {
			Account a = byId.get(r.residentId());
			return new Member(r.residentId(), a == null ? "" : a.displayName(), a == null ? "" : a.phone(),
					r.recencyDays(), r.orders(), r.monetaryFen(), r.r(), r.f(), r.m(), r.firstOrderOn(),
					r.lastOrderOn());
		}).toList();
	}

	public enum PushKind {
		COUPON, MESSAGE
	}

	/** What a push did: how many residents it reached; {@code repeated} when the client key was used before. */
	public record Push(long id, long regionId, Segment segment, PushKind kind, Long couponTemplateId, String text,
			int residents, java.time.Instant pushedAt, boolean repeated) {
	}

	/**
	 * Pushes a coupon of a template of the region, or a message, to every resident of the segment as of the latest
	 * run, once per {@code clientKey}: the same key again answers the first push (a concurrent twin waits on the
	 * key's unique index, then finds it). All or nothing: a coupon that cannot go to every resident goes to none.
	 */
	@Transactional
	public Push push(Actor actor, RegionId region, Segment segment, PushKind kind, Long couponTemplateId, String text,
			String clientKey) {
		actor.checkRegion(region.value());
		if (clientKey == null || clientKey.isBlank() || clientKey.length() > 80) {
			throw new InvalidInputException("clientKey", Text.of("analytics.rfm.problem.clientKey"));
		}
		if (kind == null) {
			throw new InvalidInputException("kind", Text.of("analytics.rfm.problem.kind"));
		}
		if (kind == PushKind.COUPON && couponTemplateId == null) {
			throw new InvalidInputException("couponTemplateId", Text.of("analytics.rfm.problem.template"));
		}
		if (kind == PushKind.MESSAGE && (text == null || text.isBlank() || text.length() > 500)) {
			throw new InvalidInputException("text", Text.of("analytics.rfm.problem.text"));
		}
		Optional<Push> earlier = find(region.value(), clientKey);
		if (earlier.isPresent()) {
			return earlier.get();
		}
		List<Long> residents = scores.residentIds(region.value(), segment);
		if (residents.isEmpty()) {
			throw new BusinessRuleException("segment-empty", "segment",
					Text.of("analytics.rfm.problem.empty", segment.name()));
		}
		CouponTemplate template = null;
		if (kind == PushKind.COUPON) {
			template = coupons.get(actor, couponTemplateId);
			if (!template.inRegion(region)) {
				throw new BusinessRuleException("coupon-not-in-region", "couponTemplateId",
						Text.of("analytics.rfm.problem.templateRegion", template.name()));
			}
		}
		var now = clock.instant();
		Optional<Long> id = jdbc.sql("""
				insert into analytics.segment_push (region_id, segment, kind, coupon_template_id, text, client_key,
				    residents, pushed_at, pushed_by)
				values (?, ?, ?, ?, ?, ?, ?, ?, ?)
				on conflict (region_id, client_key) do nothing
				returning id""")
			.params(region.value(), segment.name(), kind.name(), kind == PushKind.COUPON ? couponTemplateId : null,
					kind == PushKind.MESSAGE ? text.strip() : null, clientKey, residents.size(),
					java.sql.Timestamp.from(now), actor.accountIdOrNull())
			.query(Long.class).optional();
		if (id.isEmpty()) {
			return find(region.value(), clientKey).orElseThrow();
		}
		if (kind == PushKind.COUPON) {
			List<String> phones = accounts.getAll(residents.stream().map(AccountId::new).toList()).stream()
				.map(Account::phone).toList();
			for (int from = 0; from < phones.size(); from += CouponTemplateManagement.MAX_PUSH) {
				var chunk = phones.subList(from, Math.min(phones.size(), from + CouponTemplateManagement.MAX_PUSH));
				coupons.push(actor, couponTemplateId, String.join("\n", chunk));
			}
		}
		else {
			events.publishEvent(new SegmentMessageSent(id.get(), region.value(), segment.name(), residents, text.strip()));
		}
		events.publishEvent(new AdminChange(actor.actedBy(), "analytics.segment-push", "segment:" + segment.name(),
				"region=" + region.value() + " kind=" + kind + " residents=" + residents.size()));
		return new Push(id.get(), region.value(), segment, kind, kind == PushKind.COUPON ? couponTemplateId : null,
				kind == PushKind.MESSAGE ? text.strip() : null, residents.size(), now, false);
	}

	/** The region's pushes, newest first. */
	public List<Push> pushes(Actor actor, RegionId region) {
		actor.checkRegion(region.value());
		return jdbc.sql(SELECT_PUSH + " where region_id = ? order by id desc limit 100").param(region.value())
			.query((rs, n) -> push(rs, false)).list();
	}

	private Optional<Push> find(long region, String clientKey) {
		return jdbc.sql(SELECT_PUSH + " where region_id = ? and client_key = ?").params(region, clientKey)
			.query((rs, n) -> push(rs, true)).optional();
	}

	private static final String SELECT_PUSH = """
			select id, region_id, segment, kind, coupon_template_id, text, residents, pushed_at
			  from analytics.segment_push""";

	private static Push push(java.sql.ResultSet rs, boolean repeated) throws java.sql.SQLException {
		return new Push(rs.getLong(1), rs.getLong(2), Segment.valueOf(rs.getString(3)), PushKind.valueOf(rs.getString(4)),
				(Long) rs.getObject(5), rs.getString(6), rs.getInt(7), rs.getTimestamp(8).toInstant(), repeated);
	}
}
