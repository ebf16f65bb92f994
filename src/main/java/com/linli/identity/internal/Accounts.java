package com.linli.identity.internal;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;

import com.linli.identity.Account;
import com.linli.identity.AccountId;
import com.linli.identity.NewAccount;
import com.linli.identity.Role;
import com.linli.shared.Page;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The account table and its roles and regions, in plain SQL. */
@Repository
public class Accounts {

	private static final String SELECT = """
			select a.id, a.phone, a.display_name, a.enabled, a.password_change_required, a.created_at,
			       coalesce((select array_agg(r.role) from identity.account_role r where r.account_id = a.id), '{}') as roles,
			       coalesce((select array_agg(o.region_id) from identity.operator_region o where o.account_id = a.id), '{}') as regions
			  from identity.account a
			""";

	private final JdbcClient jdbc;

	private final Clock clock;

	Accounts(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	public boolean phoneTaken(String phone) {
		return jdbc.sql("select exists(select 1 from identity.account where phone = ?)").param(phone)
			.query(Boolean.class).single();
	}

	public AccountId insert(NewAccount a, String passwordHash) {
		long id = jdbc.sql("""
				insert into identity.account (phone, display_name, password_hash, created_at)
				values (?, ?, ?, ?) returning id""")
			.params(a.phone(), a.displayName().trim(), passwordHash, Timestamp.from(clock.instant()))
			.query(Long.class).single();
		writeRoles(id, a.roles(), a.regionIds());
		return new AccountId(id);
	}

	/** Inserts many accounts in a few statements (arrays unnested), in chunks; ids in the order given. */
	public List<AccountId> insertAll(List<NewAccount> list, Function<NewAccount, String> hash) {
		List<AccountId> ids = new ArrayList<>(list.size());
		Timestamp now = Timestamp.from(clock.instant());
		for (int from = 0; from < list.size(); from += 1000) {
			var chunk = list.subList(from, Math.min(list.size(), from + 1000));
			String[] phones = chunk.stream().map(NewAccount::phone).toArray(String[]::new);
			String[] names = chunk.stream().map(a -> a.displayName().trim()).toArray(String[]::new);
			String[] hashes = chunk.stream().map(hash).toArray(String[]::new);
			var byPhone = new java.util.HashMap<String, Long>();
			jdbc.sql("""
					insert into identity.account (phone, display_name, password_hash, created_at)
					select p, n, h, ? from unnest(?::text[], ?::text[], ?::text[]) as t(p, n, h)
					returning id, phone""")
				.params(now, phones, names, hashes)
				.query((rs, i) -> byPhone.put(rs.getString(2), rs.getLong(1))).list();
			List<Long> roleAccounts = new ArrayList<>();
			List<String> roleNames = new ArrayList<>();
			List<Long> regionAccounts = new ArrayList<>();
			List<Long> regions = new ArrayList<>();
			for (var a : chunk) {
				long id = byPhone.get(a.phone());
				ids.add(new AccountId(id));
				a.roles().forEach(r -> {
					roleAccounts.add(id);
					roleNames.add(r.name());
				});
				a.regionIds().forEach(r -> {
					regionAccounts.add(id);
					regions.add(r);
				});
			}
			jdbc.sql("insert into identity.account_role (account_id, role) select * from unnest(?::bigint[], ?::text[])")
				.params(roleAccounts.toArray(Long[]::new), roleNames.toArray(String[]::new)).update();
			if (!regions.isEmpty()) {
				jdbc.sql("""
						insert into identity.operator_region (account_id, region_id)
						select * from unnest(?::bigint[], ?::bigint[])""")
					.params(regionAccounts.toArray(Long[]::new), regions.toArray(Long[]::new)).update();
			}
		}
		return ids;
	}

	private void writeRoles(long id, Set<Role> roles, Set<Long> regionIds) {
		jdbc.sql("delete from identity.account_role where account_id = ?").param(id).update();
		jdbc.sql("delete from identity.operator_region where account_id = ?").param(id).update();
		for (Role role : roles) {
			jdbc.sql("insert into identity.account_role (account_id, role) values (?, ?)").params(id, role.name()).update();
		}
		for (Long region : regionIds) {
			jdbc.sql("insert into identity.operator_region (account_id, region_id) values (?, ?)").params(id, region)
				.update();
		}
	}

	public void update(AccountId id, String displayName, Set<Role> roles, Set<Long> regionIds, boolean enabled) {
		jdbc.sql("update identity.account set display_name = ?, enabled = ? where id = ?")
			.params(displayName.trim(), enabled, id.value()).update();
		writeRoles(id.value(), roles, regionIds);
	}

	/** Adds a role; false if the account held it already. */
	public boolean grantRole(AccountId id, Role role) {
		return jdbc.sql("insert into identity.account_role (account_id, role) values (?, ?) on conflict do nothing")
			.params(id.value(), role.name()).update() == 1;
	}

	/** A new password hash; {@code changeRequired}: its owner must choose another at their next sign-in. */
	public void setPassword(AccountId id, String hash, boolean changeRequired) {
		jdbc.sql("update identity.account set password_hash = ?, password_change_required = ? where id = ?")
			.params(hash, changeRequired, id.value()).update();
	}

	public String passwordHash(AccountId id) {
		return jdbc.sql("select password_hash from identity.account where id = ?").param(id.value()).query(String.class)
			.single();
	}

	/**
	 * Ends every session and API token of the account: its security version goes up (sessions signed in
	 * under the old one end at their next request, on any node) and its tokens are deleted.
	 */
	public void endSessions(AccountId id) {
		jdbc.sql("update identity.account set security_version = security_version + 1 where id = ?").param(id.value())
			.update();
		jdbc.sql("delete from identity.api_token where account_id = ?").param(id.value()).update();
	}

	/** The security version of an enabled account; empty when it is disabled or gone. */
	public Optional<Long> activeSecurityVersion(long id) {
		return jdbc.sql("select security_version from identity.account where id = ? and enabled").param(id)
			.query(Long.class).optional();
	}

	/** The account's phone (its login), without loading its roles and regions. */
	public Optional<String> phone(AccountId id) {
		return jdbc.sql("select phone from identity.account where id = ?").param(id.value()).query(String.class).optional();
	}

	public Optional<Account> find(AccountId id) {
		return jdbc.sql(SELECT + " where a.id = ?").param(id.value()).query(Accounts::map).optional();
	}

	public Optional<Account> findByPhone(String phone) {
		return jdbc.sql(SELECT + " where a.phone = ?").param(phone).query(Accounts::map).optional();
	}

	public List<Account> findAll(Iterable<AccountId> ids) {
		Long[] array = StreamSupport.stream(ids.spliterator(), false).map(AccountId::value).toArray(Long[]::new);
		return jdbc.sql(SELECT + " where a.id = any(?) order by a.id").param(array).query(Accounts::map).list();
	}

	public long count() {
		return jdbc.sql("select count(*) from identity.account").query(Long.class).single();
	}

	public Page<Account> search(String query, Role role, int page, int size) {
		String where = " where (cast(:q as text) is null or a.phone like '%' || :q || '%' or a.display_name like '%' || :q || '%')"
				+ " and (cast(:role as text) is null or exists (select 1 from identity.account_role r where r.account_id = a.id and r.role = :role))";
		String q = query == null || query.isBlank() ? null : query.trim();
		String r = role == null ? null : role.name();
		long total = jdbc.sql("select count(*) from identity.account a" + where).param("q", q).param("role", r)
			.query(Long.class).single();
		var items = jdbc.sql(SELECT + where + " order by a.id desc limit :limit offset :offset").param("q", q)
			.param("role", r).param("limit", size).param("offset", page * size).query(Accounts::map).list();
		return new Page<>(items, total, page, size);
	}

	/** Credentials and security version, for sign-in only. */
	public Optional<Credentials> credentials(String phone) {
		return jdbc.sql("select id, password_hash, security_version from identity.account where phone = ?")
			.param(phone)
			.query((rs, n) -> new Credentials(rs.getLong(1), rs.getString(2), rs.getLong(3)))
			.optional();
	}

	public record Credentials(long id, String passwordHash, long securityVersion) {
	}

	static Account map(ResultSet rs, int row) throws SQLException {
		return new Account(new AccountId(rs.getLong("id")), rs.getString("phone"), rs.getString("display_name"),
				roles(rs.getArray("roles")), longs(rs.getArray("regions")), rs.getBoolean("enabled"),
				rs.getBoolean("password_change_required"), instant(rs.getTimestamp("created_at")));
	}

	private static Set<Role> roles(Array array) throws SQLException {
		return Arrays.stream((Object[]) array.getArray()).map(o -> Role.valueOf(o.toString()))
			.collect(Collectors.toCollection(() -> java.util.EnumSet.noneOf(Role.class)));
	}

	private static Set<Long> longs(Array array) throws SQLException {
		return Arrays.stream((Object[]) array.getArray()).map(o -> ((Number) o).longValue())
			.collect(Collectors.toCollection(HashSet::new));
	}

	private static Instant instant(Timestamp ts) {
		return ts == null ? null : ts.toInstant();
	}
}
