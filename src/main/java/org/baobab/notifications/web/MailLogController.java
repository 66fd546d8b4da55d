// SPDX-License-Identifier: Apache-2.0
package org.baobab.notifications.web;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.baobab.notifications.internal.MailLog;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The sent-mail log for the platform's admins: who was sent what and when, which mails are still being retried and
 * why. Bodies are never shown: they hold verification, reset and invitation links, which are secrets.
 */
@Controller
class MailLogController {

    static final int PAGE = 50;

    private static final Set<String> STATUSES = Set.of("SENT", "RETRYING", "NO_SMTP");

    private final MailLog mailLog;

    MailLogController(MailLog mailLog) {
        this.mailLog = mailLog;
    }

    /** A row as the admin sees it. */
    record Row(
            Instant createdAt,
            String recipient,
            String template,
            String subject,
            String status,
            int attempts,
            @Nullable Instant sentAt,
            @Nullable String error) {}

    @GetMapping("/admin/mail-log")
    String log(
            @RequestParam(required = false) @Nullable String recipient,
            @RequestParam(required = false) @Nullable String status,
            @RequestParam(defaultValue = "0") int page,
            Model model) {
        String who = recipient == null || recipient.isBlank() ? null : recipient.strip();
        String state = status == null ? null : status.strip().toUpperCase(Locale.ROOT);
        if (state != null && !STATUSES.contains(state)) {
            state = null;
        }
        int current = Math.max(0, Math.min(page, 10_000));
        List<Row> rows = mailLog.search(who, state, PAGE + 1, current * PAGE).stream()
                .map(e -> new Row(
                        e.createdAt(),
                        e.recipient(),
                        e.template(),
                        e.subject(),
                        e.status(),
                        e.attempts(),
                        e.sentAt(),
                        e.error()))
                .toList();
        model.addAttribute("rows", rows.size() > PAGE ? rows.subList(0, PAGE) : rows);
        model.addAttribute("hasNext", rows.size() > PAGE);
        model.addAttribute("page", current);
        model.addAttribute("recipient", who);
        model.addAttribute("status", state);
        model.addAttribute("statuses", List.of("SENT", "RETRYING", "NO_SMTP"));
        return "notifications/mail-log";
    }
}
