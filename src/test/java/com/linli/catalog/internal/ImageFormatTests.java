package com.linli.catalog.internal;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ImageFormatTests {

	@Test
	void recognisesPngJpegAndWebpByTheirFirstBytes() {
		assertThat(ImageFormat.detect(new byte[] { (byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n', 0, 0 }))
			.contains("image/png");
		assertThat(ImageFormat.detect(new byte[] { (byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0 }))
			.contains("image/jpeg");
		assertThat(ImageFormat.detect("RIFF\0\0\0\0WEBPVP8 ".getBytes(StandardCharsets.ISO_8859_1)))
			.contains("image/webp");
	}

	@Test
	void refusesEverythingElseWhateverItIsCalled() {
		assertThat(ImageFormat.detect("<svg onload=alert(1)>".getBytes(StandardCharsets.UTF_8))).isEmpty();
		assertThat(ImageFormat.detect("GIF89a".getBytes(StandardCharsets.US_ASCII))).isEmpty();
		assertThat(ImageFormat.detect("RIFF\0\0\0\0WAVEfmt ".getBytes(StandardCharsets.ISO_8859_1))).isEmpty();
		assertThat(ImageFormat.detect(new byte[] { (byte) 0x89, 'P', 'N' })).isEmpty();
		assertThat(ImageFormat.detect(new byte[0])).isEmpty();
		assertThat(ImageFormat.detect(null)).isEmpty();
	}
}
