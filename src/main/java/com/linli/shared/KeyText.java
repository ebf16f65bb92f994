package com.linli.shared;

import java.lang.reflect.RecordComponent;

/**
 * How a cache key travels between nodes as text: a string as itself, a whole number in decimal, a typed id
 * (a record of one such component, {@code SkuId(42)}) as its component. Any other key is not written
 * (null): the other nodes then clear the whole named cache, which is always correct, only dearer.
 */
public final class KeyText {

	private KeyText() {
	}

	/** The key as text, or null when it has no text form. */
	public static String write(Object key) {
		if (key instanceof String || key instanceof Long || key instanceof Integer) {
			return key.toString();
		}
		if (key instanceof Record record) {
			RecordComponent[] components = record.getClass().getRecordComponents();
			if (components.length == 1 && readable(components[0].getType())) {
				try {
					return String.valueOf(components[0].getAccessor().invoke(record));
				}
				catch (ReflectiveOperationException e) {
					return null;
				}
			}
		}
		return null;
	}

	/** The key of the given class the text stands for, or null when it cannot be read back. */
	public static Object read(String text, Class<?> type) {
		try {
			if (readable(type)) {
				return scalar(text, type);
			}
			if (type.isRecord()) {
				RecordComponent[] components = type.getRecordComponents();
				if (components.length == 1 && readable(components[0].getType())) {
					var constructor = type.getDeclaredConstructor(components[0].getType());
					constructor.setAccessible(true);
					return constructor.newInstance(scalar(text, components[0].getType()));
				}
			}
		}
		catch (ReflectiveOperationException | RuntimeException e) {
			// not a key of this cache: the caller clears it
		}
		return null;
	}

	private static boolean readable(Class<?> type) {
		return type == String.class || type == Long.class || type == long.class || type == Integer.class
				|| type == int.class;
	}

	private static Object scalar(String text, Class<?> type) {
		if (type == String.class) {
			return text;
		}
		if (type == Long.class || type == long.class) {
			return Long.valueOf(text);
		}
		return Integer.valueOf(text);
	}
}
