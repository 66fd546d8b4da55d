// SPDX-License-Identifier: Apache-2.0
package org.baobab.notifications.web;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.baobab.identity.CurrentUser;
import org.baobab.notifications.internal.Inbox;
import org.baobab.notifications.internal.InboxText;
import org.baobab.shared.NotFoundException;
import org.springframework.context.MessageSource;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The notification centre of a signed-in user: their notifications, newest first, each rendered in the reader's
 * language; following one marks it read. A user reaches only their own: another's id is not found.
 */
@Controller
class NotificationCentreController {

    static final int PAGE = 30;

    private final Inbox inbox;
    private final InboxText text;
    private final MessageSource messages;
    private final Clock clock;

    NotificationCentreController(Inbox inbox, InboxText text, MessageSource messages, Clock clock) {
        this.inbox = inbox;
        this.text = text;
        this.messages = messages;
        this.clock = clock;
    }

    /** A notification as its reader sees it. */
    record Row(UUID id, String text, String link, String when, Instant createdAt, boolean unread) {}

    @GetMapping("/notifications")
    String centre(
            @AuthenticationPrincipal CurrentUser user,
            @RequestParam(defaultValue = "0") int page,
            Locale locale,
            Model model) {
        int current = Math.max(0, Math.min(page, 10_000));
        ZoneId zone = text.zone(user);
        List<Row> rows = inbox.of(user.id(), PAGE + 1, current * PAGE).stream()
                .map(e -> new Row(
                        e.id(),
                        text.text(e, locale),
                        e.link(),
                        text.dateTime(e.createdAt(), zone, locale),
                        e.createdAt(),
                        e.unread()))
                .toList();
        model.addAttribute("rows", rows.size() > PAGE ? rows.subList(0, PAGE) : rows);
        model.addAttribute("hasNext", rows.size() > PAGE);
        model.addAttribute("page", current);
        model.addAttribute("unread", inbox.unread(user.id()));
        return "notifications/centre";
    }

    /** Marks one of one's notifications read, then goes to what it is about. */
    @PostMapping("/notifications/{id}/read")
    String read(@AuthenticationPrincipal CurrentUser user, @PathVariable UUID id) {
        String link = inbox.markRead(user.id(), id, clock.instant()).orElseThrow(() -> new NotFoundException(id));
        // stored links are paths inside Baobab (the table checks it); never follow anything else
        return "redirect:" + (link.startsWith("/") && !link.startsWith("//") ? link : "/notifications");
    }

    @PostMapping("/notifications/read-all")
    String readAll(@AuthenticationPrincipal CurrentUser user, Locale locale, RedirectAttributes redirect) {
        inbox.markAllRead(user.id(), clock.instant());
        redirect.addFlashAttribute("message", messages.getMessage("centre.all-read", null, locale));
        return "redirect:/notifications";
    }
}
