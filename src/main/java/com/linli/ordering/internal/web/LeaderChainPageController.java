package com.linli.ordering.internal.web;

import java.time.Clock;
import java.util.Locale;

import com.linli.ordering.internal.ChainTexts;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The leader's 接龙 page: the day's chain text of their pickup point (today's listings with prices and the
 * masked list of who ordered what), ready to copy into the community chat with one button.
 */
@Controller
class LeaderChainPageController {

	private final ChainTexts chains;

	private final KeptPickupPoints points;

	private final MessageSource messages;

	private final Clock clock;

	LeaderChainPageController(ChainTexts chains, KeptPickupPoints points, MessageSource messages, Clock clock) {
		this.chains = chains;
		this.points = points;
		this.messages = messages;
		this.clock = clock;
	}

	@GetMapping("/leader/chain")
	String chain(Model model, Locale locale, HttpServletResponse response) {
		var found = points.find();
		if (found.isEmpty()) {
			response.setStatus(HttpServletResponse.SC_FORBIDDEN);
			model.addAttribute("tab", "orders");
			return "ordering/leader-no-point";
		}
		var point = found.get();
		var chain = chains.chain(point, points.today(point), clock.instant());
		model.addAttribute("point", point);
		model.addAttribute("chain", chain);
		model.addAttribute("text", text(messages, chain, locale));
		return "ordering/leader-chain";
	}

	/**
	 * The text as pasted into the chat: a title line, the numbered listings, then the numbered orders (the
	 * leader's share page copies the same text).
	 */
	static String text(MessageSource messages, ChainTexts.Chain chain, Locale locale) {
		var out = new StringBuilder();
		out.append(messages.getMessage("chain.text.title",
				new Object[] { chain.point().name(), chain.day().getMonthValue(), chain.day().getDayOfMonth() }, locale))
			.append('\n');
		out.append(messages.getMessage("chain.text.items", null, locale)).append('\n');
		int n = 1;
		for (var item : chain.items()) {
			out.append(n++).append(". ").append(item.name()).append(' ').append(item.spec()).append(" ¥")
				.append(item.price()).append('\n');
		}
		out.append(messages.getMessage("chain.text.orders", new Object[] { chain.entries().size() }, locale)).append('\n');
		n = 1;
		for (var entry : chain.entries()) {
			out.append(n++).append(". ").append(entry.maskedName()).append(' ').append(entry.product()).append('×')
				.append(entry.quantity()).append('\n');
		}
		if (chain.entries().isEmpty()) {
			out.append(messages.getMessage("chain.text.noOrders", null, locale)).append('\n');
		}
		return out.toString().stripTrailing();
	}
}
