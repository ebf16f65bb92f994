package com.linli.marketing.posters;

import java.awt.Font;
import java.awt.GraphicsEnvironment;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.util.Set;

import javax.imageio.ImageIO;

import com.linli.QrCodes;
import com.linli.marketing.internal.posters.Poster;
import com.linli.marketing.internal.posters.PosterRenderer;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Share posters: a PNG that decodes, of the poster's size, whose QR code reads back the URL; Chinese renders. */
class PosterRendererTests {

	final PosterRenderer renderer = new PosterRenderer();

	@Test
	void theProductPosterIsAPngWhoseQrCodeReadsBackTheUrl() throws Exception {
		String url = "https://linli.example/shop/invite/ABCD2345?listing=42";
		byte[] png = renderer.png(new Poster("红富士苹果 新鲜直采 脆甜多汁", "500g/份", "12.35", "19.90", "翠苑一区便利店",
				"2026-12-08 到自提点提货", "扫码下单 · 邀请码 ABCD2345", url));

		assertThat(png).startsWith(0x89, 'P', 'N', 'G');
		BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
		assertThat(image.getWidth()).isEqualTo(PosterRenderer.WIDTH);
		assertThat(image.getHeight()).isEqualTo(PosterRenderer.HEIGHT);
		assertThat(QrCodes.read(image)).isEqualTo(url);
	}

	@Test
	void theInvitePosterWithoutAPriceReadsBackItsUrlToo() throws Exception {
		String url = "http://localhost:8080/shop/invite/XYZ98765";
		byte[] png = renderer.png(new Poster("邻居们，一起来团购吧", "新鲜直采，次日自提", null, null, null, null,
				"扫码加入 · 邀请码 XYZ98765", url));
		assertThat(QrCodes.read(png)).isEqualTo(url);
	}

	@Test
	void chineseTextHasAFontThatCanDrawIt() {
		Set<String> installed = Set.of(GraphicsEnvironment.getLocalGraphicsEnvironment().getAvailableFontFamilyNames());
		boolean notoInstalled = installed.contains("Noto Sans CJK SC") || installed.contains("Noto Serif CJK SC");
		if (notoInstalled) {
			assertThat(renderer.family()).startsWith("Noto");
			assertThat(new Font(renderer.family(), Font.PLAIN, 20).canDisplayUpTo("邻里团购红富士苹果¥")).isEqualTo(-1);
		}
		else {
			var allowed = new java.util.ArrayList<>(PosterRenderer.CJK_FAMILIES);
			allowed.add(Font.SANS_SERIF);
			assertThat(allowed).contains(renderer.family());
		}
	}
}
