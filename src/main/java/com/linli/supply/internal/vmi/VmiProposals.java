package com.linli.supply.internal.vmi;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import com.linli.catalog.SkuId;
import com.linli.network.RegionId;
import com.linli.network.WarehouseId;
import com.linli.shared.BusinessRuleException;
import com.linli.shared.SupplierId;
import com.linli.shared.Text;
import com.linli.supply.NewVmiProposal;
import com.linli.supply.PurchaseOrderId;
import com.linli.supply.VmiProposal;
import com.linli.supply.VmiProposalStatus;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * VMI proposals. A decision is saved with a compare-and-set on the version ({@link #save}): of two clicks on
 * "approve" one wins, the other gets a 409 and its purchase order rolls back with it.
 */
@Repository
public class VmiProposals {

	private static final String SELECT = """
			select v.id, v.supplier_id, s.name, v.sku_id, v.region_id, v.warehouse_id, v.units, v.delivery_date, v.note,
			       v.status, v.proposed_by, v.proposed_at, v.decided_by, v.decided_at, v.reject_reason,
			       v.purchase_order_id, v.version
			  from supply.vmi_proposal v join supply.supplier s on s.id = v.supplier_id
			""";

	private final JdbcClient jdbc;

	VmiProposals(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** A new open proposal; a 409 when the SKU already has an open one at the warehouse (partial unique index). */
	public long insert(SupplierId supplier, RegionId region, NewVmiProposal p, Long by, Instant now) {
		try {
			return jdbc.sql("""
					insert into supply.vmi_proposal (supplier_id, sku_id, region_id, warehouse_id, units, delivery_date,
					       note, proposed_by, proposed_at)
					values (?, ?, ?, ?, ?, ?, ?, ?, ?) returning id""")
				.params(supplier.value(), p.skuId().value(), region.value(), p.warehouseId().value(), p.units(),
						Date.valueOf(p.deliveryDate()), p.note(), by, Timestamp.from(now))
				.query(Long.class).single();
		}
		catch (DuplicateKeyException e) {
			throw new BusinessRuleException("vmi-proposal-open", "skuId", Text.of("supply.vmi.problem.alreadyOpen"));
		}
	}

	public Optional<VmiProposal> find(long id) {
		return jdbc.sql(SELECT + " where v.id = ?").param(id).query(VmiProposals::map).optional();
	}

	/** A supplier's proposals, newest first. */
	public List<VmiProposal> ofSupplier(SupplierId supplier, int limit) {
		return jdbc.sql(SELECT + " where v.supplier_id = ? order by v.proposed_at desc, v.id desc limit ?")
			.params(supplier.value(), limit).query(VmiProposals::map).list();
	}

	/** Proposals in the regions (null: all), of a status (null: any), open ones and then the newest first. */
	public List<VmiProposal> search(Collection<Long> regions, VmiProposalStatus status, int limit) {
		Long[] r = regions == null ? null : regions.toArray(Long[]::new);
		return jdbc.sql(SELECT + """
				 where (cast(:regions as bigint[]) is null or v.region_id = any(cast(:regions as bigint[])))
				   and (cast(:status as text) is null or v.status = cast(:status as text))
				 order by (v.status = 'PROPOSED') desc, v.proposed_at desc, v.id desc limit :limit""")
			.param("regions", r).param("status", status == null ? null : status.name()).param("limit", limit)
			.query(VmiProposals::map).list();
	}

	/** The open proposal per SKU of the supplier at the warehouse. */
	public List<VmiProposal> openAt(WarehouseId warehouse, Collection<SkuId> skus) {
		return jdbc.sql(SELECT + " where v.warehouse_id = ? and v.status = 'PROPOSED' and v.sku_id = any(?)")
			.params(warehouse.value(), skus.stream().map(SkuId::value).toArray(Long[]::new))
			.query(VmiProposals::map).list();
	}

	/** Saves the decision if the proposal is still as loaded ({@code before}, by version); else a 409. */
	public VmiProposal save(VmiProposal before, VmiProposal after) {
		int updated = jdbc.sql("""
				update supply.vmi_proposal set status = ?, decided_by = ?, decided_at = ?, reject_reason = ?,
				       purchase_order_id = ?, version = version + 1
				 where id = ? and version = ?""")
			.params(after.status().name(), after.decidedBy(),
					after.decidedAt() == null ? null : Timestamp.from(after.decidedAt()), after.rejectReason(),
					after.purchaseOrderId() == null ? null : after.purchaseOrderId().value(), before.id(),
					before.version())
			.update();
		if (updated != 1) {
			throw new BusinessRuleException("changed-concurrently", "status",
					Text.of("supply.vmi.problem.changedConcurrently", before.id()));
		}
		return find(before.id()).orElseThrow();
	}

	static VmiProposal map(ResultSet rs, int row) throws SQLException {
		Timestamp decided = rs.getTimestamp("decided_at");
		Long po = (Long) rs.getObject("purchase_order_id");
		return new VmiProposal(rs.getLong("id"), new SupplierId(rs.getLong("supplier_id")), rs.getString("name"),
				new SkuId(rs.getLong("sku_id")), new RegionId(rs.getLong("region_id")),
				new WarehouseId(rs.getLong("warehouse_id")), rs.getInt("units"),
				rs.getObject("delivery_date", java.time.LocalDate.class), rs.getString("note"),
				VmiProposalStatus.valueOf(rs.getString("status")), (Long) rs.getObject("proposed_by"),
				rs.getTimestamp("proposed_at").toInstant(), (Long) rs.getObject("decided_by"),
				decided == null ? null : decided.toInstant(), rs.getString("reject_reason"),
				po == null ? null : new PurchaseOrderId(po), rs.getLong("version"));
	}
}
