package com.linli.identity.internal;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.ObjectStreamClass;
import java.io.OutputStream;
import java.io.Serializable;
import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.convert.support.GenericConversionService;
import org.springframework.core.serializer.support.SerializationFailedException;

/**
 * How page sessions are written to PostgreSQL (Spring Session JDBC): Java serialization, as Spring Session does,
 * except that what the pages keep for the next request (flash attributes: a receipt, a form typed with an error,
 * an amount) need not implement {@link Serializable}. A record is written as its components and made again through
 * its canonical constructor; another object of ours as its fields, made again the way Java serialization makes
 * objects (no constructor of its own runs); an {@link Optional} as its value. Everything else is written as Java
 * serialization writes it. Sessions written before this class read as before.
 */
@Configuration(proxyBeanMethods = false)
class SessionSerialization {

	@Bean("springSessionConversionService")
	GenericConversionService springSessionConversionService() {
		ClassLoader loader = SessionSerialization.class.getClassLoader();
		var service = new GenericConversionService();
		service.addConverter(Object.class, byte[].class, SessionSerialization::write);
		service.addConverter(byte[].class, Object.class, bytes -> read(bytes, loader));
		return service;
	}

	static byte[] write(Object value) {
		var bytes = new ByteArrayOutputStream(512);
		try (var out = new Writing(bytes)) {
			out.writeObject(value);
		}
		catch (IOException | RuntimeException e) {
			throw new SerializationFailedException("Could not write a session attribute of " + value.getClass(), e);
		}
		return bytes.toByteArray();
	}

	static Object read(byte[] bytes, ClassLoader loader) {
		try (var in = new Reading(new ByteArrayInputStream(bytes), loader)) {
			return in.readObject();
		}
		catch (IOException | ClassNotFoundException | RuntimeException e) {
			throw new SerializationFailedException("Could not read a session attribute", e);
		}
	}

	/** A record, by its components. */
	record RecordCopy(String type, Object[] components) implements Serializable {
	}

	/** Another object of ours that is not serializable, by its fields (declaring class, name, value). */
	record FieldsCopy(String type, List<String[]> names, Object[] values) implements Serializable {
	}

	/** An {@link Optional}, by its value. */
	record OptionalCopy(Object value) implements Serializable {
	}

	private static final class Writing extends ObjectOutputStream {

		Writing(OutputStream out) throws IOException {
			super(out);
			enableReplaceObject(true);
		}

		@Override
		protected Object replaceObject(Object obj) throws IOException {
			if (obj == null || obj instanceof Serializable) {
				return obj;
			}
			if (obj instanceof Optional<?> optional) {
				return new OptionalCopy(optional.orElse(null));
			}
			Class<?> type = obj.getClass();
			try {
				if (type.isRecord()) {
					RecordComponent[] components = type.getRecordComponents();
					Object[] values = new Object[components.length];
					for (int i = 0; i < components.length; i++) {
						var accessor = components[i].getAccessor();
						accessor.setAccessible(true);
						values[i] = accessor.invoke(obj);
					}
					return new RecordCopy(type.getName(), values);
				}
				if (type.getName().startsWith("com.linli.")) {
					List<String[]> names = new ArrayList<>();
					List<Object> values = new ArrayList<>();
					for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
						for (Field f : c.getDeclaredFields()) {
							if (Modifier.isStatic(f.getModifiers()) || Modifier.isTransient(f.getModifiers())) {
								continue;
							}
							f.setAccessible(true);
							names.add(new String[] { c.getName(), f.getName() });
							values.add(f.get(obj));
						}
					}
					return new FieldsCopy(type.getName(), names, values.toArray());
				}
			}
			catch (ReflectiveOperationException | RuntimeException e) {
				throw new IOException("Could not copy " + type.getName() + " into the session", e);
			}
			return obj; // Java serialization refuses it, naming the class
		}
	}

	private static final class Reading extends ObjectInputStream {

		private final ClassLoader loader;

		Reading(InputStream in, ClassLoader loader) throws IOException {
			super(in);
			this.loader = loader;
			enableResolveObject(true);
		}

		@Override
		protected Class<?> resolveClass(ObjectStreamClass desc) throws IOException, ClassNotFoundException {
			try {
				return Class.forName(desc.getName(), false, loader);
			}
			catch (ClassNotFoundException e) {
				return super.resolveClass(desc);
			}
		}

		@Override
		protected Object resolveObject(Object obj) throws IOException {
			try {
				if (obj instanceof OptionalCopy copy) {
					return Optional.ofNullable(copy.value());
				}
				if (obj instanceof RecordCopy copy) {
					Class<?> type = Class.forName(copy.type(), false, loader);
					RecordComponent[] components = type.getRecordComponents();
					Class<?>[] types = new Class<?>[components.length];
					for (int i = 0; i < components.length; i++) {
						types[i] = components[i].getType();
					}
					Constructor<?> canonical = type.getDeclaredConstructor(types);
					canonical.setAccessible(true);
					return canonical.newInstance(copy.components());
				}
				if (obj instanceof FieldsCopy copy) {
					Class<?> type = Class.forName(copy.type(), false, loader);
					@SuppressWarnings("restriction")
					var blank = sun.reflect.ReflectionFactory.getReflectionFactory()
						.newConstructorForSerialization(type, Object.class.getDeclaredConstructor());
					Object made = blank.newInstance();
					for (int i = 0; i < copy.names().size(); i++) {
						String[] name = copy.names().get(i);
						Field f = Class.forName(name[0], false, loader).getDeclaredField(name[1]);
						f.setAccessible(true);
						f.set(made, copy.values()[i]);
					}
					return made;
				}
				return obj;
			}
			catch (ReflectiveOperationException | RuntimeException e) {
				throw new IOException("Could not read an object of the session back", e);
			}
		}
	}
}
