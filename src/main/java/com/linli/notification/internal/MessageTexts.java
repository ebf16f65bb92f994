package com.linli.notification.internal;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import com.linli.shared.Text;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.context.MessageSource;

/**
 * A message's words from its text key and arguments, in any language: the arguments are kept as JSON so
 * a message written once reads in the language of whoever opens it. An argument is a plain value, a
 * {@link Text} of its own, a {@link LocalDate}, a {@link LocalDateTime} or a {@link Joined} list.
 */
public final class MessageTexts {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final MessageSource texts;

	MessageTexts(MessageSource texts) {
		this.texts = texts;
	}

	/** Several texts joined by the separator of {@code separatorKey}, then {@code moreKey}'s text if not null. */
	public record Joined(List<?> items, String separatorKey, String moreKey) {
	}

	/** The arguments as the JSON array to keep. */
	public String json(Object[] args) {
		return JSON.writeValueAsString(array(args == null ? new Object[0] : args));
	}

	/** The text of {@code key} with arguments kept by {@link #json}, in the language of the locale. */
	public String text(String key, String argsJson, Locale locale) {
		JsonNode args = argsJson == null ? JSON.createArrayNode() : JSON.readTree(argsJson);
		List<Object> words = new ArrayList<>();
		args.forEach(arg -> words.add(words(arg, locale)));
		return texts.getMessage(key, words.toArray(), locale);
	}

	private ArrayNode array(Object[] args) {
		ArrayNode array = JSON.createArrayNode();
		for (Object arg : args) {
			array.add(node(arg));
		}
		return array;
	}

	private JsonNode node(Object arg) {
		if (arg instanceof Text t) {
			ObjectNode node = JSON.createObjectNode();
			node.put("key", t.code());
			node.set("args", array(t.args()));
			return node;
		}
		if (arg instanceof LocalDate d) {
			return JSON.createObjectNode().put("date", d.toString());
		}
		if (arg instanceof LocalDateTime t) {
			return JSON.createObjectNode().put("dateTime", t.toString());
		}
		if (arg instanceof Joined j) {
			ObjectNode node = JSON.createObjectNode();
			node.set("join", array(j.items().toArray()));
			node.put("separator", j.separatorKey());
			node.put("more", j.moreKey());
			return node;
		}
		return JSON.getNodeFactory().stringNode(String.valueOf(arg));
	}

	private String words(JsonNode arg, Locale locale) {
		if (!arg.isObject()) {
			return arg.asString();
		}
		if (arg.has("key")) {
			return text(arg.get("key").asString(), JSON.writeValueAsString(arg.get("args")), locale);
		}
		if (arg.has("date")) {
			return DateTimeFormatter.ofPattern(texts.getMessage("notification.datePattern", null, locale))
				.format(LocalDate.parse(arg.get("date").asString()));
		}
		if (arg.has("dateTime")) {
			return DateTimeFormatter.ofPattern(texts.getMessage("notification.dateTimePattern", null, locale))
				.format(LocalDateTime.parse(arg.get("dateTime").asString()));
		}
		List<String> items = new ArrayList<>();
		arg.get("join").forEach(item -> items.add(words(item, locale)));
		String more = arg.get("more").isNull() ? "" : texts.getMessage(arg.get("more").asString(), null, locale);
		return String.join(texts.getMessage(arg.get("separator").asString(), null, locale), items) + more;
	}
}
