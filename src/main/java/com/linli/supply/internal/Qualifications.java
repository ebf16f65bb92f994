package com.linli.supply.internal;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import com.linli.shared.SupplierId;
import com.linli.supply.NewQualification;
import com.linli.supply.Qualification;
import com.linli.supply.SupplierAlert;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Suppliers' licences and the alerts on them. */
@Repository
public class Qualifications {

	private static final String SELECT = "select id, supplier_id, kind, licence_no, valid_from, valid_until from supply.qualification";

	private final JdbcClient jdbc;

	Qualifications(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public long insert(SupplierId supplier, NewQualification q, Instant now) {
		return jdbc.sql("""
				insert into supply.qualification (supplier_id, kind, licence_no, valid_from, valid_until, created_at)
				values (?, ?, ?, ?, ?, ?) returning id""")
			.params(supplier.value(), q.kind(), q.licenceNo(), Date.valueOf(q.validFrom()), Date.valueOf(q.validUntil()),
					Timestamp.from(now))
			.query(Long.class).single();
	}

	public void update(long id, NewQualification q) {
		jdbc.sql("update supply.qualification set kind = ?, licence_no = ?, valid_from = ?, valid_until = ? where id = ?")
			.params(q.kind(), q.licenceNo(), Date.valueOf(q.validFrom()), Date.valueOf(q.validUntil()), id).update();
	}

	public boolean delete(SupplierId supplier, long id) {
		return jdbc.sql("delete from supply.qualification where id = ? and supplier_id = ?").params(id, supplier.value())
			.update() > 0;
	}

	public Optional<Qualification> find(long id) {
		return jdbc.sql(SELECT + " where id = ?").param(id).query(Qualifications::map).optional();
	}

	public boolean exists(SupplierId supplier, String kind, String licenceNo, Long except) {
		return jdbc.sql("""
				select exists(select 1 from supply.qualification where supplier_id = ? and kind = ? and licence_no = ?
				   and id <> coalesce(cast(? as bigint), 0))""")
			.params(supplier.value(), kind, licenceNo, except).query(Boolean.class).single();
	}

	public List<Qualification> of(SupplierId supplier) {
		return jdbc.sql(SELECT + " where supplier_id = ? order by valid_until, id").param(supplier.value())
			.query(Qualifications::map).list();
	}

	/** Suppliers with a licence that ran out before {@code day}. */
	public Set<SupplierId> expiredSuppliers(LocalDate day) {
		return Set.copyOf(jdbc.sql("select distinct supplier_id from supply.qualification where valid_until < ?")
			.param(Date.valueOf(day)).query((rs, n) -> new SupplierId(rs.getLong(1))).list());
	}

	public boolean expired(SupplierId supplier, LocalDate day) {
		return jdbc.sql("select exists(select 1 from supply.qualification where supplier_id = ? and valid_until < ?)")
			.params(supplier.value(), Date.valueOf(day)).query(Boolean.class).single();
	}

	/** Every licence expired on {@code day} or within {@code days} of it. */
	public List<Qualification> expiringBy(LocalDate day, int days) {
		return jdbc.sql(SELECT + " where valid_until < ? order by id").param(Date.valueOf(day.plusDays(days)))
			.query(Qualifications::map).list();
	}

	/** Opens an alert unless one of this kind is open; true when a new one was raised. */
	public boolean raise(Qualification q, String kind, Instant now) {
		return jdbc.sql("""
				insert into supply.supplier_alert (supplier_id, qualification_id, kind, raised_at) values (?, ?, ?, ?)
				on conflict (qualification_id, kind) where resolved_at is null do nothing""")
			.params(q.supplierId().value(), q.id(), kind, Timestamp.from(now)).update() == 1;
	}

	/** Resolves the open alerts of licences that no longer deserve them (renewed, or EXPIRING now EXPIRED). */
	public int resolveStale(LocalDate day, int days, Instant now) {
		return jdbc.sql("""
				update supply.supplier_alert a set resolved_at = ?
				  from supply.qualification q
				 where q.id = a.qualification_id and a.resolved_at is null
				   and ((a.kind = 'EXPIRED' and q.valid_until >= ?)
				     or (a.kind = 'EXPIRING' and (q.valid_until < ? or q.valid_until >= ?)))""")
			.params(Timestamp.from(now), Date.valueOf(day), Date.valueOf(day), Date.valueOf(day.plusDays(days)))
			.update();
	}

	public List<SupplierAlert> openAlerts(Collection<SupplierId> only) {
		Long[] ids = only == null ? null : only.stream().map(SupplierId::value).toArray(Long[]::new);
		return jdbc.sql("""
				select a.id, a.supplier_id, s.name, a.qualification_id, a.kind, q.kind, q.licence_no, q.valid_until, a.raised_at
				  from supply.supplier_alert a join supply.qualification q on q.id = a.qualification_id
				  join supply.supplier s on s.id = a.supplier_id
				 where a.resolved_at is null and (cast(? as bigint[]) is null or a.supplier_id = any(cast(? as bigint[])))
				 order by a.kind, q.valid_until, a.id""")
			.params(ids, ids)
			.query((rs, n) -> new SupplierAlert(rs.getLong(1), new SupplierId(rs.getLong(2)), rs.getString(3),
					rs.getLong(4), rs.getString(5), rs.getString(6), rs.getString(7),
					rs.getObject(8, LocalDate.class), rs.getTimestamp(9).toInstant()))
			.list();
	}

	static Qualification map(ResultSet rs, int row) throws SQLException {
		return new Qualification(rs.getLong("id"), new SupplierId(rs.getLong("supplier_id")), rs.getString("kind"),
				rs.getString("licence_no"), rs.getObject("valid_from", LocalDate.class),
				rs.getObject("valid_until", LocalDate.class));
	}
}
