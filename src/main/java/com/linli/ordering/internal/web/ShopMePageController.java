package com.linli.ordering.internal.web;

import java.util.EnumMap;
import java.util.Map;

import com.linli.identity.CurrentUser;
import com.linli.network.ResidentBindingManagement;
import com.linli.ordering.OrderManagement;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * 我的: the resident's account (phone masked), pickup point, orders by state, messages, language and
 * sign-out. The language switch is the platform's {@code ?lang=} kept in a cookie.
 */
@Controller
class ShopMePageController {

	private final OrderManagement orders;

	private final ResidentBindingManagement network;

	ShopMePageController(OrderManagement orders, ResidentBindingManagement network) {
		this.orders = orders;
		this.network = network;
	}

	@GetMapping("/shop/me")
	String me(Model model) {
		var me = CurrentUser.require();
		Map<ShopOrderTab, Long> counts = new EnumMap<>(ShopOrderTab.class);
		for (ShopOrderTab tab : ShopOrderTab.values()) {
			counts.put(tab, 0L);
		}
		orders.countsByStatus(me.id()).forEach((status, count) -> {
			for (ShopOrderTab tab : ShopOrderTab.values()) {
				if (tab.holds(status)) {
					counts.merge(tab, count, Long::sum);
				}
			}
		});
		model.addAttribute("name", me.displayName());
		model.addAttribute("phone", masked(me.phone()));
		model.addAttribute("point", network.pickupPointOf(me.id()).orElse(null));
		model.addAttribute("counts", counts);
		model.addAttribute("activeTab", "me");
		return "ordering/me";
	}

	/** 13812345678 -> 138****5678: enough to recognise, not enough to read out. */
	static String masked(String phone) {
		if (phone == null || phone.length() < 7) {
			return phone;
		}
		return phone.substring(0, 3) + "****" + phone.substring(phone.length() - 4);
	}
}
