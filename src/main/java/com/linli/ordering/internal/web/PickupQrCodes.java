package com.linli.ordering.internal.web;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.client.j2se.MatrixToImageWriter;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import com.linli.ordering.Order;

import org.springframework.stereotype.Component;

/** The pickup code as a QR image (ZXing) that the leader scans at the pickup point. */
@Component
class PickupQrCodes {

	/** What the QR holds: the leader's scanner reads the six-digit code from it. */
	static String content(Order order) {
		return "LINLI-PICKUP:" + order.pickupCode() + ":" + order.orderNo();
	}

	byte[] png(Order order, int size) {
		try {
			var matrix = new QRCodeWriter().encode(content(order), BarcodeFormat.QR_CODE, size, size,
					Map.of(EncodeHintType.ERROR_CORRECTION, ErrorCorrectionLevel.M, EncodeHintType.MARGIN, 1));
			var out = new ByteArrayOutputStream();
			MatrixToImageWriter.writeToStream(matrix, "PNG", out);
			return out.toByteArray();
		}
		catch (WriterException e) {
			throw new IllegalStateException("QR encoding failed", e);
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}
}
