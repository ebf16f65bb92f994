package com.linli.shared.web;

import java.beans.PropertyEditorSupport;

import tools.jackson.core.JsonParser;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.deser.jdk.StringDeserializer;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.module.SimpleModule;

import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.InitBinder;

/**
 * Text from outside carries no control characters but tab and line breaks: a NUL, which PostgreSQL
 * cannot store, or a bell is refused as bad input naming its field, before any use case sees it. Every
 * JSON string (request bodies, at any depth) and every request parameter or form field bound to a
 * String is checked here, once, for all modules.
 */
@Configuration(proxyBeanMethods = false)
class TextInput {

	static final String MESSAGE = "must not contain control characters";

	/** The position of the first control character other than tab, line feed and carriage return, or -1. */
	static int firstControl(String text) {
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r') || c == 0x7F) {
				return i;
			}
		}
		return -1;
	}

	@Bean
	JsonMapperBuilderCustomizer controlCharactersRefused() {
		var module = new SimpleModule("linli-text-input");
		module.addDeserializer(String.class, new CheckedStrings());
		return builder -> builder.addModule(module);
	}

	/** JSON strings as Jackson reads them, refused with a control character (the path names the field). */
	static final class CheckedStrings extends StringDeserializer {

		@Override
		public String deserialize(JsonParser p, DeserializationContext ctxt) {
			String value = super.deserialize(p, ctxt);
			if (value != null && firstControl(value) >= 0) {
				throw new ControlCharacterException(p);
			}
			return value;
		}
	}

	/** A JSON string with a control character. */
	static final class ControlCharacterException extends MismatchedInputException {

		ControlCharacterException(JsonParser p) {
			super(p, MESSAGE, String.class);
		}
	}

	/** Request parameters and form fields bound to a String: refused as a type mismatch of that field. */
	@ControllerAdvice
	static class Parameters {

		@InitBinder
		void refuseControlCharacters(WebDataBinder binder) {
			binder.registerCustomEditor(String.class, new PropertyEditorSupport() {
				@Override
				public void setAsText(String text) {
					if (text != null && firstControl(text) >= 0) {
						throw new IllegalArgumentException(MESSAGE);
					}
					setValue(text);
				}

				@Override
				public String getAsText() {
					Object value = getValue();
					return value == null ? "" : value.toString();
				}
			});
		}
	}
}
