package com.linli.notification.internal.web;

import java.time.Instant;

import com.linli.identity.CurrentUser;
import com.linli.notification.Audience;
import com.linli.notification.Message;
import com.linli.notification.MessageId;
import com.linli.notification.MessageKind;
import com.linli.notification.MessageManagement;
import com.linli.shared.Page;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The caller's own message centre, for the mini-program and the console: residents, leaders and staff
 * read only their own messages.
 */
@RestController
@RequestMapping("/api/messages")
@PreAuthorize("hasAnyRole('RESIDENT', 'LEADER', 'PLATFORM_ADMIN', 'OPERATOR')")
@Tag(name = "messages", description = "Message centre: order paid, goods arrived, pickup reminders, refunds")
class MessageRestController {

	private final MessageManagement messages;

	MessageRestController(MessageManagement messages) {
		this.messages = messages;
	}

	@GetMapping
	@Operation(summary = "The caller's messages, newest first")
	Page<MessageView> list(@Parameter(description = "only unread ones") @RequestParam(defaultValue = "false") boolean unread,
			@Parameter(description = "RESIDENT, LEADER or STAFF messages only; all when absent") @RequestParam(required = false) Audience audience,
			@RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "20") int size) {
		var found = messages.inbox(CurrentUser.require().id(), audience, unread, page, size);
		return new Page<>(found.items().stream().map(MessageView::of).toList(), found.total(), found.page(),
				found.size());
	}

	@GetMapping("/unread-count")
	@Operation(summary = "How many of the caller's messages are unread (the badge)")
	UnreadCount unreadCount(@RequestParam(required = false) Audience audience) {
		return new UnreadCount(messages.unreadCount(CurrentUser.require().id(), audience));
	}

	@GetMapping("/{id}")
	@Operation(summary = "One of the caller's messages")
	MessageView get(@PathVariable long id) {
		return MessageView.of(messages.get(CurrentUser.require().id(), new MessageId(id)));
	}

	@PostMapping("/{id}/read")
	@Operation(summary = "Mark one message read (again: no change)")
	MessageView read(@PathVariable long id) {
		return MessageView.of(messages.markRead(CurrentUser.require().id(), new MessageId(id)));
	}

	@PostMapping("/read-all")
	@Operation(summary = "Mark all the caller's unread messages read")
	Marked readAll(@RequestParam(required = false) Audience audience) {
		return new Marked(messages.markAllRead(CurrentUser.require().id(), audience));
	}

	record MessageView(long id, MessageKind kind, Audience audience, String title, String body, String link,
			Instant createdAt, boolean read, Instant readAt) {

		static MessageView of(Message m) {
			return new MessageView(m.id().value(), m.kind(), m.kind().audience(), m.title(), m.body(), m.link(),
					m.createdAt(), m.isRead(), m.readAt());
		}
	}

	record UnreadCount(long count) {
	}

	record Marked(int marked) {
	}
}
