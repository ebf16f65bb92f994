package com.linli.fulfilment.internal.export;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import com.lowagie.text.DocumentException;
import com.lowagie.text.Font;
import com.lowagie.text.pdf.BaseFont;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The font of printed sorting lists: a CJK font (Noto Sans CJK SC from Debian's fonts-noto-cjk by
 * default, a TrueType collection addressed as {@code file.ttc,index}), embedded as a subset. Without
 * it the lists still print, in Helvetica, and Chinese text is left out: a warning says so once.
 */
@Component
public class PdfFonts {

	private static final Logger log = LoggerFactory.getLogger(PdfFonts.class);

	private final String location;

	private volatile BaseFont base;

	private volatile boolean cjk;

	PdfFonts(@Value("${linli.fulfilment.pdf.font:/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc,2}") String location) {
		this.location = location;
	}

	/** Whether Chinese text will show: the CJK font was found. */
	public boolean cjk() {
		base();
		return cjk;
	}

	public Font font(float size, int style) {
		return new Font(base(), size, style);
	}

	private BaseFont base() {
		BaseFont font = base;
		if (font != null) {
			return font;
		}
		synchronized (this) {
			if (base == null) {
				base = load();
			}
			return base;
		}
	}

	private BaseFont load() {
		String file = location.contains(",") ? location.substring(0, location.lastIndexOf(',')) : location;
		if (Files.isReadable(Path.of(file))) {
			try {
				BaseFont font = BaseFont.createFont(location, BaseFont.IDENTITY_H, BaseFont.EMBEDDED);
				cjk = true;
				return font;
			}
			catch (DocumentException | IOException e) {
				log.warn("Could not load the PDF font {}: printed lists fall back to Helvetica without Chinese text", location, e);
			}
		}
		else {
			log.warn("PDF font {} not found (apt-get install fonts-noto-cjk): printed lists fall back to Helvetica "
					+ "without Chinese text", file);
		}
		try {
			return BaseFont.createFont(BaseFont.HELVETICA, BaseFont.WINANSI, BaseFont.NOT_EMBEDDED);
		}
		catch (DocumentException | IOException e) {
			throw new IllegalStateException("Helvetica is built into OpenPDF and cannot be missing", e);
		}
	}
}
