package com.linli.fulfilment.internal.export;

import java.awt.Color;
import java.io.ByteArrayOutputStream;
import java.util.stream.Collectors;

import com.lowagie.text.Document;
import com.lowagie.text.DocumentException;
import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.Phrase;
import com.lowagie.text.Rectangle;
import com.lowagie.text.pdf.ColumnText;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfPageEventHelper;
import com.lowagie.text.pdf.PdfWriter;
import com.linli.fulfilment.internal.SortingLists.PickList;
import com.linli.fulfilment.internal.SortingLists.PickRow;
import com.linli.fulfilment.internal.SortingLists.PointList;
import com.linli.fulfilment.internal.SortingLists.PointTotal;
import com.linli.fulfilment.internal.SortingLists.SkuUnits;
import com.linli.fulfilment.internal.SortingLists.SortedOrder;

import org.springframework.stereotype.Component;

/**
 * Sorting lists as printable A4 PDFs (OpenPDF): the pick-by-product list of a grid warehouse (each
 * SKU with its total, then the units for each pickup point) and a pickup point's list (the products
 * to check on arrival, then each order with its pickup code and lines). Header rows repeat on every
 * page; pages are numbered.
 */
@Component
public class SortingListDocuments {

	private static final Color SHADE = new Color(0xF3, 0xF4, 0xF6);

	private static final Color MUTED = new Color(0x6B, 0x72, 0x80);

	private final PdfFonts fonts;

	SortingListDocuments(PdfFonts fonts) {
		this.fonts = fonts;
	}

	public byte[] pickList(Heading heading, PickList list) {
		return write(heading, document -> {
			Font bold = fonts.font(10, Font.BOLD);
			Font normal = fonts.font(10, Font.NORMAL);
			var table = new PdfPTable(new float[] { 5, 1.4f });
			table.setWidthPercentage(100);
			table.setHeaderRows(1);
			table.addCell(headerCell(heading.label("col.pickupPoint"), bold));
			table.addCell(numberCell(heading.label("col.quantity"), bold, SHADE));
			for (PickRow row : list.rows()) {
				var sku = new PdfPCell(new Phrase(row.skuName() + "  " + row.spec(), bold));
				sku.setBackgroundColor(SHADE);
				sku.setPadding(5);
				table.addCell(sku);
				table.addCell(numberCell(row.total() + " " + row.unit() + shortMark(heading, row.shortUnits()), bold, SHADE));
				for (PointTotal point : list.points()) {
					long units = row.unitsFor(point.pickupPointId());
					long missing = row.shortFor(point.pickupPointId());
					if (units > 0 || missing > 0) {
						var name = new PdfPCell(new Phrase("    " + point.name(), normal));
						name.setPadding(4);
						table.addCell(name);
						table.addCell(numberCell(units + " " + row.unit() + shortMark(heading, missing), normal, null));
					}
				}
			}
			table.addCell(headerCell(heading.label("row.total"), bold));
			table.addCell(numberCell(String.valueOf(list.grid().units()), bold, SHADE));
			document.add(table);
		});
	}

	public byte[] pointList(Heading heading, PointList list) {
		return write(heading, document -> {
			Font bold = fonts.font(10, Font.BOLD);
			Font normal = fonts.font(10, Font.NORMAL);
			Font code = fonts.font(13, Font.BOLD);

			document.add(section(heading.label("sheet.products")));
			var products = new PdfPTable(new float[] { 4, 2, 1.2f, 0.8f });
			products.setWidthPercentage(100);
			products.setHeaderRows(1);
			products.addCell(headerCell(heading.label("col.product"), bold));
			products.addCell(headerCell(heading.label("col.spec"), bold));
			products.addCell(numberCell(heading.label("col.quantity"), bold, SHADE));
			products.addCell(headerCell(heading.label("col.checked"), bold));
			for (SkuUnits p : list.products()) {
				products.addCell(cell(p.skuName(), normal));
				products.addCell(cell(p.spec(), normal));
				products.addCell(numberCell(p.units() + " " + p.unit() + shortMark(heading, p.shortUnits()), bold, null));
				products.addCell(cell("□", normal));
			}
			document.add(products);

			document.add(section(heading.label("sheet.orders")));
			var orders = new PdfPTable(new float[] { 1.3f, 2.2f, 1.8f, 4.5f, 0.9f });
			orders.setWidthPercentage(100);
			orders.setHeaderRows(1);
			orders.addCell(headerCell(heading.label("col.pickupCode"), bold));
			orders.addCell(headerCell(heading.label("col.orderNo"), bold));
			orders.addCell(headerCell(heading.label("col.recipient"), bold));
			orders.addCell(headerCell(heading.label("col.lines"), bold));
			orders.addCell(headerCell(heading.label("col.handedOut"), bold));
			for (SortedOrder order : list.orders()) {
				orders.addCell(cell(order.pickupCode(), code));
				orders.addCell(cell(order.orderNo(), normal));
				orders.addCell(cell(order.recipientName() + "\n" + heading.label("phoneTail", order.phoneTail()), normal));
				orders.addCell(cell(order.lines().stream()
					.map(l -> l.skuName() + " " + l.spec() + " × " + l.quantity() + " " + l.unit()
							+ shortMark(heading, l.shortQuantity()))
					.collect(Collectors.joining("\n")), normal));
				orders.addCell(cell("□", normal));
			}
			document.add(orders);
		});
	}

	/** Units refunded since the cutoff, marked beside what will arrive: "（缺货 2）". */
	private static String shortMark(Heading heading, long missing) {
		return missing > 0 ? " " + heading.label("shortMark", missing) : "";
	}

	private interface Body {

		void write(Document document) throws DocumentException;
	}

	private byte[] write(Heading heading, Body body) {
		var out = new ByteArrayOutputStream(64 * 1024);
		var document = new Document(PageSize.A4, 36, 36, 36, 42);
		try {
			var writer = PdfWriter.getInstance(document, out);
			writer.setPageEvent(new PageNumbers(fonts.font(8, Font.NORMAL), heading));
			document.addTitle(heading.title());
			document.addCreator("Linli");
			document.open();
			var title = new Paragraph(heading.title(), fonts.font(16, Font.BOLD));
			document.add(title);
			var facts = new Paragraph(heading.facts(), fonts.font(9, Font.NORMAL));
			facts.getFont().setColor(MUTED);
			facts.setSpacingAfter(8);
			document.add(facts);
			body.write(document);
			document.close();
		}
		catch (DocumentException e) {
			throw new IllegalStateException("Could not write the PDF " + heading.title(), e);
		}
		return out.toByteArray();
	}

	private Paragraph section(String text) {
		var p = new Paragraph(text, fonts.font(12, Font.BOLD));
		p.setSpacingBefore(10);
		p.setSpacingAfter(6);
		return p;
	}

	private static PdfPCell headerCell(String text, Font font) {
		var cell = new PdfPCell(new Phrase(text, font));
		cell.setBackgroundColor(SHADE);
		cell.setPadding(5);
		return cell;
	}

	private static PdfPCell numberCell(String text, Font font, Color background) {
		var cell = new PdfPCell(new Phrase(text, font));
		cell.setHorizontalAlignment(Element.ALIGN_RIGHT);
		cell.setPadding(5);
		if (background != null) {
			cell.setBackgroundColor(background);
		}
		return cell;
	}

	private static PdfPCell cell(String text, Font font) {
		var cell = new PdfPCell(new Phrase(text, font));
		cell.setPadding(5);
		cell.setVerticalAlignment(Element.ALIGN_MIDDLE);
		return cell;
	}

	/** "Page n" at the foot of each page, with the list's title. */
	private static final class PageNumbers extends PdfPageEventHelper {

		private final Font font;

		private final Heading heading;

		PageNumbers(Font font, Heading heading) {
			this.font = font;
			this.heading = heading;
		}

		@Override
		public void onEndPage(PdfWriter writer, Document document) {
			Rectangle page = document.getPageSize();
			ColumnText.showTextAligned(writer.getDirectContent(), Element.ALIGN_LEFT,
					new Phrase(heading.title(), font), document.left(), page.getBottom() + 20, 0);
			ColumnText.showTextAligned(writer.getDirectContent(), Element.ALIGN_RIGHT,
					new Phrase(heading.label("page", writer.getPageNumber()), font), document.right(),
					page.getBottom() + 20, 0);
		}
	}
}
