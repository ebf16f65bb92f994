package com.linli.payment.internal.simulated;

import java.nio.charset.StandardCharsets;
import java.time.Clock;

import com.linli.identity.CurrentUser;
import com.linli.shared.BusinessRuleException;
import com.linli.shared.NotFoundException;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.util.UriUtils;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The simulated bank's cashier page (收银台), phone-sized: the payer sees merchant, amount, description
 * and expiry, and confirms or cancels. {@code return} is where the buttons lead back to in the
 * merchant's app; only a path on this site is accepted, so the page cannot be used to redirect elsewhere.
 */
@Controller
@RequestMapping("/pay/sim/{transactionId}")
@ConditionalOnSimulatedProvider
class SimulatedCashierPageController {

	private static final int MAX_RETURN = 300;

	private static final int MAX_DECODINGS = 3;

	private final SimulatedPaymentProvider provider;

	private final SimulatedBank bank;

	private final SimulatedProperties properties;

	private final Clock clock;

	SimulatedCashierPageController(SimulatedPaymentProvider provider, SimulatedBank bank,
			SimulatedProperties properties, Clock clock) {
		this.provider = provider;
		this.bank = bank;
		this.properties = properties;
		this.clock = clock;
	}

	@GetMapping
	String cashier(@PathVariable String transactionId, @RequestParam(name = "return", required = false) String back,
			Model model) {
		var transaction = bank.find(transactionId).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
		model.addAttribute("tx", transaction);
		model.addAttribute("merchant", properties.merchantName());
		model.addAttribute("payable", transaction.isPayable(clock.instant()));
		model.addAttribute("expired", transaction.isExpired(clock.instant()));
		model.addAttribute("back", safeReturn(back));
		return "payment/sim-cashier";
	}

	@PostMapping("/pay")
	String pay(@PathVariable String transactionId, @RequestParam(name = "return", required = false) String back,
			RedirectAttributes redirect) {
		try {
			provider.pay(transactionId, CurrentUser.require().id().value());
		}
		catch (BusinessRuleException e) {
			redirect.addFlashAttribute("error", e.getMessage());
		}
		catch (NotFoundException e) {
			throw new ResponseStatusException(HttpStatus.NOT_FOUND);
		}
		redirect.addAttribute("transactionId", transactionId);
		if (back != null) {
			redirect.addAttribute("return", safeReturn(back));
		}
		return "redirect:/pay/sim/{transactionId}";
	}

	/**
	 * A path of this site such as {@code /shop/orders/12}, else the front door. Browsers drop tabs and
	 * line breaks from a URL and read {@code \} as {@code /}, so {@code /%09/evil.com} becomes
	 * {@code //evil.com}, another site: the value, and each of its percent-decodings, must be a single
	 * {@code /} followed by neither {@code /} nor {@code \}, and hold no backslash, control, white space or
	 * invisible formatting character anywhere.
	 */
	static String safeReturn(String back) {
		if (back == null || back.length() > MAX_RETURN) {
			return "/";
		}
		String form = back;
		for (int decodings = 0; decodings <= MAX_DECODINGS; decodings++) {
			if (!isLocalPath(form)) {
				return "/";
			}
			String decoded;
			try {
				decoded = UriUtils.decode(form, StandardCharsets.UTF_8);
			}
			catch (IllegalArgumentException e) {
				return "/";
			}
			if (decoded.equals(form)) {
				return back;
			}
			form = decoded;
		}
		// still encoded after so many decodings: nobody writes a path of ours like that
		return "/";
	}

	private static boolean isLocalPath(String path) {
		if (!path.startsWith("/") || (path.length() > 1 && (path.charAt(1) == '/' || path.charAt(1) == '\\'))) {
			return false;
		}
		return path.codePoints().noneMatch(c -> c == '\\' || Character.isISOControl(c) || Character.isWhitespace(c)
				|| Character.isSpaceChar(c) || Character.getType(c) == Character.FORMAT);
	}
}
