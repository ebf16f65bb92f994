package com.linli.fulfilment;

import com.linli.fulfilment.ReceiptPhotoManagement.Photo;
import com.linli.shared.InvalidInputException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** What a receipt photo must be: an image whose bytes agree with its type, of at most 5 MB. */
class ReceiptPhotoCheckTests {

	final ReceiptPhotoManagement photos = new ReceiptPhotoManagement(null, null, null, null, null, null);

	static final byte[] JPEG = { (byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0, 0, 16 };

	@Test
	void aJpegPngOrWebpImageIsTaken() {
		assertThatCode(() -> photos.check(new Photo("image/jpeg", JPEG))).doesNotThrowAnyException();
		assertThatCode(() -> photos.check(new Photo("image/png",
				new byte[] { (byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0 }))).doesNotThrowAnyException();
		assertThatCode(() -> photos.check(new Photo("image/webp",
				new byte[] { 'R', 'I', 'F', 'F', 1, 2, 3, 4, 'W', 'E', 'B', 'P', 0 }))).doesNotThrowAnyException();
	}

	@Test
	void aFileWhoseBytesAreNotTheImageItClaimsToBeIsRefused() {
		var spoofed = catchThrowableOfType(InvalidInputException.class, () -> photos.check(new Photo("image/png", JPEG)));
		assertThat(spoofed.field()).isEqualTo("photo");
		assertThatThrownBy(() -> photos.check(new Photo("text/html", "<script>".getBytes())))
			.isInstanceOf(InvalidInputException.class);
		assertThatThrownBy(() -> photos.check(new Photo(null, JPEG))).isInstanceOf(InvalidInputException.class);
	}

	@Test
	void anEmptyOrTooLargePhotoIsRefused() {
		assertThatThrownBy(() -> photos.check(new Photo("image/jpeg", new byte[0])))
			.isInstanceOf(InvalidInputException.class);
		byte[] large = new byte[ReceiptPhotoManagement.MAX_BYTES + 1];
		System.arraycopy(JPEG, 0, large, 0, JPEG.length);
		assertThatThrownBy(() -> photos.check(new Photo("image/jpeg", large))).isInstanceOf(InvalidInputException.class)
			.hasMessageContaining("5 MB");
	}
}
