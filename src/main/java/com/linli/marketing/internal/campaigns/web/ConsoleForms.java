package com.linli.marketing.internal.campaigns.web;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

import com.linli.marketing.Reduction;
import com.linli.shared.BusinessRuleException;
import com.linli.shared.InvalidInputException;
import com.linli.shared.Money;
import com.linli.shared.Text;

import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** What the promotions' console forms share: yuan and tiers as typed, and a refusal shown above the page. */
public final class ConsoleForms {

	private ConsoleForms() {
	}

	/** "12.80" as money; a wrong amount is a 400 naming the field. */
	public static Money yuan(String field, String text) {
		if (text == null || text.isBlank()) {
			throw new InvalidInputException(field, Text.of("marketing.campaigns.problem.required"));
		}
		try {
			return Money.ofYuan(text);
		}
		catch (IllegalArgumentException e) {
			throw new InvalidInputException(field, Text.of("marketing.campaigns.problem.budget"));
		}
	}

	/** "39:5, 69:12" as tiers (yuan). */
	public static List<Reduction.Tier> tiers(String text) {
		List<Reduction.Tier> tiers = new ArrayList<>();
		if (text == null || text.isBlank()) {
			return tiers;
		}
		for (String part : text.replace('，', ',').replace('：', ':').split(",")) {
			String[] t = part.trim().split(":");
			if (t.length != 2) {
				throw new InvalidInputException("tiers", Text.of("marketing.campaigns.badTiers"));
			}
			try {
				tiers.add(new Reduction.Tier(Money.ofYuan(t[0].trim()), Money.ofYuan(t[1].trim())));
			}
			catch (IllegalArgumentException e) {
				throw new InvalidInputException("tiers", Text.of("marketing.campaigns.badTiers"));
			}
		}
		return tiers;
	}

	/** A datetime-local field in the region's zone; empty: null (the default applies). */
	public static Instant at(String field, String text, ZoneId zone) {
		if (text == null || text.isBlank()) {
			return null;
		}
		try {
			return LocalDateTime.parse(text).atZone(zone).toInstant();
		}
		catch (DateTimeParseException e) {
			throw new InvalidInputException(field, Text.of("marketing.campaigns.problem.period"));
		}
	}

	/** Runs a change; a refusal becomes the page's failure notice instead of an error page. */
	public static boolean attempt(RedirectAttributes redirect, Runnable change) {
		try {
			change.run();
			redirect.addFlashAttribute("notice", "saved");
			return true;
		}
		catch (BusinessRuleException e) {
			redirect.addFlashAttribute("failure", (e.field() == null ? "" : e.field() + ": ") + e.getMessage());
			return false;
		}
	}

}
