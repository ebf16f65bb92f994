package com.linli.risk.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import com.linli.risk.CaseStatus;
import com.linli.risk.RiskCase;
import com.linli.risk.RiskFlag;
import com.linli.risk.RiskRule;
import com.linli.risk.SubjectKind;
import com.linli.shared.BusinessRuleException;
import com.linli.shared.Text;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Risk cases, flags and held accounts in plain SQL. A flag joins the subject's open case (one per subject, a
 * partial unique index) or opens one; a case moves by compare-and-set on status and version.
 */
@Repository
public class RiskCases {

	static final JsonMapper JSON = JsonMapper.builder().build();

	private final JdbcClient jdbc;

	RiskCases(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** What raising a flag did: the case, whether it was opened now, whether anything changed. */
	public record Raised(long caseId, boolean newCase, boolean changed) {
	}

	/** A flag as stored. */
	public record StoredFlag(long id, long caseId, RiskRule rule, int score, String summary, String evidenceJson,
			Instant firstSeenAt, Instant lastSeenAt) {
	}

	/**
	 * Records the flag: nothing when the same finding (fingerprint) was already decided in a case of the subject;
	 * otherwise into the subject's open case (opened if none), the flag of that rule replaced, the accounts added.
	 */
	public Optional<Raised> raise(RiskFlag flag, Instant at) {
		String fingerprint = flag.fingerprint();
		boolean decided = jdbc.sql("""
				select exists(select 1 from risk.risk_flag f join risk.risk_case c on c.id = f.case_id
				               where f.fingerprint = ? and c.status <> 'OPEN')""")
			.param(fingerprint).query(Boolean.class).single();
		if (decided) {
			return Optional.empty();
		}
		boolean newCase = jdbc.sql("""
				insert into risk.risk_case (region_id, subject_kind, subject_key, subject_label, status, score, top_rule,
				       opened_at, updated_at)
				values (?, ?, ?, ?, 'OPEN', ?, ?, ?, ?)
				on conflict (region_id, subject_kind, subject_key) where status = 'OPEN' do nothing""")
			.params(flag.regionId(), flag.subjectKind().name(), flag.subjectKey(), truncate(flag.subjectLabel(), 120),
					flag.score(), flag.rule().name(), Timestamp.from(at), Timestamp.from(at))
			.update() == 1;
		long caseId = jdbc.sql("""
				select id from risk.risk_case where region_id = ? and subject_kind = ? and subject_key = ? and status = 'OPEN'""")
			.params(flag.regionId(), flag.subjectKind().name(), flag.subjectKey()).query(Long.class).single();
		var before = jdbc.sql("select fingerprint from risk.risk_flag where case_id = ? and rule = ?")
			.params(caseId, flag.rule().name()).query(String.class).optional();
		jdbc.sql("""
				insert into risk.risk_flag (case_id, rule, score, fingerprint, summary, evidence, first_seen_at, last_seen_at)
				values (?, ?, ?, ?, ?, cast(? as jsonb), ?, ?)
				on conflict (case_id, rule) do update set score = excluded.score, fingerprint = excluded.fingerprint,
				       summary = excluded.summary, evidence = excluded.evidence, last_seen_at = excluded.last_seen_at""")
			.params(caseId, flag.rule().name(), flag.score(), fingerprint, truncate(flag.summary(), 400),
					JSON.writeValueAsString(flag.evidence()), Timestamp.from(at), Timestamp.from(at))
			.update();
		for (long account : flag.heldAccounts()) {
			jdbc.sql("insert into risk.risk_case_account (case_id, account_id) values (?, ?) on conflict do nothing")
				.params(caseId, account).update();
		}
		// the case's score and rule: its highest flag
		jdbc.sql("""
				update risk.risk_case c set score = f.score, top_rule = f.rule, updated_at = ?
				  from (select score, rule from risk.risk_flag where case_id = ? order by score desc, id limit 1) f
				 where c.id = ? and c.status = 'OPEN'""")
			.params(Timestamp.from(at), caseId, caseId).update();
		boolean changed = newCase || before.isEmpty() || !before.get().equals(fingerprint);
		return Optional.of(new Raised(caseId, newCase, changed));
	}

	public Optional<RiskCase> find(long id) {
		return jdbc.sql("select * from risk.risk_case where id = ?").param(id).query(RiskCases::map).optional();
	}

	/** Saves a move: 409 when the case changed since it was read (another operator decided it first). */
	public RiskCase save(RiskCase before, RiskCase after) {
		int updated = jdbc.sql("""
				update risk.risk_case set status = ?, updated_at = ?, decided_at = ?, decided_by = ?, decision_note = ?,
				       blocked_at = ?, version = version + 1
				 where id = ? and status = ? and version = ?""")
			.params(after.status().name(), Timestamp.from(after.updatedAt()), ts(after.decidedAt()), after.decidedBy(),
					after.decisionNote(), ts(after.blockedAt()), before.id(), before.status().name(), before.version())
			.update();
		if (updated != 1) {
			throw new BusinessRuleException("changed-concurrently", "status",
					Text.of("risk.problem.changedConcurrently", before.id()));
		}
		return find(before.id()).orElseThrow();
	}

	/** Cases of the regions (null: all), a status or all, highest score first. */
	public List<RiskCase> list(Set<Long> regions, CaseStatus status, int limit, int offset) {
		return jdbc.sql("""
				select * from risk.risk_case
				 where (cast(:all as boolean) or region_id = any(:regions)) and (cast(:status as varchar) is null or status = :status)
				 order by case status when 'OPEN' then 0 else 1 end, score desc, id desc limit :limit offset :offset""")
			.param("all", regions == null).param("regions", regions == null ? new Long[0] : regions.toArray(Long[]::new))
			.param("status", status == null ? null : status.name()).param("limit", limit).param("offset", offset)
			.query(RiskCases::map).list();
	}

	public long count(Set<Long> regions, CaseStatus status) {
		return jdbc.sql("""
				select count(*) from risk.risk_case
				 where (cast(:all as boolean) or region_id = any(:regions)) and (cast(:status as varchar) is null or status = :status)""")
			.param("all", regions == null).param("regions", regions == null ? new Long[0] : regions.toArray(Long[]::new))
			.param("status", status == null ? null : status.name()).query(Long.class).single();
	}

	public List<StoredFlag> flags(long caseId) {
		return jdbc.sql("select * from risk.risk_flag where case_id = ? order by score desc, id").param(caseId)
			.query((rs, n) -> new StoredFlag(rs.getLong("id"), rs.getLong("case_id"), RiskRule.valueOf(rs.getString("rule")),
					rs.getInt("score"), rs.getString("summary"), rs.getString("evidence"),
					rs.getTimestamp("first_seen_at").toInstant(), rs.getTimestamp("last_seen_at").toInstant()))
			.list();
	}

	public List<Long> accounts(long caseId) {
		return jdbc.sql("select account_id from risk.risk_case_account where case_id = ? order by account_id")
			.param(caseId).query(Long.class).list();
	}

	/** Whether an open or confirmed case holds the account. */
	public boolean holds(long accountId) {
		return jdbc.sql("""
				select exists(select 1 from risk.risk_case_account a join risk.risk_case c on c.id = a.case_id
				               where a.account_id = ? and c.status in ('OPEN', 'CONFIRMED'))""")
			.param(accountId).query(Boolean.class).single();
	}

	/** Of the accounts, those an open or confirmed case still holds. */
	public Set<Long> held(Collection<Long> accounts) {
		if (accounts.isEmpty()) {
			return Set.of();
		}
		return Set.copyOf(jdbc.sql("""
				select distinct a.account_id from risk.risk_case_account a join risk.risk_case c on c.id = a.case_id
				 where a.account_id = any(?) and c.status in ('OPEN', 'CONFIRMED')""")
			.param(accounts.toArray(Long[]::new)).query(Long.class).list());
	}

	/** Serialises the evaluations of one region (a transaction-scoped advisory lock). */
	public void lockRegion(long regionId) {
		jdbc.sql("select pg_advisory_xact_lock(hashtextextended(?, 0))").param("risk:region:" + regionId)
			.query(Object.class).optional();
	}

	static RiskCase map(ResultSet rs, int row) throws SQLException {
		return new RiskCase(rs.getLong("id"), rs.getLong("region_id"), SubjectKind.valueOf(rs.getString("subject_kind")),
				rs.getString("subject_key"), rs.getString("subject_label"), CaseStatus.valueOf(rs.getString("status")),
				rs.getInt("score"), RiskRule.valueOf(rs.getString("top_rule")), rs.getTimestamp("opened_at").toInstant(),
				rs.getTimestamp("updated_at").toInstant(), instant(rs.getTimestamp("decided_at")),
				(Long) rs.getObject("decided_by"), rs.getString("decision_note"), instant(rs.getTimestamp("blocked_at")),
				rs.getInt("version"));
	}

	private static Instant instant(Timestamp t) {
		return t == null ? null : t.toInstant();
	}

	private static Timestamp ts(Instant i) {
		return i == null ? null : Timestamp.from(i);
	}

	private static String truncate(String s, int max) {
		return s.length() <= max ? s : s.substring(0, max);
	}
}
