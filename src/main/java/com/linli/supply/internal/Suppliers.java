package com.linli.supply.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import com.linli.identity.AccountId;
import com.linli.shared.Page;
import com.linli.shared.SupplierId;
import com.linli.supply.NewSupplier;
import com.linli.supply.Supplier;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The supplier table and the accounts linked to each supplier. */
@Repository
public class Suppliers {

	private static final String SELECT = "select id, name, contact_name, contact_phone, address, active, vmi from supply.supplier";

	private final JdbcClient jdbc;

	Suppliers(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public SupplierId insert(NewSupplier s, Instant now) {
		return new SupplierId(jdbc.sql("""
				insert into supply.supplier (name, contact_name, contact_phone, address, active, created_at)
				values (?, ?, ?, ?, true, ?) returning id""")
			.params(s.name(), s.contactName(), s.contactPhone(), s.address(), Timestamp.from(now))
			.query(Long.class).single());
	}

	public void update(SupplierId id, NewSupplier s) {
		jdbc.sql("update supply.supplier set name = ?, contact_name = ?, contact_phone = ?, address = ? where id = ?")
			.params(s.name(), s.contactName(), s.contactPhone(), s.address(), id.value()).update();
	}

	public void setActive(SupplierId id, boolean active) {
		jdbc.sql("update supply.supplier set active = ? where id = ?").params(active, id.value()).update();
	}

	public void setVmi(SupplierId id, boolean vmi) {
		jdbc.sql("update supply.supplier set vmi = ? where id = ?").params(vmi, id.value()).update();
	}

	/**
	 * The regions the supplier supplies: those of its purchase orders that reached it (sent or later, cancelled
	 * ones left out). Suppliers are not tied to regions otherwise.
	 */
	public List<Long> regionsSupplied(SupplierId id) {
		return jdbc.sql("""
				select distinct region_id from supply.purchase_order
				 where supplier_id = ? and status not in ('DRAFT', 'CANCELLED') order by region_id""")
			.param(id.value()).query(Long.class).list();
	}

	public Optional<Supplier> find(SupplierId id) {
		return jdbc.sql(SELECT + " where id = ?").param(id.value()).query(Suppliers::map).optional();
	}

	/** The supplier with this name (ignoring case) other than {@code except}, if any. */
	public Optional<SupplierId> named(String name, SupplierId except) {
		return jdbc.sql("select id from supply.supplier where lower(name) = lower(?) and id <> coalesce(cast(? as bigint), 0)")
			.params(name, except == null ? null : except.value())
			.query((rs, n) -> new SupplierId(rs.getLong(1))).optional();
	}

	public List<Supplier> all() {
		return jdbc.sql(SELECT + " order by name, id").query(Suppliers::map).list();
	}

	public List<Supplier> active() {
		return jdbc.sql(SELECT + " where active order by name, id").query(Suppliers::map).list();
	}

	public Page<Supplier> search(String text, Boolean active, int page, int size) {
		String where = " " + """
				 where (cast(:text as text) is null or name ilike :pattern or contact_name ilike :pattern
				        or contact_phone like :pattern)
				   and (cast(:active as boolean) is null or active = cast(:active as boolean))""";
		String t = text == null || text.isBlank() ? null : text.strip();
		String pattern = t == null ? null
				: "%" + t.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
		long total = jdbc.sql("select count(*) from supply.supplier" + where).param("text", t).param("pattern", pattern)
			.param("active", active).query(Long.class).single();
		var items = jdbc.sql(SELECT + where + " order by name, id limit :limit offset :offset").param("text", t)
			.param("pattern", pattern).param("active", active).param("limit", size).param("offset", (long) page * size)
			.query(Suppliers::map).list();
		return new Page<>(items, total, page, size);
	}

	public long countActive() {
		return jdbc.sql("select count(*) from supply.supplier where active").query(Long.class).single();
	}

	public void link(AccountId account, SupplierId supplier, Instant now) {
		jdbc.sql("insert into supply.supplier_account (account_id, supplier_id, linked_at) values (?, ?, ?)")
			.params(account.value(), supplier.value(), Timestamp.from(now)).update();
	}

	public boolean unlink(AccountId account, SupplierId supplier) {
		return jdbc.sql("delete from supply.supplier_account where account_id = ? and supplier_id = ?")
			.params(account.value(), supplier.value()).update() > 0;
	}

	public Optional<SupplierId> supplierOf(AccountId account) {
		return jdbc.sql("select supplier_id from supply.supplier_account where account_id = ?").param(account.value())
			.query((rs, n) -> new SupplierId(rs.getLong(1))).optional();
	}

	public List<AccountId> accountsOf(SupplierId supplier) {
		return jdbc.sql("select account_id from supply.supplier_account where supplier_id = ? order by linked_at, account_id")
			.param(supplier.value()).query((rs, n) -> new AccountId(rs.getLong(1))).list();
	}

	public Optional<com.linli.supply.SupplierTerms> terms(SupplierId id) {
		return jdbc.sql("select id, tier, payment_period, payment_days from supply.supplier where id = ?").param(id.value())
			.query((rs, n) -> new com.linli.supply.SupplierTerms(new SupplierId(rs.getLong(1)),
					com.linli.supply.SupplierTier.valueOf(rs.getString(2)),
					com.linli.supply.PaymentPeriod.valueOf(rs.getString(3)), (Integer) rs.getObject(4)))
			.optional();
	}

	public java.util.Map<SupplierId, com.linli.supply.SupplierTier> tiers() {
		var map = new java.util.HashMap<SupplierId, com.linli.supply.SupplierTier>();
		jdbc.sql("select id, tier from supply.supplier").query((rs, n) -> map.put(new SupplierId(rs.getLong(1)),
				com.linli.supply.SupplierTier.valueOf(rs.getString(2)))).list();
		return map;
	}

	public void setTerms(com.linli.supply.SupplierTerms t) {
		jdbc.sql("update supply.supplier set tier = ?, payment_period = ?, payment_days = ? where id = ?")
			.params(t.tier().name(), t.paymentPeriod().name(), t.paymentDays(), t.supplierId().value()).update();
	}

	static Supplier map(ResultSet rs, int row) throws SQLException {
		return new Supplier(new SupplierId(rs.getLong("id")), rs.getString("name"), rs.getString("contact_name"),
				rs.getString("contact_phone"), rs.getString("address"), rs.getBoolean("active"),
				rs.getBoolean("vmi"));
	}
}
