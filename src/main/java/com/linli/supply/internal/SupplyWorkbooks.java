package com.linli.supply.internal;

import java.util.List;

import com.linli.supply.Chargeback;
import com.linli.supply.PurchaseOrder;
import com.linli.supply.PurchaseOrderLine;
import com.linli.supply.Statement;
import org.dhatim.fastexcel.Worksheet;

import static com.linli.shared.export.Spreadsheets.header;
import static com.linli.shared.export.Spreadsheets.widths;
import static com.linli.shared.export.Spreadsheets.write;

/**
 * Purchase orders and settlement statements as Excel workbooks (FastExcel, streamed). Row 1 is the title,
 * the table's header on row 3; money in yuan with two decimals (exact: from integer fen).
 */
public final class SupplyWorkbooks {

	private SupplyWorkbooks() {
	}

	/** One row per purchase order line. */
	public static byte[] purchaseOrders(String title, List<PurchaseOrder> orders) {
		return write(wb -> {
			Worksheet ws = wb.newWorksheet("采购单 Purchase orders");
			ws.value(0, 0, title);
			ws.style(0, 0).bold().fontSize(14).set();
			header(ws, 2, "采购单号 PO no", "供应商 Supplier", "提货日 Pickup date", "状态 Status", "商品 SKU", "单位 Unit",
					"单价 Price", "订购 Ordered", "确认 Confirmed", "实收 Accepted", "拒收 Rejected", "拒收原因 Reason",
					"批次 Batch", "金额 Amount");
			int r = 3;
			for (PurchaseOrder po : orders) {
				for (PurchaseOrderLine l : po.lines()) {
					ws.value(r, 0, po.poNo());
					ws.value(r, 1, po.supplierName());
					ws.value(r, 2, po.pickupDate().toString());
					ws.value(r, 3, po.status().name());
					ws.value(r, 4, l.skuName());
					ws.value(r, 5, l.unit());
					ws.value(r, 6, l.price().yuan());
					ws.value(r, 7, l.ordered());
					if (l.confirmed() != null) {
						ws.value(r, 8, l.confirmed());
					}
					if (l.accepted() != null) {
						ws.value(r, 9, l.accepted());
						ws.value(r, 10, l.rejected());
					}
					if (l.rejectReason() != null) {
						ws.value(r, 11, l.rejectReason().name());
					}
					if (l.batchNo() != null) {
						ws.value(r, 12, l.batchNo());
					}
					ws.value(r, 13, l.amount().yuan());
					r++;
				}
			}
			widths(ws, 20, 20, 12, 12, 28, 8, 10, 10, 10, 10, 10, 12, 14, 12);
		});
	}

	/** A statement: its purchase orders' accepted goods, the chargebacks and the total. */
	public static byte[] statement(Statement s) {
		return write(wb -> {
			Worksheet ws = wb.newWorksheet("对账单 Statement");
			ws.value(0, 0, "对账单 Statement · " + s.supplierName() + " · " + s.periodStart() + " – " + s.periodEnd());
			ws.style(0, 0).bold().fontSize(14).set();
			ws.value(1, 0, "状态 Status: " + s.status());
			header(ws, 2, "采购单号 PO no", "收货 Received", "商品 SKU", "实收 Accepted", "单价 Price", "金额 Amount");
			int r = 3;
			for (PurchaseOrder po : s.orders()) {
				for (PurchaseOrderLine l : po.lines()) {
					if (l.accepted() == null || l.accepted() == 0) {
						continue;
					}
					ws.value(r, 0, po.poNo());
					ws.value(r, 1, po.deliveredAt() == null ? "" : po.deliveredAt().toString());
					ws.value(r, 2, l.skuName());
					ws.value(r, 3, l.accepted());
					ws.value(r, 4, l.price().yuan());
					ws.value(r, 5, l.acceptedAmount().yuan());
					r++;
				}
			}
			ws.value(r, 0, "货款合计 Goods");
			ws.value(r, 5, s.goods().yuan());
			ws.style(r, 0).bold().set();
			r += 2;
			header(ws, r++, "扣款 Chargeback", "", "原因 Reason", "", "", "金额 Amount");
			for (Chargeback c : s.chargebackItems()) {
				ws.value(r, 0, "#" + c.id());
				ws.value(r, 2, c.reason());
				ws.value(r, 5, c.amount().yuan().negate());
				r++;
			}
			ws.value(r, 0, "扣款合计 Chargebacks");
			ws.value(r, 5, s.chargebacks().yuan().negate());
			r++;
			ws.value(r, 0, "应付 Total payable");
			ws.value(r, 5, s.total().yuan());
			ws.style(r, 0).bold().set();
			ws.style(r, 5).bold().set();
			widths(ws, 22, 24, 28, 10, 10, 14);
		});
	}
}
