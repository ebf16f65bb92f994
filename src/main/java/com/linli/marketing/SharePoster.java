package com.linli.marketing;

/**
 * A share poster other modules have drawn (the leader's share card of a listing): a headline (the
 * product), a second line (the spec), the group price and the struck list price (either may be null), the
 * pickup point, a line under it (the pickup date), a footer (the countdown to cutoff) and the URL its QR
 * code opens. Drawn by {@link SharePosters} as the residents' posters are.
 */
public record SharePoster(String headline, String subline, String price, String listPrice, String pickupPoint,
		String pickupLine, String footer, String url) {
}
