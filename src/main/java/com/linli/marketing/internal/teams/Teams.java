package com.linli.marketing.internal.teams;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import com.linli.identity.AccountId;
import com.linli.marketing.ListingId;
import com.linli.marketing.TeamStatus;
import com.linli.marketing.TeamTerms;
import com.linli.network.RegionId;
import com.linli.shared.BusinessRuleException;
import com.linli.shared.Money;
import com.linli.shared.Text;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The teams' rows. Places are taken and freed by conditional updates keyed by order id (a team never holds
 * more than its size, a retry changes nothing); status moves are saved from a {@link TeamState} with a
 * compare-and-set on the version, which the place updates bump too.
 */
@Repository
public class Teams {

	private final JdbcClient jdbc;

	private final ApplicationEventPublisher events;

	Teams(JdbcClient jdbc, ApplicationEventPublisher events) {
		this.jdbc = jdbc;
		this.events = events;
	}

	// ---- terms --------------------------------------------------------------------------------------------

	/** Inserts or replaces a listing's terms. */
	public void saveTerms(TeamTerms terms, RegionId region, Instant at) {
		jdbc.sql("""
				insert into marketing.team_terms (listing_id, region_id, team_size, time_limit_minutes, team_price_fen,
				                                  allow_fewer, created_at, updated_at)
				values (:listing, :region, :size, :limit, :price, :fewer, :at, :at)
				on conflict (listing_id) do update set team_size = excluded.team_size,
				    time_limit_minutes = excluded.time_limit_minutes, team_price_fen = excluded.team_price_fen,
				    allow_fewer = excluded.allow_fewer, updated_at = excluded.updated_at""")
			.param("listing", terms.listing().value()).param("region", region.value()).param("size", terms.teamSize())
			.param("limit", terms.timeLimitMinutes()).param("price", terms.teamPrice().fen())
			.param("fewer", terms.allowFewer()).param("at", Timestamp.from(at)).update();
	}

	public Optional<TeamTerms> terms(ListingId listing) {
		return jdbc.sql("select * from marketing.team_terms where listing_id = ?").param(listing.value())
			.query(Teams::terms).optional();
	}

	/** The terms of the region's listings whose cutoff is after {@code since}, soonest first. */
	public List<TeamTerms> termsOfRegion(RegionId region, Instant since) {
		return jdbc.sql("""
				select t.* from marketing.team_terms t join marketing.listing l on l.id = t.listing_id
				 where t.region_id = ? and l.cutoff_at > ? order by l.cutoff_at, t.listing_id limit 200""")
			.params(region.value(), Timestamp.from(since)).query(Teams::terms).list();
	}

	private static TeamTerms terms(ResultSet rs, int n) throws SQLException {
		return new TeamTerms(new ListingId(rs.getLong("listing_id")), rs.getInt("team_size"),
				rs.getInt("time_limit_minutes"), Money.ofFen(rs.getLong("team_price_fen")), rs.getBoolean("allow_fewer"));
	}

	// ---- places ---------------------------------------------------------------------------------------------

	/** The team the order holds a place in (released or not), if any: a retry of placed() finds it. */
	public Optional<Long> teamOfOrder(long orderId) {
		return jdbc.sql("select team_id from marketing.team_member where order_id = ?").param(orderId)
			.query(Long.class).optional();
	}

	/** Opens a team with the order as its first member; answers the team's id. */
	public long open(TeamTerms terms, RegionId region, AccountId resident, long orderId, Instant at, Instant deadline) {
		long id = jdbc.sql("""
				insert into marketing.team (listing_id, region_id, opened_by, team_size, allow_fewer, members,
				                            opened_at, deadline_at)
				values (?, ?, ?, ?, ?, 1, ?, ?) returning id""")
			.params(terms.listing().value(), region.value(), resident.value(), terms.teamSize(), terms.allowFewer(),
					Timestamp.from(at), Timestamp.from(deadline))
			.query(Long.class).single();
		insertMember(id, orderId, resident, at);
		return id;
	}

	/**
	 * Takes a place for the order if the team is OPEN, of that listing, not full and before its deadline
	 * (one conditional update: concurrent joins queue on the team's row and each sees the count the one
	 * before left). Answers whether the place was taken; a second place of the same resident breaks the
	 * unique index (the caller turns that into a refusal).
	 */
	public boolean join(long teamId, ListingId listing, AccountId resident, long orderId, Instant at) {
		int taken = jdbc.sql("""
				update marketing.team set members = members + 1, version = version + 1
				 where id = ? and listing_id = ? and status = 'OPEN' and members < team_size and deadline_at > ?""")
			.params(teamId, listing.value(), Timestamp.from(at)).update();
		if (taken == 0) {
			return false;
		}
		insertMember(teamId, orderId, resident, at);
		return true;
	}

	private void insertMember(long teamId, long orderId, AccountId resident, Instant at) {
		jdbc.sql("insert into marketing.team_member (order_id, team_id, resident_id, joined_at) values (?, ?, ?, ?)")
			.params(orderId, teamId, resident.value(), Timestamp.from(at)).update();
	}

	/** Does the resident hold a place in the team now? */
	public boolean holdsPlace(long teamId, AccountId resident) {
		return jdbc.sql("""
				select count(*) from marketing.team_member where team_id = ? and resident_id = ? and released_at is null""")
			.params(teamId, resident.value()).query(Integer.class).single() > 0;
	}

	/**
	 * The order's place is paid (once): in an OPEN team its paid count goes up. Answers the team and its
	 * paid count after the change, or empty when the order holds no place or was counted before.
	 */
	public Optional<long[]> markPaid(long orderId, Instant at) {
		Optional<Long> team = jdbc.sql("""
				update marketing.team_member set paid_at = ?
				 where order_id = ? and paid_at is null and released_at is null returning team_id""")
			.params(Timestamp.from(at), orderId).query(Long.class).optional();
		return team.flatMap(id -> jdbc.sql("""
				update marketing.team set paid_members = paid_members + 1, version = version + 1
				 where id = ? and status = 'OPEN' returning id, paid_members, team_size""")
			.param(id).query((rs, n) -> new long[] { rs.getLong(1), rs.getInt(2), rs.getInt(3) }).optional());
	}

	/** The order's place is freed (once): an OPEN team gets the place back. */
	public void release(long orderId, Instant at) {
		jdbc.sql("""
				with freed as (
				    update marketing.team_member set released_at = ?
				     where order_id = ? and released_at is null returning team_id, paid_at is not null as paid)
				update marketing.team t set members = t.members - 1,
				       paid_members = t.paid_members - case when f.paid then 1 else 0 end, version = t.version + 1
				  from freed f where t.id = f.team_id and t.status = 'OPEN'""")
			.params(Timestamp.from(at), orderId).update();
	}

	/** The orders holding a place in the team now (paid first, then by joining). */
	public List<Long> memberOrders(long teamId) {
		return jdbc.sql("""
				select order_id from marketing.team_member where team_id = ? and released_at is null
				 order by paid_at nulls last, joined_at, order_id""")
			.param(teamId).query(Long.class).list();
	}

	// ---- lifecycle ------------------------------------------------------------------------------------------

	public Optional<TeamState> load(long teamId) {
		return jdbc.sql("select * from marketing.team where id = ?").param(teamId)
			.query((rs, n) -> new TeamState(rs.getLong("id"), new ListingId(rs.getLong("listing_id")),
					rs.getInt("team_size"), rs.getInt("members"), rs.getInt("paid_members"), rs.getBoolean("allow_fewer"),
					TeamStatus.valueOf(rs.getString("status")), rs.getTimestamp("deadline_at").toInstant(),
					instant(rs.getTimestamp("closed_at")), rs.getInt("version")))
			.optional();
	}

	/** Saves a status move if nobody changed the team since it was loaded (else 409), then publishes its events. */
	public void save(TeamState team) {
		int saved = jdbc.sql("""
				update marketing.team set status = ?, closed_at = ?, version = version + 1
				 where id = ? and version = ?""")
			.params(team.status().name(), team.closedAt() == null ? null : Timestamp.from(team.closedAt()), team.id(),
					team.version())
			.update();
		if (saved != 1) {
			throw new BusinessRuleException("changed-concurrently", Text.of("marketing.teams.problem.changedConcurrently"));
		}
		team.events().forEach(events::publishEvent);
	}

	/** OPEN teams whose deadline has come, oldest first. */
	public List<Long> dueAt(Instant at, int limit) {
		return jdbc.sql("""
				select id from marketing.team where status = 'OPEN' and deadline_at <= ? order by deadline_at, id limit ?""")
			.params(Timestamp.from(at), limit).query(Long.class).list();
	}

	private static Instant instant(Timestamp t) {
		return t == null ? null : t.toInstant();
	}
}
