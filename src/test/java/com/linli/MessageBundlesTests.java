package com.linli;

import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;

import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

import static org.assertj.core.api.Assertions.assertThat;

/** Every message has both a Chinese (default) and an English text: the bundles stay in sync. */
class MessageBundlesTests {

	@Test
	void everyBundleHasTheSameKeysInChineseAndEnglish() throws IOException {
		var resolver = new PathMatchingResourcePatternResolver();
		Resource[] defaults = resolver.getResources("classpath:messages/*.properties");
		int pairs = 0;
		for (Resource zh : defaults) {
			String name = zh.getFilename();
			if (name == null || name.contains("_")) {
				continue;
			}
			Resource en = resolver.getResource("classpath:messages/" + name.replace(".properties", "_en.properties"));
			assertThat(en.exists()).as("English bundle for %s", name).isTrue();
			assertThat(keys(en)).as("keys of %s vs its English bundle", name).isEqualTo(keys(zh));
			pairs++;
		}
		assertThat(pairs).isGreaterThanOrEqualTo(2);
	}

	private static TreeSet<String> keys(Resource resource) throws IOException {
		var properties = new Properties();
		try (var reader = new InputStreamReader(resource.getInputStream(), StandardCharsets.UTF_8)) {
			properties.load(reader);
		}
		return new TreeSet<>(properties.stringPropertyNames());
	}
}
