package com.linli.shared.storage;

import java.util.Optional;

/**
 * Where uploaded files (photos of damaged goods...) are kept: a key in, the bytes out. Modules keep
 * the key, never a path, so that the files may move from this node's disk to an object store shared
 * by many nodes without a change to them. {@link LocalFileStorage} is the built-in one.
 */
public interface FileStorage {

	/** Keeps the content in the folder (a short lower-case name); returns its key. */
	String store(String folder, String contentType, byte[] content);

	/** The file of a key, empty when there is none (or the key is not one this storage made). */
	Optional<StoredFile> load(String key);

	/** A stored file: its key, content type and bytes. */
	record StoredFile(String key, String contentType, byte[] content) {
	}
}
