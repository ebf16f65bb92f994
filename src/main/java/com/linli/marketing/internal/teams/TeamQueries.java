package com.linli.marketing.internal.teams;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import com.linli.identity.AccountId;
import com.linli.identity.AccountManagement;
import com.linli.marketing.ListingId;
import com.linli.marketing.Team;
import com.linli.marketing.TeamStatus;
import com.linli.network.RegionId;
import com.linli.shared.Money;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Teams as pages and the API show them: with their members (names masked) and the team price. */
@Component
public class TeamQueries {

	private static final String SELECT = """
			select t.*, p.team_price_fen from marketing.team t join marketing.team_terms p on p.listing_id = t.listing_id
			""";

	private final JdbcClient jdbc;

	private final AccountManagement accounts;

	TeamQueries(JdbcClient jdbc, AccountManagement accounts) {
		this.jdbc = jdbc;
		this.accounts = accounts;
	}

	public Optional<Team> find(long id) {
		return withMembers(jdbc.sql(SELECT + " where t.id = ?").param(id).query(TeamQueries::row).list()).stream()
			.findFirst();
	}

	/** The region's OPEN teams that can still be joined at {@code now}, the soonest deadline first. */
	public List<Team> joinable(RegionId region, Instant now, int limit) {
		return withMembers(jdbc.sql(SELECT + """
				 where t.region_id = ? and t.status = 'OPEN' and t.deadline_at > ? and t.members < t.team_size
				 order by t.deadline_at, t.id limit ?""")
			.params(region.value(), Timestamp.from(now), limit).query(TeamQueries::row).list());
	}

	/** A listing's teams, newest first (the console). */
	public List<Team> ofListing(ListingId listing, int limit) {
		return withMembers(jdbc.sql(SELECT + " where t.listing_id = ? order by t.id desc limit ?")
			.params(listing.value(), limit).query(TeamQueries::row).list());
	}

	private List<Team> withMembers(List<Team> teams) {
		if (teams.isEmpty()) {
			return teams;
		}
		Long[] ids = teams.stream().map(Team::id).toArray(Long[]::new);
		record Row(long team, AccountId resident, long order, Instant joined, boolean paid) {
		}
		List<Row> rows = jdbc.sql("""
				select team_id, resident_id, order_id, joined_at, paid_at is not null as paid from marketing.team_member
				 where team_id = any(cast(? as bigint[])) and released_at is null order by joined_at, order_id""")
			.param(ids)
			.query((rs, n) -> new Row(rs.getLong(1), new AccountId(rs.getLong(2)), rs.getLong(3),
					rs.getTimestamp(4).toInstant(), rs.getBoolean(5)))
			.list();
		Map<AccountId, String> names = accounts.getAll(rows.stream().map(Row::resident).distinct().toList()).stream()
			.collect(Collectors.toMap(a -> a.id(), a -> masked(a.displayName()), (a, b) -> a));
		List<Team> result = new ArrayList<>(teams.size());
		for (Team t : teams) {
			List<Team.Member> members = rows.stream().filter(r -> r.team() == t.id())
				.map(r -> new Team.Member(r.resident(), names.getOrDefault(r.resident(), "*"), r.order(), r.joined(), r.paid()))
				.toList();
			result.add(new Team(t.id(), t.listing(), t.region(), t.openedBy(), t.size(), t.members(), t.paidMembers(),
					t.allowFewer(), t.teamPrice(), t.status(), t.openedAt(), t.deadlineAt(), t.closedAt(), members));
		}
		return result;
	}

	/** The share page shows who is in without giving away full names: the first character and a star. */
	static String masked(String name) {
		if (name == null || name.isBlank()) {
			return "*";
		}
		return name.codePoints().limit(1).mapToObj(Character::toString).collect(Collectors.joining()) + "*";
	}

	private static Team row(ResultSet rs, int n) throws SQLException {
		Timestamp closed = rs.getTimestamp("closed_at");
		return new Team(rs.getLong("id"), new ListingId(rs.getLong("listing_id")), new RegionId(rs.getLong("region_id")),
				new AccountId(rs.getLong("opened_by")), rs.getInt("team_size"), rs.getInt("members"),
				rs.getInt("paid_members"), rs.getBoolean("allow_fewer"), Money.ofFen(rs.getLong("team_price_fen")),
				TeamStatus.valueOf(rs.getString("status")), rs.getTimestamp("opened_at").toInstant(),
				rs.getTimestamp("deadline_at").toInstant(), closed == null ? null : closed.toInstant(), List.of());
	}
}
