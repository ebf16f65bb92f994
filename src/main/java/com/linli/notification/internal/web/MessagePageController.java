package com.linli.notification.internal.web;

import java.io.IOException;

import com.linli.identity.CurrentUser;
import com.linli.notification.Audience;
import com.linli.notification.MessageId;
import com.linli.notification.MessageManagement;
import com.linli.shared.NotFoundException;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The message centre on the phone: residents at {@code /shop/messages} (with the storefront's tab
 * bar), leaders at {@code /leader/messages} (with the workbench's); platform admins and operators at
 * {@code /console/messages} in the console (the reconciliation's payment alarms). Opening a message marks
 * it read and follows its link; the badge fragment is for any page header to load with htmx.
 */
@Controller
class MessagePageController {

	static final int PAGE_SIZE = 20;

	private final MessageManagement messages;

	MessagePageController(MessageManagement messages) {
		this.messages = messages;
	}

	@GetMapping("/shop/messages")
	String shop(@RequestParam(defaultValue = "0") int page, Model model) {
		return list(Audience.RESIDENT, "/shop/messages", page, model);
	}

	@GetMapping("/leader/messages")
	String leader(@RequestParam(defaultValue = "0") int page, Model model) {
		return list(Audience.LEADER, "/leader/messages", page, model);
	}

	@GetMapping("/console/messages")
	@PreAuthorize("hasAnyRole('PLATFORM_ADMIN', 'OPERATOR')")
	String console(@RequestParam(defaultValue = "0") int page, Model model) {
		list(Audience.STAFF, "/console/messages", page, model);
		return "notification/console-messages";
	}

	@PostMapping("/console/messages/{id}/open")
	@PreAuthorize("hasAnyRole('PLATFORM_ADMIN', 'OPERATOR')")
	String openConsole(@PathVariable long id) {
		return open(id, "/console/messages");
	}

	@PostMapping("/console/messages/read-all")
	@PreAuthorize("hasAnyRole('PLATFORM_ADMIN', 'OPERATOR')")
	String readAllConsole() {
		messages.markAllRead(CurrentUser.require().id(), Audience.STAFF);
		return "redirect:/console/messages";
	}

	@GetMapping("/shop/messages/badge")
	String shopBadge(Model model) {
		return badge(Audience.RESIDENT, "/shop/messages", model);
	}

	@GetMapping("/leader/messages/badge")
	String leaderBadge(Model model) {
		return badge(Audience.LEADER, "/leader/messages", model);
	}

	@PostMapping("/shop/messages/{id}/open")
	String openShop(@PathVariable long id) {
		return open(id, "/shop/messages");
	}

	@PostMapping("/leader/messages/{id}/open")
	String openLeader(@PathVariable long id) {
		return open(id, "/leader/messages");
	}

	@PostMapping("/shop/messages/read-all")
	String readAllShop() {
		messages.markAllRead(CurrentUser.require().id(), Audience.RESIDENT);
		return "redirect:/shop/messages";
	}

	@PostMapping("/leader/messages/read-all")
	String readAllLeader() {
		messages.markAllRead(CurrentUser.require().id(), Audience.LEADER);
		return "redirect:/leader/messages";
	}

	@ExceptionHandler(NotFoundException.class)
	void notFound(HttpServletResponse response) throws IOException {
		response.sendError(HttpServletResponse.SC_NOT_FOUND);
	}

	private String list(Audience audience, String base, int page, Model model) {
		var me = CurrentUser.require().id();
		model.addAttribute("messages", messages.inbox(me, audience, false, Math.max(page, 0), PAGE_SIZE));
		model.addAttribute("unread", messages.unreadCount(me, audience));
		model.addAttribute("base", base);
		model.addAttribute("leaderPage", audience == Audience.LEADER);
		model.addAttribute("activeTab", "messages");
		return "notification/messages";
	}

	private String badge(Audience audience, String base, Model model) {
		model.addAttribute("unread", messages.unreadCount(CurrentUser.require().id(), audience));
		model.addAttribute("base", base);
		return "notification/messages :: badge";
	}

	private String open(long id, String back) {
		var message = messages.markRead(CurrentUser.require().id(), new MessageId(id));
		return "redirect:" + (isPagePath(message.link()) ? message.link() : back);
	}

	/** Only a path of this site: a stored link never sends anyone elsewhere. */
	static boolean isPagePath(String link) {
		return link != null && link.matches("/[A-Za-z0-9][A-Za-z0-9/_?=&.-]*") && !link.startsWith("//");
	}
}
