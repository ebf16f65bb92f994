package com.linli.logistics.internal.warehouse;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import com.linli.logistics.CrateLabel;
import com.lowagie.text.Document;
import com.lowagie.text.DocumentException;
import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.Image;
import com.lowagie.text.Phrase;
import com.lowagie.text.Rectangle;
import com.lowagie.text.pdf.BaseFont;
import com.lowagie.text.pdf.ColumnText;
import com.lowagie.text.pdf.PdfContentByte;
import com.lowagie.text.pdf.PdfWriter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * Crate labels as a printable PDF (OpenPDF): one 100 × 70 mm page per crate with the pickup point's name and
 * address, route and stop number, the temperature zone, crate i of n for that stop and zone, the pickup date,
 * and a QR code (ZXing) of the crate's code. Chinese text needs a CJK font (Noto Sans CJK SC by default),
 * embedded as a subset; without it the labels print in Helvetica and a warning says so.
 */
@Component
public class CrateLabelDocuments {

	private static final Logger log = LoggerFactory.getLogger(CrateLabelDocuments.class);

	/** 100 × 70 mm in points. */
	static final Rectangle LABEL = new Rectangle(283.46f, 198.43f);

	/** Pixels per QR module: the embedded image is sharp at any print scale. */
	private static final int MODULE_PX = 4;

	private final String fontLocation;

	private final MessageSource messages;

	private volatile BaseFont base;

	CrateLabelDocuments(@Value("${linli.fulfilment.pdf.font:/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc,2}") String fontLocation,
			MessageSource messages) {
		this.fontLocation = fontLocation;
		this.messages = messages;
	}

	/** The labels, one page each, in the given order; a single empty page says so when there is no crate. */
	public byte[] pdf(List<CrateLabel> labels, Locale locale) {
		var out = new ByteArrayOutputStream();
		Document document = new Document(LABEL, 0, 0, 0, 0);
		try {
			PdfWriter writer = PdfWriter.getInstance(document, out);
			document.addTitle(text("logistics.warehouse.labels.title", locale));
			document.open();
			if (labels.isEmpty()) {
				document.add(new Phrase(text("logistics.warehouse.labels.none", locale), font(12, Font.NORMAL)));
			}
			boolean first = true;
			for (CrateLabel label : labels) {
				if (!first) {
					document.newPage();
				}
				first = false;
				draw(writer.getDirectContent(), label, locale);
			}
			document.close();
		}
		catch (DocumentException e) {
			throw new IllegalStateException("crate labels could not be written", e);
		}
		return out.toByteArray();
	}

	private void draw(PdfContentByte canvas, CrateLabel label, Locale locale) throws DocumentException {
		float w = LABEL.getWidth();
		float h = LABEL.getHeight();
		float margin = 10;
		float qrSize = 110;
		// the route and stop, big: what the loader reads from across the dock
		column(canvas, text("logistics.warehouse.labels.routeStop", locale, label.routeNo(), label.seq()),
				font(18, Font.BOLD), margin, h - margin - 24, w - qrSize - margin, h - margin);
		column(canvas, label.pickupPointName(), font(12, Font.BOLD), margin, h - margin - 70, w - qrSize - margin,
				h - margin - 26);
		column(canvas, label.address(), font(8, Font.NORMAL), margin, h - margin - 100, w - qrSize - margin,
				h - margin - 70);
		column(canvas, text("logistics.warehouse.zone." + label.zone(), locale) + "   "
				+ text("logistics.warehouse.labels.crate", locale, label.index(), label.count()), font(14, Font.BOLD),
				margin, margin + 26, w - qrSize - margin, margin + 56);
		column(canvas, text("logistics.warehouse.labels.pickupDate", locale,
				label.pickupDate().format(DateTimeFormatter.ISO_LOCAL_DATE)), font(9, Font.NORMAL), margin, margin,
				w - qrSize - margin, margin + 24);
		Image qr = qrImage(label.code());
		qr.scaleAbsolute(qrSize - margin, qrSize - margin);
		qr.setAbsolutePosition(w - qrSize, h - qrSize - 4);
		canvas.addImage(qr);
		column(canvas, label.code(), font(6, Font.NORMAL), w - qrSize - 4, margin, w - 4, h - qrSize - 6);
		canvas.setLineWidth(0.5f);
		canvas.rectangle(3, 3, w - 6, h - 6);
		canvas.stroke();
	}

	private static void column(PdfContentByte canvas, String text, Font font, float llx, float lly, float urx, float ury)
			throws DocumentException {
		var column = new ColumnText(canvas);
		column.setSimpleColumn(new Phrase(text, font), llx, lly, urx, ury, font.getSize() * 1.25f, Element.ALIGN_LEFT);
		column.go();
	}

	/** The crate code's QR as an 8-bit grey image, black modules 0, white 255, a quiet zone of two modules. */
	static Image qrImage(String code) throws DocumentException {
		BitMatrix matrix = qr(code);
		int size = matrix.getWidth() * MODULE_PX;
		byte[] grey = new byte[size * size];
		for (int y = 0; y < size; y++) {
			for (int x = 0; x < size; x++) {
				grey[y * size + x] = matrix.get(x / MODULE_PX, y / MODULE_PX) ? 0 : (byte) 255;
			}
		}
		return Image.getInstance(size, size, 1, 8, grey);
	}

	static BitMatrix qr(String code) {
		try {
			return new QRCodeWriter().encode(code, BarcodeFormat.QR_CODE, 0, 0,
					Map.of(EncodeHintType.ERROR_CORRECTION, ErrorCorrectionLevel.M, EncodeHintType.MARGIN, 2));
		}
		catch (WriterException e) {
			throw new IllegalStateException("QR encoding failed", e);
		}
	}

	private String text(String key, Locale locale, Object... args) {
		return messages.getMessage(key, args, locale);
	}

	private Font font(float size, int style) {
		return new Font(base(), size, style);
	}

	private BaseFont base() {
		BaseFont font = base;
		if (font == null) {
			synchronized (this) {
				if (base == null) {
					base = load();
				}
				font = base;
			}
		}
		return font;
	}

	private BaseFont load() {
		String file = fontLocation.contains(",") ? fontLocation.substring(0, fontLocation.lastIndexOf(',')) : fontLocation;
		try {
			if (Files.isReadable(Path.of(file))) {
				return BaseFont.createFont(fontLocation, BaseFont.IDENTITY_H, BaseFont.EMBEDDED);
			}
			log.warn("PDF font {} not found (apt-get install fonts-noto-cjk): crate labels print without Chinese text", file);
		}
		catch (DocumentException | IOException e) {
			log.warn("Could not load the PDF font {}: crate labels print without Chinese text", fontLocation, e);
		}
		try {
			return BaseFont.createFont(BaseFont.HELVETICA, BaseFont.WINANSI, BaseFont.NOT_EMBEDDED);
		}
		catch (DocumentException | IOException e) {
			throw new IllegalStateException("Helvetica is built into OpenPDF", e);
		}
	}
}
