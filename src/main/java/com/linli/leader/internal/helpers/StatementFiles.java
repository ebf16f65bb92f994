package com.linli.leader.internal.helpers;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import com.linli.leader.CommissionEntry;
import com.linli.leader.CommissionEntryKind;
import com.linli.leader.LeaderStatement;
import com.linli.leader.Withdrawal;
import com.linli.shared.Money;
import com.linli.shared.export.Spreadsheets;
import com.lowagie.text.Document;
import com.lowagie.text.DocumentException;
import com.lowagie.text.Font;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.Phrase;
import com.lowagie.text.pdf.BaseFont;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfWriter;
import org.dhatim.fastexcel.Worksheet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * The statement as files: an Excel workbook (FastExcel) and a PDF (OpenPDF, in a CJK font: Noto Sans CJK SC from
 * fonts-noto-cjk, {@code linli.leader.pdf.font}; without it Helvetica and a warning). Both carry the same sections:
 * balances at the start and the end, totals by kind, every entry of the month, the withdrawals.
 */
@Component
public class StatementFiles {

	private static final Logger log = LoggerFactory.getLogger(StatementFiles.class);

	private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

	private final MessageSource messages;

	private final String fontLocation;

	private volatile BaseFont font;

	StatementFiles(MessageSource messages,
			@Value("${linli.leader.pdf.font:/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc,2}") String fontLocation) {
		this.messages = messages;
		this.fontLocation = fontLocation;
	}

	public byte[] xlsx(LeaderStatement s, ZoneId zone, Locale locale) {
		return Spreadsheets.write(workbook -> {
			Worksheet ws = workbook.newWorksheet(Spreadsheets.sheetName(t("sheet", locale)));
			Spreadsheets.widths(ws, 18, 14, 20, 24, 8, 12, 8, 12, 12);
			int r = 0;
			ws.value(r, 0, t("title", locale, s.leader().name(), s.month().toString()));
			ws.style(r, 0).bold().fontSize(14).set();
			r++;
			ws.value(r++, 0, t("point", locale, s.pickupPointName(), s.leader().phone()));
			ws.value(r++, 0, t(s.complete() ? "complete" : "soFar", locale, TIME.format(s.generatedAt().atZone(zone))));
			r++;
			Spreadsheets.header(ws, r++, balanceHeader(locale));
			for (var row : balanceRows(s, locale)) {
				ws.value(r, 0, (String) row[0]);
				for (int c = 1; c < row.length; c++) {
					ws.value(r, c, ((Money) row[c]).yuan());
				}
				r++;
			}
			r++;
			Spreadsheets.header(ws, r++, t("kind", locale), t("amount", locale));
			for (var total : s.totals().entrySet()) {
				ws.value(r, 0, kind(total.getKey(), locale));
				ws.value(r++, 1, total.getValue().yuan());
			}
			ws.value(r, 0, t("net", locale));
			ws.value(r, 1, s.net().yuan());
			ws.style(r++, 0).bold().set();
			r++;
			Spreadsheets.header(ws, r++, entryHeader(locale));
			for (var e : s.entries()) {
				ws.value(r, 0, TIME.format(e.occurredAt().atZone(zone)));
				ws.value(r, 1, kind(e.kind(), locale));
				ws.value(r, 2, e.orderNo());
				ws.value(r, 3, e.skuName() == null ? "" : e.skuName());
				ws.value(r, 4, e.quantity());
				ws.value(r, 5, e.base().yuan());
				ws.value(r, 6, e.ratePercent());
				ws.value(r, 7, e.amount().yuan());
				ws.value(r, 8, e.balanceAfter().yuan());
				r++;
			}
			r++;
			Spreadsheets.header(ws, r++, withdrawalHeader(locale));
			for (var w : s.withdrawals()) {
				ws.value(r, 0, TIME.format(w.requestedAt().atZone(zone)));
				ws.value(r, 1, w.amount().yuan());
				ws.value(r, 2, status(w, locale));
				ws.value(r, 3, w.completedAt() == null ? "" : TIME.format(w.completedAt().atZone(zone)));
				r++;
			}
			ws.value(r, 0, t("withdrawalTotals", locale, s.withdrawalsRequested().toString(), s.withdrawalsPaid().toString(),
					s.withdrawalsReturned().toString()));
		});
	}

	public byte[] pdf(LeaderStatement s, ZoneId zone, Locale locale) {
		var out = new ByteArrayOutputStream(32 * 1024);
		var document = new Document(PageSize.A4.rotate(), 28, 28, 28, 28);
		try {
			PdfWriter.getInstance(document, out);
			document.addTitle(t("title", locale, s.leader().name(), s.month().toString()));
			document.open();
			Font title = new Font(base(), 15, Font.BOLD);
			Font normal = new Font(base(), 9, Font.NORMAL);
			Font bold = new Font(base(), 9, Font.BOLD);
			document.add(new Paragraph(t("title", locale, s.leader().name(), s.month().toString()), title));
			document.add(new Paragraph(t("point", locale, s.pickupPointName(), s.leader().phone()), normal));
			document.add(new Paragraph(t(s.complete() ? "complete" : "soFar", locale,
					TIME.format(s.generatedAt().atZone(zone))), normal));
			document.add(new Paragraph(" ", normal));

			var balances = table(bold, balanceHeader(locale));
			for (var row : balanceRows(s, locale)) {
				balances.addCell(cell((String) row[0], normal));
				for (int c = 1; c < row.length; c++) {
					balances.addCell(cell(((Money) row[c]).toString(), normal));
				}
			}
			document.add(balances);
			document.add(new Paragraph(" ", normal));

			var totals = table(bold, t("kind", locale), t("amount", locale));
			for (var total : s.totals().entrySet()) {
				totals.addCell(cell(kind(total.getKey(), locale), normal));
				totals.addCell(cell(total.getValue().toString(), normal));
			}
			totals.addCell(cell(t("net", locale), bold));
			totals.addCell(cell(s.net().toString(), bold));
			document.add(totals);
			document.add(new Paragraph(" ", normal));

			var entries = table(bold, entryHeader(locale));
			for (CommissionEntry e : s.entries()) {
				for (String v : new String[] { TIME.format(e.occurredAt().atZone(zone)), kind(e.kind(), locale),
						e.orderNo(), e.skuName() == null ? "" : e.skuName(), String.valueOf(e.quantity()),
						e.base().toString(), e.ratePercent(), e.amount().toString(), e.balanceAfter().toString() }) {
					entries.addCell(cell(v, normal));
				}
			}
			document.add(entries);
			document.add(new Paragraph(" ", normal));

			var withdrawals = table(bold, withdrawalHeader(locale));
			for (Withdrawal w : s.withdrawals()) {
				withdrawals.addCell(cell(TIME.format(w.requestedAt().atZone(zone)), normal));
				withdrawals.addCell(cell(w.amount().toString(), normal));
				withdrawals.addCell(cell(status(w, locale), normal));
				withdrawals.addCell(cell(w.completedAt() == null ? "" : TIME.format(w.completedAt().atZone(zone)), normal));
			}
			document.add(withdrawals);
			document.add(new Paragraph(t("withdrawalTotals", locale, s.withdrawalsRequested().toString(),
					s.withdrawalsPaid().toString(), s.withdrawalsReturned().toString()), normal));
			document.close();
		}
		catch (DocumentException e) {
			throw new IllegalStateException("statement PDF", e);
		}
		return out.toByteArray();
	}

	private String[] balanceHeader(Locale locale) {
		return new String[] { "", t("ledger", locale), t("pending", locale), t("available", locale),
				t("withdrawn", locale) };
	}

	private List<Object[]> balanceRows(LeaderStatement s, Locale locale) {
		List<Object[]> rows = new ArrayList<>();
		for (var b : new Object[][] { { t("opening", locale), s.opening() }, { t("closing", locale), s.closing() } }) {
			var balances = (LeaderStatement.Balances) b[1];
			rows.add(new Object[] { b[0], balances.ledger(), balances.pending(), balances.available(), balances.withdrawn() });
		}
		return rows;
	}

	private String[] entryHeader(Locale locale) {
		return new String[] { t("time", locale), t("kind", locale), t("orderNo", locale), t("product", locale),
				t("quantity", locale), t("sales", locale), t("rate", locale), t("amount", locale), t("balanceAfter", locale) };
	}

	private String[] withdrawalHeader(Locale locale) {
		return new String[] { t("requestedAt", locale), t("amount", locale), t("status", locale), t("completedAt", locale) };
	}

	private static PdfPTable table(Font bold, String... header) {
		var table = new PdfPTable(header.length);
		table.setWidthPercentage(100);
		table.setHeaderRows(1);
		for (String h : header) {
			var cell = cell(h, bold);
			cell.setBackgroundColor(new java.awt.Color(0xF3, 0xF4, 0xF6));
			table.addCell(cell);
		}
		return table;
	}

	private static PdfPCell cell(String text, Font font) {
		var cell = new PdfPCell(new Phrase(text, font));
		cell.setPadding(3);
		return cell;
	}

	private String kind(CommissionEntryKind kind, Locale locale) {
		return messages.getMessage("leader.helpers.statement.kind." + kind.name(), null, kind.name(), locale);
	}

	private String status(Withdrawal w, Locale locale) {
		return messages.getMessage("leader.payouts.status." + w.status().name(), null, w.status().name(), locale);
	}

	private String t(String key, Locale locale, Object... args) {
		return messages.getMessage("leader.helpers.statement." + key, args, locale);
	}

	private BaseFont base() {
		BaseFont f = font;
		if (f != null) {
			return f;
		}
		synchronized (this) {
			if (font == null) {
				font = load();
			}
			return font;
		}
	}

	private BaseFont load() {
		String file = fontLocation.contains(",") ? fontLocation.substring(0, fontLocation.lastIndexOf(',')) : fontLocation;
		if (Files.isReadable(Path.of(file))) {
			try {
				return BaseFont.createFont(fontLocation, BaseFont.IDENTITY_H, BaseFont.EMBEDDED);
			}
			catch (DocumentException | IOException e) {
				log.warn("Could not load the PDF font {}: statements fall back to Helvetica without Chinese text", fontLocation, e);
			}
		}
		else {
			log.warn("PDF font {} not found (apt-get install fonts-noto-cjk): statements fall back to Helvetica", file);
		}
		try {
			return BaseFont.createFont(BaseFont.HELVETICA, BaseFont.WINANSI, BaseFont.NOT_EMBEDDED);
		}
		catch (DocumentException | IOException e) {
			throw new IllegalStateException("Helvetica is built into OpenPDF", e);
		}
	}
}
