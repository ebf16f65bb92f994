package com.linli.marketing.internal.referrals.web;

import com.linli.identity.Actor;
import com.linli.identity.CurrentUser;
import com.linli.marketing.ReferralManagement;
import com.linli.shared.BusinessRuleException;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * The resident's invite pages: "邀请好友" with the code, the link to share, the share poster and the
 * friends invited with their rewards; and the landing page a friend opens from the link or the poster's
 * QR code, where they accept the invitation (their device id from the page's localStorage goes along).
 */
@Controller
class InvitePageController {

	private final ReferralManagement referrals;

	private final com.linli.shared.Tracking tracking;

	private final java.time.Clock clock;

	InvitePageController(ReferralManagement referrals, com.linli.shared.Tracking tracking, java.time.Clock clock) {
		this.tracking = tracking;
		this.clock = clock;
		this.referrals = referrals;
	}

	@GetMapping("/shop/invite")
	String invite(Actor actor, @RequestParam(required = false) String bound, Model model) {
		var invitation = referrals.invitation(actor);
		model.addAttribute("invitation", invitation);
		model.addAttribute("link", ServletUriComponentsBuilder.fromCurrentContextPath().path("/shop/invite/{code}")
			.buildAndExpand(invitation.code()).toUriString());
		model.addAttribute("bound", bound != null);
		model.addAttribute("activeTab", "me");
		return "marketing/referrals-invite";
	}

	/** Open to anyone: a friend without an account is asked to sign in or register, the code kept on the phone. */
	@GetMapping("/shop/invite/{code}")
	String landing(@PathVariable String code, @RequestParam(required = false) Long listing, Model model) {
		var inviter = referrals.inviterOf(code);
		var me = CurrentUser.get();
		tracking.record(com.linli.shared.TrackedEvent.of(com.linli.shared.TrackedEvent.Kind.SHARE_OPEN, clock.instant(),
				me.map(u -> u.id().value()).orElse(null), com.linli.shared.TrackedEvent.Client.H5).product(listing, null));
		model.addAttribute("code", code);
		model.addAttribute("listing", listing);
		model.addAttribute("anonymous", me.isEmpty());
		model.addAttribute("inviterName", inviter.map(a -> ReferralManagement.mask(a.displayName())).orElse(null));
		model.addAttribute("own", inviter.isPresent() && me.isPresent() && inviter.get().id().equals(me.get().id()));
		model.addAttribute("activeTab", "me");
		return "marketing/referrals-landing";
	}

	@PostMapping("/shop/invite/{code}")
	String accept(Actor actor, @PathVariable String code, @RequestParam(required = false) String deviceId,
			@RequestParam(required = false) Long listing, Model model) {
		try {
			referrals.bind(actor, code, deviceId);
		}
		catch (BusinessRuleException e) {
			model.addAttribute("error", e.getMessage());
			model.addAttribute("errorCode", e.code());
			return landing(code, listing, model);
		}
		return listing != null ? "redirect:/shop/listings/" + listing : "redirect:/shop/invite?bound";
	}
}
