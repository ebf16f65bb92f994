package com.linli.marketing.internal.coupons.web;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import com.linli.identity.AccountId;
import com.linli.identity.Actor;
import com.linli.marketing.CouponManagement;
import com.linli.marketing.CouponStatus;
import com.linli.marketing.HeldCoupon;
import com.linli.marketing.internal.web.HomeSection;
import com.linli.network.PickupPoint;
import com.linli.shared.BusinessRuleException;
import com.linli.shared.NotFoundException;

import org.springframework.stereotype.Component;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The resident's coupon centre (领券中心): coupons to claim in their region and their own coupons by status. */
@Controller
class CouponShopPageController {

	private final CouponManagement coupons;

	private final Clock clock;

	CouponShopPageController(CouponManagement coupons, Clock clock) {
		this.coupons = coupons;
		this.clock = clock;
	}

	@GetMapping("/shop/coupons")
	String centre(Actor actor, Model model) {
		model.addAttribute("claimable", coupons.claimable(actor));
		Map<CouponStatus, List<HeldCoupon>> mine = coupons.mine(actor, null).stream()
			.collect(Collectors.groupingBy(HeldCoupon::status));
		model.addAttribute("groups", List.of(CouponStatus.values()).stream()
			.map(s -> new Group(s, mine.getOrDefault(s, List.of()))).toList());
		model.addAttribute("holdsAny", !mine.isEmpty());
		return "marketing/coupons-shop";
	}

	@PostMapping("/shop/coupons/{templateId}/claim")
	String claim(Actor actor, @PathVariable long templateId, RedirectAttributes redirect) {
		try {
			var coupon = coupons.claim(actor, templateId);
			redirect.addFlashAttribute("claimed", coupon.template().name());
		}
		catch (BusinessRuleException | NotFoundException e) {
			redirect.addFlashAttribute("failure", e.getMessage());
		}
		return "redirect:/shop/coupons";
	}

	/** The resident's coupons of one status. */
	record Group(CouponStatus status, List<HeldCoupon> coupons) {
	}

	/** The coupon centre's entry on the storefront home: what may be claimed and what the resident holds. */
	@Component
	static class CouponHomeSection implements HomeSection {

		private final CouponManagement coupons;

		CouponHomeSection(CouponManagement coupons) {
			this.coupons = coupons;
		}

		@Override
		public int position() {
			return 40;
		}

		@Override
		public String template() {
			return "marketing/coupons-home";
		}

		@Override
		public Optional<Object> model(AccountId resident, PickupPoint point, Instant now, ZoneId zone) {
			Actor actor = Actor.resident(resident);
			long claimable = coupons.claimable(actor).stream().filter(CouponManagement.Claimable::canClaim).count();
			int usable = coupons.usable(resident).size();
			if (claimable == 0 && usable == 0) {
				return Optional.empty();
			}
			return Optional.of(new Entry(claimable, usable));
		}

		/** How many templates the resident may claim and how many coupons they may use now. */
		record Entry(long claimable, int usable) {
		}
	}
}
