package com.linli.marketing.internal.posters;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.GraphicsEnvironment;
import java.awt.RenderingHints;
import java.awt.geom.RoundRectangle2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import javax.imageio.ImageIO;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;

import org.springframework.stereotype.Component;

/**
 * Draws share posters as PNG with Java2D: a coloured header with the headline, the price, the pickup
 * point, and a QR code (ZXing, error correction M) of the poster's URL. Chinese needs a CJK font: the
 * first of the Noto CJK families installed (Debian's fonts-noto-cjk), else the logical SansSerif font
 * (which maps to whatever CJK font the JDK finds). Stateless and thread-safe.
 */
@Component
public class PosterRenderer {

	public static final int WIDTH = 750;

	public static final int HEIGHT = 1100;

	static final int QR_SIZE = 340;

	public static final List<String> CJK_FAMILIES = List.of("Noto Sans CJK SC", "Noto Sans SC", "Noto Serif CJK SC",
			"WenQuanYi Zen Hei", "WenQuanYi Micro Hei", "Droid Sans Fallback");

	private static final Color BRAND = new Color(0xFF, 0x6A, 0x00);

	private static final Color BRAND_LIGHT = new Color(0xFF, 0x9A, 0x3C);

	private static final Color INK = new Color(0x22, 0x22, 0x22);

	private static final Color MUTED = new Color(0x88, 0x88, 0x88);

	private final String family = chooseFamily();

	/** The font family the posters are drawn in. */
	public String family() {
		return family;
	}

	/** The poster as PNG bytes. */
	public byte[] png(Poster poster) {
		BufferedImage image = draw(poster);
		try (var out = new ByteArrayOutputStream(64 * 1024)) {
			ImageIO.write(image, "png", out);
			return out.toByteArray();
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	BufferedImage draw(Poster p) {
		var image = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB);
		Graphics2D g = image.createGraphics();
		try {
			g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
			g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
			g.setColor(Color.WHITE);
			g.fillRect(0, 0, WIDTH, HEIGHT);
			g.setPaint(new GradientPaint(0, 0, BRAND, WIDTH, 260, BRAND_LIGHT));
			g.fillRect(0, 0, WIDTH, 260);

			int y = 90;
			g.setColor(Color.WHITE);
			g.setFont(font(Font.BOLD, 44));
			for (String line : wrap(g.getFontMetrics(), p.headline(), WIDTH - 100, 2)) {
				g.drawString(line, 50, y);
				y += 58;
			}
			if (p.subline() != null) {
				g.setFont(font(Font.PLAIN, 28));
				g.drawString(ellipsis(g.getFontMetrics(), p.subline(), WIDTH - 100), 50, Math.max(y, 200));
			}

			y = 340;
			if (p.price() != null) {
				g.setColor(BRAND);
				g.setFont(font(Font.BOLD, 30));
				g.drawString("¥", 50, y);
				g.setFont(font(Font.BOLD, 72));
				g.drawString(p.price(), 78, y);
				int priceEnd = 78 + g.getFontMetrics().stringWidth(p.price());
				if (p.listPrice() != null) {
					g.setColor(MUTED);
					g.setFont(font(Font.PLAIN, 28));
					String list = "¥" + p.listPrice();
					int x = priceEnd + 24;
					g.drawString(list, x, y);
					g.setStroke(new BasicStroke(2f));
					g.drawLine(x, y - 10, x + g.getFontMetrics().stringWidth(list), y - 10);
				}
				y += 60;
			}
			g.setColor(INK);
			g.setFont(font(Font.PLAIN, 28));
			if (p.pickupPoint() != null) {
				g.drawString(ellipsis(g.getFontMetrics(), p.pickupPoint(), WIDTH - 100), 50, y);
				y += 44;
			}
			if (p.pickupLine() != null) {
				g.setColor(MUTED);
				g.drawString(ellipsis(g.getFontMetrics(), p.pickupLine(), WIDTH - 100), 50, y);
			}

			int qrX = (WIDTH - QR_SIZE) / 2;
			int qrY = p.price() != null ? 560 : 500;
			g.setColor(new Color(0xF5, 0xF5, 0xF5));
			g.fill(new RoundRectangle2D.Float(qrX - 20, qrY - 20, QR_SIZE + 40, QR_SIZE + 40, 24, 24));
			g.drawImage(qr(p.url(), QR_SIZE), qrX, qrY, null);

			g.setColor(MUTED);
			g.setFont(font(Font.PLAIN, 26));
			if (p.footer() != null) {
				centre(g, p.footer(), qrY + QR_SIZE + 70);
			}
		}
		finally {
			g.dispose();
		}
		return image;
	}

	/** A QR code of the text, black on white, {@code size} pixels square with a quiet zone. */
	static BufferedImage qr(String text, int size) {
		Map<EncodeHintType, Object> hints = new EnumMap<>(EncodeHintType.class);
		hints.put(EncodeHintType.ERROR_CORRECTION, ErrorCorrectionLevel.M);
		hints.put(EncodeHintType.CHARACTER_SET, "UTF-8");
		hints.put(EncodeHintType.MARGIN, 2);
		BitMatrix matrix;
		try {
			matrix = new QRCodeWriter().encode(text, BarcodeFormat.QR_CODE, size, size, hints);
		}
		catch (WriterException e) {
			throw new IllegalArgumentException("cannot encode a QR code of " + text.length() + " characters", e);
		}
		var image = new BufferedImage(size, size, BufferedImage.TYPE_INT_RGB);
		for (int x = 0; x < size; x++) {
			for (int y = 0; y < size; y++) {
				image.setRGB(x, y, matrix.get(x, y) ? 0x000000 : 0xFFFFFF);
			}
		}
		return image;
	}

	private void centre(Graphics2D g, String text, int y) {
		String shown = ellipsis(g.getFontMetrics(), text, WIDTH - 60);
		g.drawString(shown, (WIDTH - g.getFontMetrics().stringWidth(shown)) / 2, y);
	}

	private Font font(int style, int size) {
		return new Font(family, style, size);
	}

	/** The text in at most {@code maxLines} lines of {@code width} pixels, the last one cut with "…". */
	static List<String> wrap(FontMetrics metrics, String text, int width, int maxLines) {
		var lines = new java.util.ArrayList<String>();
		var line = new StringBuilder();
		int i = 0;
		while (i < text.length() && lines.size() < maxLines) {
			int cp = text.codePointAt(i);
			String next = line + new String(Character.toChars(cp));
			if (metrics.stringWidth(next) > width && !line.isEmpty()) {
				lines.add(line.toString());
				line = new StringBuilder();
				continue;
			}
			line = new StringBuilder(next);
			i += Character.charCount(cp);
		}
		if (lines.size() < maxLines && !line.isEmpty()) {
			lines.add(line.toString());
		}
		if (i < text.length() && !lines.isEmpty()) {
			int last = lines.size() - 1;
			lines.set(last, ellipsis(metrics, lines.get(last) + text.substring(i), width));
		}
		return lines;
	}

	static String ellipsis(FontMetrics metrics, String text, int width) {
		if (metrics.stringWidth(text) <= width) {
			return text;
		}
		String cut = text;
		while (!cut.isEmpty() && metrics.stringWidth(cut + "…") > width) {
			cut = cut.substring(0, cut.offsetByCodePoints(cut.length(), -1));
		}
		return cut + "…";
	}

	static String chooseFamily() {
		try {
			Set<String> installed = Set.of(GraphicsEnvironment.getLocalGraphicsEnvironment().getAvailableFontFamilyNames());
			for (String family : CJK_FAMILIES) {
				if (installed.contains(family)) {
					return family;
				}
			}
		}
		catch (RuntimeException | Error e) {
			// no font configuration at all (a bare container): the logical font is all there is
		}
		return Font.SANS_SERIF;
	}
}
