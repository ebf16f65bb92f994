package com.linli.fulfilment.internal.export;

import java.util.List;

import com.linli.fulfilment.SkuDemand;
import com.linli.fulfilment.internal.SortingLists.PickList;
import com.linli.fulfilment.internal.SortingLists.PickRow;
import com.linli.fulfilment.internal.SortingLists.PointList;
import com.linli.fulfilment.internal.SortingLists.PointTotal;
import com.linli.fulfilment.internal.SortingLists.SkuUnits;
import com.linli.fulfilment.internal.SortingLists.SortedLine;
import com.linli.fulfilment.internal.SortingLists.SortedOrder;
import org.dhatim.fastexcel.Worksheet;

import org.springframework.stereotype.Component;

import static com.linli.shared.export.Spreadsheets.header;
import static com.linli.shared.export.Spreadsheets.sheetName;
import static com.linli.shared.export.Spreadsheets.widths;
import static com.linli.shared.export.Spreadsheets.write;

/**
 * Sorting lists as Excel workbooks (FastExcel, streamed): the pick-by-product matrix of a grid
 * warehouse (SKU rows, pickup point columns, totals both ways), a pickup point's order list, and the
 * demand per SKU of a run. Row 1 is the title, row 2 the facts, the table's header on row 4.
 */
@Component
public class SortingListWorkbooks {

	static final int HEADER_ROW = 3;

	public byte[] pickList(Heading heading, PickList list) {
		return write(wb -> {
			Worksheet ws = wb.newWorksheet(sheetName(heading.label("sheet.pickList")));
			title(ws, heading);
			List<PointTotal> points = list.points();
			int fixed = 4;
			header(ws, HEADER_ROW, heading.label("col.product"), heading.label("col.spec"), heading.label("col.unit"),
					heading.label("col.total"));
			for (int c = 0; c < points.size(); c++) {
				ws.value(HEADER_ROW, fixed + c, points.get(c).name());
				ws.style(HEADER_ROW, fixed + c).bold().fillColor("F3F4F6").wrapText(true).set();
				ws.width(fixed + c, 12);
			}
			// units refunded since the cutoff: left off the counts above, marked in the last column
			int shortColumn = fixed + points.size();
			ws.value(HEADER_ROW, shortColumn, heading.label("col.short"));
			ws.style(HEADER_ROW, shortColumn).bold().fillColor("FDE2E2").wrapText(true).set();
			ws.width(shortColumn, 10);
			int r = HEADER_ROW + 1;
			for (PickRow row : list.rows()) {
				ws.value(r, 0, row.skuName());
				ws.value(r, 1, row.spec());
				ws.value(r, 2, row.unit());
				ws.value(r, 3, row.total());
				ws.style(r, 3).bold().set();
				for (int c = 0; c < points.size(); c++) {
					long units = row.unitsFor(points.get(c).pickupPointId());
					if (units > 0) {
						ws.value(r, fixed + c, units);
					}
				}
				if (row.shortUnits() > 0) {
					ws.value(r, shortColumn, -row.shortUnits());
					ws.style(r, shortColumn).fontColor("B91C1C").bold().set();
				}
				r++;
			}
			ws.value(r, 0, heading.label("row.total"));
			ws.value(r, 3, list.grid().units());
			ws.style(r, 0).bold().set();
			ws.style(r, 3).bold().set();
			for (int c = 0; c < points.size(); c++) {
				ws.value(r, fixed + c, points.get(c).units());
				ws.style(r, fixed + c).bold().set();
			}
			if (list.grid().shortUnits() > 0) {
				ws.value(r, shortColumn, -list.grid().shortUnits());
				ws.style(r, shortColumn).fontColor("B91C1C").bold().set();
			}
			ws.width(0, 28);
			ws.width(1, 14);
			ws.width(2, 6);
			ws.width(3, 8);
			ws.freezePane(fixed, HEADER_ROW + 1);
			ws.repeatRows(HEADER_ROW);
			ws.pageOrientation("landscape");
		});
	}

	public byte[] pointList(Heading heading, PointList list) {
		return write(wb -> {
			Worksheet orders = wb.newWorksheet(sheetName(heading.label("sheet.orders")));
			title(orders, heading);
			header(orders, HEADER_ROW, heading.label("col.pickupCode"), heading.label("col.orderNo"),
					heading.label("col.recipient"), heading.label("col.phoneTail"), heading.label("col.product"),
					heading.label("col.spec"), heading.label("col.quantity"), heading.label("col.unit"),
					heading.label("col.handedOut"), heading.label("col.short"));
			int r = HEADER_ROW + 1;
			for (SortedOrder order : list.orders()) {
				boolean first = true;
				for (SortedLine line : order.lines()) {
					orders.value(r, 0, order.pickupCode());
					orders.value(r, 1, order.orderNo());
					orders.value(r, 2, order.recipientName());
					orders.value(r, 3, order.phoneTail());
					if (first) {
						orders.style(r, 0).bold().set();
					}
					orders.value(r, 4, line.skuName());
					orders.value(r, 5, line.spec());
					orders.value(r, 6, line.quantity());
					orders.value(r, 7, line.unit());
					orders.value(r, 8, line.quantity() > 0 ? "□" : "");
					if (line.shortQuantity() > 0) {
						orders.value(r, 9, -line.shortQuantity());
						orders.style(r, 9).fontColor("B91C1C").bold().set();
					}
					first = false;
					r++;
				}
			}
			widths(orders, 10, 18, 12, 10, 28, 14, 8, 6, 8, 8);
			orders.freezePane(0, HEADER_ROW + 1);
			orders.repeatRows(HEADER_ROW);

			Worksheet products = wb.newWorksheet(sheetName(heading.label("sheet.products")));
			title(products, heading);
			header(products, HEADER_ROW, heading.label("col.product"), heading.label("col.spec"),
					heading.label("col.quantity"), heading.label("col.unit"), heading.label("col.checked"),
					heading.label("col.short"));
			r = HEADER_ROW + 1;
			for (SkuUnits p : list.products()) {
				products.value(r, 0, p.skuName());
				products.value(r, 1, p.spec());
				products.value(r, 2, p.units());
				products.value(r, 3, p.unit());
				products.value(r, 4, "□");
				if (p.shortUnits() > 0) {
					products.value(r, 5, -p.shortUnits());
					products.style(r, 5).fontColor("B91C1C").bold().set();
				}
				r++;
			}
			products.value(r, 0, heading.label("row.total"));
			products.value(r, 2, list.point().units());
			products.style(r, 0).bold().set();
			products.style(r, 2).bold().set();
			widths(products, 28, 14, 8, 6, 8);
		});
	}

	public byte[] demand(Heading heading, List<SkuDemand> demand) {
		return write(wb -> {
			Worksheet ws = wb.newWorksheet(sheetName(heading.label("sheet.demand")));
			title(ws, heading);
			header(ws, HEADER_ROW, heading.label("col.skuId"), heading.label("col.product"), heading.label("col.spec"),
					heading.label("col.unit"), heading.label("col.lines"), heading.label("col.quantity"));
			int r = HEADER_ROW + 1;
			long total = 0;
			for (SkuDemand d : demand) {
				ws.value(r, 0, d.skuId().value());
				ws.value(r, 1, d.skuName());
				ws.value(r, 2, d.spec());
				ws.value(r, 3, d.unit());
				ws.value(r, 4, d.lines());
				ws.value(r, 5, d.units());
				total += d.units();
				r++;
			}
			ws.value(r, 1, heading.label("row.total"));
			ws.value(r, 5, total);
			ws.style(r, 1).bold().set();
			ws.style(r, 5).bold().set();
			widths(ws, 10, 28, 14, 6, 10, 10);
		});
	}

	private static void title(Worksheet ws, Heading heading) {
		ws.value(0, 0, heading.title());
		ws.style(0, 0).bold().fontSize(14).set();
		ws.value(1, 0, heading.facts());
		ws.style(1, 0).fontColor("6B7280").set();
	}
}
