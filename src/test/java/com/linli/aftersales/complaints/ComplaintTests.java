package com.linli.aftersales.complaints;

import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import com.linli.StatusMoves;
import com.linli.aftersales.ComplaintClosed;
import com.linli.aftersales.ComplaintEscalated;
import com.linli.aftersales.ComplaintStatus;
import com.linli.aftersales.ComplaintSubject;
import com.linli.aftersales.internal.complaints.Complaint;
import com.linli.aftersales.internal.complaints.Sla;
import com.linli.shared.BusinessRuleException;
import com.linli.shared.InvalidInputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import static com.linli.aftersales.ComplaintStatus.CLOSED;
import static com.linli.aftersales.ComplaintStatus.ESCALATED;
import static com.linli.aftersales.ComplaintStatus.OPEN;
import static com.linli.aftersales.ComplaintStatus.RESOLVED;
import static com.linli.aftersales.ComplaintStatus.RESPONDED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The complaint's lifecycle (no Spring): every status pair through the aggregate's moves, the clocks, the events. */
class ComplaintTests {

	static final Instant T0 = Instant.parse("2026-12-01T02:00:00Z");

	static final Instant FIRST_DUE = T0.plus(Duration.ofHours(2));

	static final Instant RESOLUTION_DUE = T0.plus(Duration.ofHours(48));

	/** The lifecycle's table (DESIGN.md section 4, ComplaintStatus's javadoc). */
	static final Map<ComplaintStatus, Set<ComplaintStatus>> ALLOWED = Map.of(OPEN, EnumSet.of(RESPONDED, ESCALATED, RESOLVED),
			RESPONDED, EnumSet.of(ESCALATED, RESOLVED), ESCALATED, EnumSet.of(RESPONDED, RESOLVED), RESOLVED,
			EnumSet.of(CLOSED), CLOSED, EnumSet.noneOf(ComplaintStatus.class));

	static final StatusMoves<ComplaintStatus> MOVES = StatusMoves.of(ComplaintStatus.class, ALLOWED,
			ComplaintStatus::canBecome, ComplaintStatus::next, ComplaintStatus::to, "illegal-complaint-transition");

	static Stream<Arguments> pairs() {
		return MOVES.pairs();
	}

	/** A complaint in the status, as it would be there (responded, resolved, rated as the status implies). */
	static Complaint in(ComplaintStatus status) {
		Instant responded = switch (status) {
			case OPEN, ESCALATED -> null;
			default -> T0.plus(Duration.ofHours(1));
		};
		Instant resolved = status == RESOLVED || status == CLOSED ? T0.plus(Duration.ofHours(3)) : null;
		boolean escalated = status == ESCALATED;
		return new Complaint(7, "TS261201000007", 11, 3, ComplaintSubject.PRODUCT, 5L, 6L, null, "菜坏了", status, 21L, T0,
				FIRST_DUE, responded, RESOLUTION_DUE, resolved, resolved == null ? null : "退款了",
				status == CLOSED ? T0.plus(Duration.ofHours(4)) : null, status == CLOSED ? 4 : null,
				escalated ? FIRST_DUE.plusSeconds(60) : null, escalated ? Complaint.Clock.FIRST_RESPONSE : null, escalated,
				false, 3);
	}

	@ParameterizedTest(name = "{0} -> {1}")
	@MethodSource("pairs")
	void theEnumOwnsTheMoves(ComplaintStatus from, ComplaintStatus to) {
		MOVES.check(from, to);
	}

	@ParameterizedTest(name = "{0} -> {1}")
	@MethodSource("pairs")
	void theAggregateMovesExactlyAsTheTableSays(ComplaintStatus from, ComplaintStatus to) {
		Complaint c = in(from);
		// late enough that the resolution clock ran out too (where it still runs)
		Instant at = RESOLUTION_DUE.plusSeconds(60);
		Runnable move = switch (to) {
			case OPEN -> null;
			case RESPONDED -> () -> c.respond(at);
			case ESCALATED -> () -> c.escalate(c.overdue(Complaint.Clock.FIRST_RESPONSE, at) ? Complaint.Clock.FIRST_RESPONSE
					: Complaint.Clock.RESOLUTION, 99L, at);
			case RESOLVED -> () -> c.resolve("换了一份新的", at);
			case CLOSED -> () -> c.rate(5, at);
		};
		if (move == null) {
			assertThat(ALLOWED.get(from)).doesNotContain(OPEN);
			return;
		}
		if (ALLOWED.get(from).contains(to)) {
			move.run();
			assertThat(c.status()).isEqualTo(to);
		}
		else {
			assertThatThrownBy(move::run).isInstanceOfSatisfying(BusinessRuleException.class, e -> {
				assertThat(e.code()).isEqualTo("illegal-complaint-transition");
				assertThat(Stream.of(e.text().args()).map(String::valueOf)).containsExactly(from.name(), to.name());
			});
			assertThat(c.status()).isEqualTo(from);
			assertThat(c.events()).isEmpty();
		}
	}

	@Test
	void theFirstResponseStopsTheFirstClockOnce() {
		Complaint c = in(OPEN);
		c.respond(T0.plusSeconds(600));
		assertThat(c.firstRespondedAt()).isEqualTo(T0.plusSeconds(600));
		assertThat(c.overdue(Complaint.Clock.FIRST_RESPONSE, FIRST_DUE.plusSeconds(1))).isFalse();
	}

	@Test
	void anOverdueClockEscalatesOnceToTheSupervisorNamingTheAssigneeWhoHadIt() {
		Complaint c = in(OPEN);
		assertThat(c.overdue(Complaint.Clock.FIRST_RESPONSE, FIRST_DUE)).as("due is not yet overdue").isFalse();
		Instant late = FIRST_DUE.plusSeconds(1);
		assertThat(c.overdue(Complaint.Clock.FIRST_RESPONSE, late)).isTrue();
		c.escalate(Complaint.Clock.FIRST_RESPONSE, 99L, late);
		assertThat(c.status()).isEqualTo(ESCALATED);
		assertThat(c.assigneeId()).isEqualTo(99L);
		assertThat(c.events()).singleElement().isInstanceOfSatisfying(ComplaintEscalated.class, e -> {
			assertThat(e.clock()).isEqualTo("FIRST_RESPONSE");
			assertThat(e.assigneeId()).isEqualTo(21L);
			assertThat(e.at()).isEqualTo(late);
		});
		assertThat(c.overdue(Complaint.Clock.FIRST_RESPONSE, late.plusSeconds(3600))).as("escalated once").isFalse();
		// answered late: RESPONDED again; then the resolution clock may still escalate, once
		c.respond(late.plusSeconds(60));
		assertThat(c.status()).isEqualTo(RESPONDED);
		Instant later = RESOLUTION_DUE.plusSeconds(1);
		c.escalate(Complaint.Clock.RESOLUTION, 98L, later);
		assertThat(c.escalationClock()).isEqualTo(Complaint.Clock.RESOLUTION);
		assertThat(c.overdue(Complaint.Clock.RESOLUTION, later.plusSeconds(60))).isFalse();
	}

	@Test
	void aClockThatDidNotRunOutDoesNotEscalate() {
		Complaint c = in(OPEN);
		assertThatThrownBy(() -> c.escalate(Complaint.Clock.FIRST_RESPONSE, 99L, FIRST_DUE.minusSeconds(1)))
			.isInstanceOfSatisfying(BusinessRuleException.class, e -> assertThat(e.code()).isEqualTo("complaint-not-overdue"));
		assertThat(c.status()).isEqualTo(OPEN);
	}

	@Test
	void aRatingInTimeClosesItWithinTheSla() {
		Complaint c = in(RESOLVED);
		c.rate(5, T0.plus(Duration.ofHours(5)));
		assertThat(c.status()).isEqualTo(CLOSED);
		assertThat(c.satisfaction()).isEqualTo(5);
		assertThat(c.events()).singleElement().isInstanceOfSatisfying(ComplaintClosed.class, e -> {
			assertThat(e.satisfaction()).isEqualTo(5);
			assertThat(e.withinSla()).isTrue();
			assertThat(e.pickupPointId().value()).isEqualTo(6L);
		});
	}

	@Test
	void aLateFirstResponseIsOutsideTheSla() {
		Complaint c = in(OPEN);
		c.respond(FIRST_DUE.plusSeconds(1));
		c.resolve("已处理", FIRST_DUE.plusSeconds(3600));
		c.rate(3, FIRST_DUE.plusSeconds(7200));
		assertThat(((ComplaintClosed) c.events().get(0)).withinSla()).isFalse();
	}

	@Test
	void aResolutionWithoutAnAnswerIsTheFirstAnswer() {
		Complaint c = in(OPEN);
		c.resolve("已退款", T0.plusSeconds(60));
		assertThat(c.firstRespondedAt()).isEqualTo(T0.plusSeconds(60));
		assertThat(c.withinSla()).isTrue();
	}

	@ParameterizedTest
	@ValueSource(ints = { 0, 6, -1 })
	void aRatingOutsideOneToFiveIsRefusedNamingTheField(int stars) {
		Complaint c = in(RESOLVED);
		assertThatThrownBy(() -> c.rate(stars, T0.plus(Duration.ofHours(5))))
			.isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("satisfaction"));
		assertThat(c.status()).isEqualTo(RESOLVED);
	}

	@Test
	void aResolutionNeedsASummary() {
		Complaint c = in(RESPONDED);
		assertThatThrownBy(() -> c.resolve("  ", T0)).isInstanceOfSatisfying(InvalidInputException.class,
				e -> assertThat(e.field()).isEqualTo("summary"));
		assertThatThrownBy(() -> c.resolve("x".repeat(1001), T0)).isInstanceOf(InvalidInputException.class);
	}

	@Test
	void aClosedComplaintTakesNoMessagesAndNoAssignment() {
		Complaint c = in(CLOSED);
		assertThatThrownBy(c::checkOpenForMessages).isInstanceOfSatisfying(BusinessRuleException.class,
				e -> assertThat(e.code()).isEqualTo("complaint-closed"));
		assertThatThrownBy(() -> c.assign(5L)).isInstanceOf(BusinessRuleException.class);
	}

	@Test
	void slaArithmetic() {
		assertThat(Sla.kept(FIRST_DUE, FIRST_DUE)).as("at the due time is in time").isTrue();
		assertThat(Sla.kept(FIRST_DUE, FIRST_DUE.plusMillis(1))).isFalse();
		assertThat(Sla.kept(FIRST_DUE, null)).as("a running clock is not kept yet").isFalse();
		assertThat(Sla.left(FIRST_DUE, null, T0)).isEqualTo(Duration.ofHours(2));
		assertThat(Sla.left(FIRST_DUE, null, FIRST_DUE.plusSeconds(300))).isEqualTo(Duration.ofMinutes(-5));
		assertThat(Sla.left(FIRST_DUE, T0, FIRST_DUE.plusSeconds(300))).as("stopped").isNull();
		assertThat(Sla.span(Duration.ofMinutes(65))).isEqualTo("1h05m");
		assertThat(Sla.span(Duration.ofMinutes(-3))).isEqualTo("3m");
		assertThat(Sla.span(Duration.ofHours(50))).isEqualTo("2d2h");
	}
}
