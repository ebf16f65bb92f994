package com.linli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * No text for people is written in Java as "中文 / English": such a text is a message code of the bundles
 * ({@code com.linli.shared.Text}), shown in the reader's language. Scans the string literals of the main
 * sources (comments left out), including a pair split by concatenation ({@code "最多 " + n + " 个 / at most "}).
 */
class BilingualTextsTests {

	/**
	 * Texts that stay bilingual, by file and the start of the literal, each for a reason: none is shown in
	 * the application to a reader whose language is known.
	 */
	private static final Map<String, String> ALLOWED = Map.of(
			// the start-up banner printed to the terminal of whoever runs the demo, for Chinese and English readers
			"demo/internal/DemoBanner.java:邻里 Linli 演示城市已生成 / ", "terminal banner",
			"demo/internal/DemoBanner.java:邻里 Linli 演示城市 / ", "terminal banner",
			// the error of a switched-off channel, recorded for operations in notification.delivery and the log
			"notification/internal/WeChatTemplateChannel.java:微信模板消息接口未接入 / ", "delivery error for operations");

	private static final Pattern COMMENT = Pattern.compile("(?s)/\\*.*?\\*/|//[^\\n]*");

	private static final Pattern LITERAL = Pattern.compile("\"((?:[^\"\\\\\\n]|\\\\.)*)\"");

	private static final Pattern HAN = Pattern.compile("\\p{IsHan}");

	/** "中文 / English", the Chinese half of a split pair ("中文 / "), or the English half ("/ English"). */
	static boolean bilingual(String literal) {
		int split = literal.indexOf(" / ");
		if (split >= 0 && HAN.matcher(literal.substring(0, split)).find()) {
			String rest = literal.substring(split + 3).strip();
			return rest.isEmpty() || rest.matches("[A-Za-z].*");
		}
		return literal.matches("\\s*/\\s[A-Za-z].*");
	}

	@Test
	void noTextIsHardCodedInBothLanguages() throws IOException {
		Path root = Path.of("src/main/java/com/linli");
		List<String> found = new ArrayList<>();
		try (Stream<Path> files = Files.walk(root)) {
			for (Path file : files.filter(f -> f.toString().endsWith(".java")).sorted().toList()) {
				String source = stripComments(Files.readString(file, StandardCharsets.UTF_8));
				String name = root.relativize(file).toString().replace('\\', '/');
				Matcher m = LITERAL.matcher(source);
				while (m.find()) {
					String literal = m.group(1);
					if (bilingual(literal) && ALLOWED.keySet().stream()
						.noneMatch(a -> a.startsWith(name + ":") && literal.startsWith(a.substring(name.length() + 1)))) {
						found.add(name + ": \"" + literal + "\"");
					}
				}
			}
		}
		assertThat(found).as("texts in \"中文 / English\": give each a message code in messages/<module>.properties")
			.isEmpty();
	}

	@Test
	void theScanSeesEveryShapeOfAPair() {
		assertThat(bilingual("规格重复 / the same spec appears twice: ")).isTrue();
		assertThat(bilingual(" 个字 / at most ")).isTrue();
		assertThat(bilingual(" / only ")).isTrue();
		assertThat(bilingual("库存不足，仅剩 / ")).isTrue();
		assertThat(bilingual("catalog.problem.specTwice")).isFalse();
		assertThat(bilingual("水果 / 苹果")).isFalse();
		assertThat(bilingual("multipart/form-data")).isFalse();
	}

	private static String stripComments(String source) {
		// a literal holding "//" (a URL) must survive: blank out literals' contents only while finding comments
		StringBuilder kept = new StringBuilder(source);
		Matcher literals = LITERAL.matcher(source);
		StringBuilder masked = new StringBuilder(source);
		while (literals.find()) {
			for (int i = literals.start(1); i < literals.end(1); i++) {
				masked.setCharAt(i, 'x');
			}
		}
		Matcher comments = COMMENT.matcher(masked);
		while (comments.find()) {
			for (int i = comments.start(); i < comments.end(); i++) {
				if (kept.charAt(i) != '\n') {
					kept.setCharAt(i, ' ');
				}
			}
		}
		return kept.toString();
	}
}
