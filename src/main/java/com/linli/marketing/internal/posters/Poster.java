package com.linli.marketing.internal.posters;

/**
 * What a share poster shows: a headline (the product's name, or the invitation), a second line (the
 * spec), the price and the struck list price (both may be null on an invite poster), the pickup point
 * and its date, a footer (the inviter's code) and the URL its QR code opens.
 */
public record Poster(String headline, String subline, String price, String listPrice, String pickupPoint,
		String pickupLine, String footer, String url) {
}
