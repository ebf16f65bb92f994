package com.linli.shared.storage;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Files on this node's disk under {@code linli.storage.dir} (default {@code ./files}, beside the
 * database's {@code ./data}): {@code <folder>/<uuid>.<extension>}, the extension telling the content
 * type. One node only; several nodes need a shared {@link FileStorage} instead.
 */
@Component
class LocalFileStorage implements FileStorage {

	private static final Map<String, String> EXTENSIONS = Map.of("image/jpeg", "jpg", "image/png", "png",
			"image/webp", "webp", "application/octet-stream", "bin");

	private static final Pattern FOLDER = Pattern.compile("[a-z0-9-]{1,40}");

	private static final Pattern KEY = Pattern.compile("([a-z0-9-]{1,40})/[0-9a-f-]{36}\\.(jpg|png|webp|bin)");

	private final Path root;

	LocalFileStorage(@Value("${linli.storage.dir:./files}") String dir) {
		this.root = Path.of(dir).toAbsolutePath().normalize();
	}

	@Override
	public String store(String folder, String contentType, byte[] content) {
		if (!FOLDER.matcher(folder).matches()) {
			throw new IllegalArgumentException("not a storage folder: " + folder);
		}
		String extension = EXTENSIONS.getOrDefault(contentType, "bin");
		String key = folder + "/" + UUID.randomUUID() + "." + extension;
		try {
			Path file = root.resolve(key);
			Files.createDirectories(file.getParent());
			Path partial = file.resolveSibling(file.getFileName() + ".part");
			Files.write(partial, content);
			// whole or nothing: a reader never sees half a file
			Files.move(partial, file, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
			return key;
		}
		catch (IOException e) {
			throw new UncheckedIOException("could not store a file in " + root, e);
		}
	}

	@Override
	public Optional<StoredFile> load(String key) {
		var matcher = key == null ? null : KEY.matcher(key);
		if (matcher == null || !matcher.matches()) {
			return Optional.empty();
		}
		Path file = root.resolve(key);
		if (!Files.isRegularFile(file)) {
			return Optional.empty();
		}
		String extension = matcher.group(2);
		String type = EXTENSIONS.entrySet().stream().filter(e -> e.getValue().equals(extension)).map(Map.Entry::getKey)
			.findFirst().orElse("application/octet-stream");
		try {
			return Optional.of(new StoredFile(key, type, Files.readAllBytes(file)));
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}
}
