package com.linli.ordering.internal.web;

import java.util.regex.Pattern;

import com.linli.ordering.Order;
import com.linli.shared.BusinessRuleException;
import com.linli.shared.Text;

/**
 * What the leader typed or scanned: a six-digit pickup code, or the content of the resident's QR
 * ({@code LINLI-PICKUP:<code>:<orderNo>}, see {@link PickupQrCodes#content}), as a camera or a
 * hand-held scanner (which types it like a keyboard) delivers it.
 */
record ScannedCode(String code, String orderNo) {

	private static final Pattern QR = Pattern.compile("^LINLI-PICKUP:(\\d{6}):([0-9A-Za-z-]{1,40})$");

	static ScannedCode parse(String input) {
		String text = input == null ? "" : input.strip();
		var qr = QR.matcher(text);
		if (qr.matches()) {
			return new ScannedCode(qr.group(1), qr.group(2));
		}
		// people type codes as they read them: "123 456", "123-456"
		String digits = text.replaceAll("[\\s-]", "");
		return new ScannedCode(digits.matches("\\d+") ? digits : text, null);
	}

	/**
	 * A QR names its order: an old QR (of an order picked up or cancelled since) whose code now belongs
	 * to another resident's order must not hand that order out.
	 */
	void checkMatches(Order order) {
		if (orderNo != null && !orderNo.equals(order.orderNo())) {
			throw new BusinessRuleException("qr-order-mismatch", "pickupCode",
					Text.of("ordering.problem.qrCodeAnotherOlderOrder"));
		}
	}
}
