package com.linli.leader.internal.recruitment.web;

import java.util.List;
import java.util.Locale;

import com.linli.leader.PickupPointKind;
import com.linli.leader.RecruitmentManagement;
import com.linli.network.Region;
import com.linli.network.RegionId;
import com.linli.network.RegionManagement;
import com.linli.shared.BusinessRuleException;
import com.linli.shared.NotFoundException;
import com.linli.shared.web.UploadedImages;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The public application page (phone-sized, no sign-in) a would-be leader reaches from a poster's QR code or a
 * leader's link ({@code /join?ref=CODE}), and the status page where they follow it by number and phone.
 */
@Controller
@RequestMapping("/join")
class JoinPageController {

	private final RecruitmentManagement recruitment;

	private final RegionManagement regions;

	private final MessageSource messages;

	JoinPageController(RecruitmentManagement recruitment, RegionManagement regions, MessageSource messages) {
		this.recruitment = recruitment;
		this.regions = regions;
		this.messages = messages;
	}

	/** The empty form (with the referral code of the link), or the form redrawn after a city was chosen. */
	@GetMapping
	String form(@ModelAttribute("form") JoinForm form, Model model) {
		return page(form, model);
	}

	/** Sends the SMS code (htmx): answers the line under the phone field. */
	@PostMapping("/code")
	String sendCode(@RequestParam(required = false) String phone, Model model, Locale locale) {
		try {
			recruitment.sendCode(phone, locale);
			model.addAttribute("codeSent", true);
		}
		catch (BusinessRuleException e) {
			model.addAttribute("codeError", e.text().in(messages, locale));
		}
		return "leader/recruitment-join :: code-status";
	}

	@PostMapping
	String apply(@ModelAttribute("form") JoinForm form, BindingResult result, Model model, Locale locale,
			RedirectAttributes redirect) {
		if (result.hasErrors()) {
			return page(form, model);
		}
		try {
			var a = recruitment.apply(form.application(), form.getCode(), UploadedImages.of(form.getPhotos()), locale);
			redirect.addFlashAttribute("applied", true);
			redirect.addFlashAttribute("applicationNo", a.applicationNo());
			return "redirect:/join/status";
		}
		catch (BusinessRuleException e) {
			String field = e.field() != null && result.getFieldType(e.field()) != null ? e.field() : null;
			String message = e.text().in(messages, locale);
			if (field != null) {
				result.rejectValue(field, e.code(), message);
			}
			else {
				result.reject(e.code(), message);
			}
			return page(form, model);
		}
	}

	@GetMapping("/status")
	String statusForm(Model model) {
		return "leader/recruitment-status";
	}

	@PostMapping("/status")
	String status(@RequestParam(required = false) String applicationNo, @RequestParam(required = false) String phone,
			Model model) {
		return showStatus(applicationNo, phone, model);
	}

	@PostMapping("/status/answer")
	String answer(@RequestParam String applicationNo, @RequestParam String phone,
			@RequestParam(required = false) String answer, Model model, Locale locale) {
		try {
			recruitment.answer(applicationNo, phone, answer);
			model.addAttribute("answered", true);
		}
		catch (NotFoundException e) {
			model.addAttribute("notFound", true);
			return "leader/recruitment-status";
		}
		catch (BusinessRuleException e) {
			model.addAttribute("answerError", e.text().in(messages, locale));
		}
		return showStatus(applicationNo, phone, model);
	}

	private String showStatus(String applicationNo, String phone, Model model) {
		model.addAttribute("applicationNo", applicationNo);
		model.addAttribute("phone", phone);
		try {
			model.addAttribute("app", recruitment.status(applicationNo, phone));
		}
		catch (NotFoundException e) {
			model.addAttribute("notFound", true);
		}
		return "leader/recruitment-status";
	}

	private String page(JoinForm form, Model model) {
		List<Region> open = regions.regions().stream().filter(Region::active).toList();
		if (form.getRegionId() == null && open.size() == 1) {
			form.setRegionId(open.get(0).id().value());
		}
		model.addAttribute("regions", open);
		model.addAttribute("communities",
				form.getRegionId() == null ? List.of() : recruitment.communities(new RegionId(form.getRegionId())));
		model.addAttribute("kinds", PickupPointKind.values());
		return "leader/recruitment-join";
	}
}
