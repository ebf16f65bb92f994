package com.linli.catalog.internal;

import java.util.List;

/**
 * The picture of a product that has no uploaded image: a soft colour chosen by its category, the
 * first two characters of its name large, and its spec small. Drawn on a 200×200 view box so it
 * scales cleanly from a 40px thumbnail to a 390px hero; below 120px the spec is drawn larger so it
 * stays legible.
 */
public final class ProductTile {

	/** Background and ink of each tile colour: pastel fills with a dark ink of the same hue. */
	static final List<Colours> PALETTE = List.of(
			new Colours("#FDECEA", "#B4493F"), // red
			new Colours("#FFF1E0", "#A85A14"), // orange
			new Colours("#FDF6D8", "#85680A"), // yellow
			new Colours("#E7F5E9", "#2E7540"), // green
			new Colours("#E2F3F2", "#1F6C6A"), // teal
			new Colours("#E5EEFA", "#2D5C94"), // blue
			new Colours("#EEEAFA", "#58479A"), // purple
			new Colours("#FBE8F1", "#973D69")); // pink

	/** Widest spec in ems (a Chinese character is one em, a Latin letter or digit about 0.6). */
	private static final double MAX_SPEC_EMS = 8.0;

	private ProductTile() {
	}

	/** The colours of a category: stable for a category, different between neighbouring ids. */
	static Colours coloursOf(long categoryId) {
		return PALETTE.get((int) Math.floorMod(categoryId, (long) PALETTE.size()));
	}

	/** An SVG document for a product called {@code name} with the spec of its first SKU (may be null). */
	public static String svg(String name, String spec, long categoryId) {
		var colours = coloursOf(categoryId);
		String initials = escape(initials(name));
		String specText = spec == null || spec.isBlank() ? null : escape(shorten(spec.trim()));
		String label = escape(name == null ? "" : name.trim()) + (spec == null ? "" : " " + escape(spec.trim()));
		int initialsY = specText == null ? 100 : 92;
		var svg = new StringBuilder(900);
		svg.append("<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 200 200\" width=\"200\" height=\"200\"")
			.append(" role=\"img\" aria-label=\"").append(label).append("\">")
			.append("<style>text{font-family:'Noto Sans CJK SC','PingFang SC','Microsoft YaHei','Hiragino Sans GB',sans-serif}")
			.append(".i{font-size:66px;font-weight:700;letter-spacing:2px}.s{font-size:20px}</style>")
			.append("<rect width=\"200\" height=\"200\" fill=\"").append(colours.background()).append("\"/>")
			.append("<circle cx=\"172\" cy=\"28\" r=\"54\" fill=\"").append(colours.ink()).append("\" opacity=\".06\"/>")
			.append("<circle cx=\"22\" cy=\"186\" r=\"40\" fill=\"").append(colours.ink()).append("\" opacity=\".05\"/>")
			.append("<text class=\"i\" x=\"100\" y=\"").append(initialsY)
			.append("\" text-anchor=\"middle\" dominant-baseline=\"central\" fill=\"").append(colours.ink()).append("\">")
			.append(initials).append("</text>");
		if (specText != null) {
			svg.append("<text class=\"s\" x=\"100\" y=\"160\" text-anchor=\"middle\" dominant-baseline=\"central\" fill=\"")
				.append(colours.ink()).append("\" fill-opacity=\".78\">").append(specText).append("</text>");
		}
		return svg.append("</svg>").toString();
	}

	/** The first two letters of the name, skipping spaces and punctuation such as 【】; "?" if none. */
	static String initials(String name) {
		if (name == null) {
			return "?";
		}
		var out = new StringBuilder();
		name.codePoints().filter(Character::isLetterOrDigit).limit(2).forEach(out::appendCodePoint);
		return out.isEmpty() ? "?" : out.toString();
	}

	/** The spec cut to about eight Chinese characters' width, with an ellipsis if it was longer. */
	static String shorten(String spec) {
		if (ems(spec) <= MAX_SPEC_EMS) {
			return spec;
		}
		var out = new StringBuilder();
		double width = 1.0; // room for the ellipsis
		for (int i = 0; i < spec.length();) {
			int cp = spec.codePointAt(i);
			width += ems(cp);
			if (width > MAX_SPEC_EMS) {
				break;
			}
			out.appendCodePoint(cp);
			i += Character.charCount(cp);
		}
		return out.toString().strip() + "…";
	}

	static double ems(String text) {
		return text.codePoints().mapToDouble(ProductTile::ems).sum();
	}

	private static double ems(int codePoint) {
		return codePoint < 0x2E80 ? 0.6 : 1.0;
	}

	static String escape(String text) {
		var out = new StringBuilder(text.length());
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			switch (c) {
				case '&' -> out.append("&amp;");
				case '<' -> out.append("&lt;");
				case '>' -> out.append("&gt;");
				case '"' -> out.append("&quot;");
				case '\'' -> out.append("&#39;");
				default -> {
					if (c >= 0x20 || c == '\t') {
						out.append(c);
					}
				}
			}
		}
		return out.toString();
	}

	record Colours(String background, String ink) {
	}
}
