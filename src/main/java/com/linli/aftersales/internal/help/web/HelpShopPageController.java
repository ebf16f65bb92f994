package com.linli.aftersales.internal.help.web;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.linli.aftersales.FaqEntry;
import com.linli.aftersales.HelpCentreManagement;
import com.linli.identity.Actor;
import com.linli.network.PickupPointManagement;
import com.linli.network.RegionManagement;
import com.linli.ordering.Order;
import com.linli.ordering.OrderManagement;
import com.linli.ordering.OrderStatus;
import com.linli.shared.web.Formats;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The resident's help centre (帮助中心): the questions by category, a search in Chinese, and "where is my order"
 * without a human: their recent orders, each with what happens next in words and its timeline.
 */
@Controller
class HelpShopPageController {

	static final int RECENT_ORDERS = 5;

	private final HelpCentreManagement help;

	private final OrderManagement orders;

	private final PickupPointManagement points;

	private final RegionManagement regions;

	private final Formats fmt;

	private final Clock clock;

	private final MessageSource messages;

	HelpShopPageController(HelpCentreManagement help, OrderManagement orders, PickupPointManagement points,
			RegionManagement regions, Formats fmt, Clock clock, MessageSource messages) {
		this.messages = messages;
		this.help = help;
		this.orders = orders;
		this.points = points;
		this.regions = regions;
		this.fmt = fmt;
		this.clock = clock;
	}

	/**
	 * What happens next with an order, as a message: {@code key} with {@code args} ({0} the pickup day in words or
	 * the pickup time, {1} the pickup point, {2} the pickup code, the time to pay by or the refunded yuan); the
	 * {@code timeline} is ordering's, rendered as the order page renders it.
	 */
	record OrderAnswer(Order order, String key, Object[] args, String refundKey, String refundedYuan, List<?> timeline) {
	}

	@GetMapping("/shop/help")
	String help(Actor actor, @RequestParam(required = false) String q, Model model) {
		String query = q == null ? "" : q.strip();
		model.addAttribute("q", query);
		if (!query.isEmpty()) {
			model.addAttribute("results", help.search(query.length() > 100 ? query.substring(0, 100) : query, 10));
		}
		Map<String, List<FaqEntry>> byCategory = new LinkedHashMap<>();
		for (FaqEntry e : help.published()) {
			byCategory.computeIfAbsent(e.category(), k -> new ArrayList<>()).add(e);
		}
		model.addAttribute("categories", byCategory);
		model.addAttribute("answers", actor.accountId()
			.map(account -> orders.ordersOf(account, RECENT_ORDERS).stream().map(this::answer).toList())
			.orElse(List.of()));
		return "aftersales/help-shop";
	}

	OrderAnswer answer(Order order) {
		var point = points.getPickupPoint(order.pickupPointId());
		ZoneId zone = regions.getRegion(order.regionId()).zone();
		String day = day(order.pickupDate(), LocalDate.ofInstant(clock.instant(), zone));
		String key = "aftersales.help.where." + order.status().name();
		Object[] args;
		if (order.status() == OrderStatus.PENDING_PAYMENT) {
			args = new Object[] { day, point.name(), order.expiresAt() == null ? "" : fmt.time(order.expiresAt()) };
		}
		else if (order.status() == OrderStatus.PICKED_UP) {
			args = new Object[] { order.pickedUpAt() == null ? day : fmt.dateTime(order.pickedUpAt()), point.name(), "" };
		}
		else if (order.status() == OrderStatus.CANCELLED) {
			boolean refunded = !order.refunded().isZero();
			key = refunded ? "aftersales.help.where.CANCELLED_REFUNDED" : key;
			args = new Object[] { day, point.name(), fmt.yuan(order.refunded()) };
		}
		else {
			args = new Object[] { day, point.name() + " · " + point.address(),
					order.pickupCode() == null ? "" : order.pickupCode() };
		}
		boolean partly = order.status() != OrderStatus.CANCELLED && !order.refunded().isZero();
		return new OrderAnswer(order, key, args, partly ? "aftersales.help.where.partlyRefunded" : null,
				fmt.yuan(order.refunded()), orders.timeline(order.id()));
	}

	private String word(String day) {
		return messages.getMessage("aftersales.help.day." + day, null, LocaleContextHolder.getLocale());
	}

	/** The pickup day in words when near ("今天", "明天"), else the month and day. */
	private String day(LocalDate date, LocalDate today) {
		if (date == null) {
			return "";
		}
		if (date.equals(today)) {
			return word("today");
		}
		if (date.equals(today.plusDays(1))) {
			return word("tomorrow");
		}
		if (date.equals(today.minusDays(1))) {
			return word("yesterday");
		}
		return fmt.monthDay(date);
	}
}
