package com.linli.shared.export;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * What every Excel export of the platform shares (sorting lists, purchase orders, statements): a workbook
 * written in memory with FastExcel, the bold grey header row, column widths, safe sheet names, and the
 * download response with a UTF-8 file name.
 */
public final class Spreadsheets {

	public static final MediaType XLSX = MediaType
		.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

	private Spreadsheets() {
	}

	/** Writes the sheets of a workbook. */
	public interface Content {

		void write(Workbook workbook) throws IOException;
	}

	/** The workbook's bytes. */
	public static byte[] write(Content content) {
		var out = new ByteArrayOutputStream(64 * 1024);
		try {
			var workbook = new Workbook(out, "Linli", "1.0");
			content.write(workbook);
			workbook.finish();
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		return out.toByteArray();
	}

	/** A table's header row: bold on light grey. */
	public static void header(Worksheet ws, int row, String... labels) {
		for (int c = 0; c < labels.length; c++) {
			ws.value(row, c, labels[c]);
			ws.style(row, c).bold().fillColor("F3F4F6").set();
		}
	}

	/** Widths of the first columns, in characters. */
	public static void widths(Worksheet ws, double... widths) {
		for (int c = 0; c < widths.length; c++) {
			ws.width(c, widths[c]);
		}
	}

	/** Excel allows 31 characters and no []:*?/\ in a sheet name. */
	public static String sheetName(String name) {
		String clean = name.replaceAll("[\\[\\]:*?/\\\\]", " ");
		return clean.length() > 31 ? clean.substring(0, 31) : clean;
	}

	/** A file to download, its name made safe for every browser and kept readable in UTF-8. */
	public static ResponseEntity<byte[]> file(byte[] body, String filename, MediaType type) {
		String safe = filename.replaceAll("[\\\\/:*?\"<>|\\s]+", "_");
		return ResponseEntity.ok()
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment().filename(safe, StandardCharsets.UTF_8).build().toString())
			.contentType(type)
			.contentLength(body.length)
			.body(body);
	}
}
