// SPDX-License-Identifier: Apache-2.0
package org.baobab.notifications.web;

import java.time.Instant;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.baobab.notifications.internal.MailLog;
import org.baobab.shared.HttpAccessRules;
import org.baobab.shared.NotFoundException;
import org.baobab.shared.Role;
import org.baobab.shared.database.DemoMode;
import org.jspecify.annotations.Nullable;
import org.springframework.context.annotation.Bean;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.util.HtmlUtils;

/**
 * Demo mode only: the mails the platform would have sent, so that a newcomer without a mail server can follow the
 * verification and invitation links. Outside demo mode the page does not exist (404). The mails carry sign-in and reset
 * links of every account, so only a signed-in platform admin (the demo account {@code admin@arcop.demo}) reads them.
 */
@Controller
class DemoMailboxController {

    private final MailLog mailLog;
    private final DemoMode demoMode;

    DemoMailboxController(MailLog mailLog, DemoMode demoMode) {
        this.mailLog = mailLog;
        this.demoMode = demoMode;
    }

    @GetMapping("/demo/mailbox")
    String mailbox(Model model) {
        if (!demoMode.enabled()) {
            throw new NotFoundException("/demo/mailbox");
        }
        model.addAttribute(
                "mails",
                mailLog.latest(30).stream()
                        .map(m -> new DemoMail(m.createdAt(), m.recipient(), m.subject(), m.status(), link(m.body())))
                        .toList());
        return "notifications/demo-mailbox";
    }

    /** One mail as the demo mailbox shows it: its link is what a newcomer needs. */
    record DemoMail(
            Instant createdAt,
            String recipient,
            String subject,
            String status,
            @Nullable String link) {}

    private static final Pattern LINK = Pattern.compile("href=\"(https?://[^\"]+)\"");

    static @Nullable String link(@Nullable String body) {
        if (body == null) {
            return null;
        }
        Matcher m = LINK.matcher(body);
        return m.find() ? HtmlUtils.htmlUnescape(m.group(1)) : null;
    }

    @Bean
    static HttpAccessRules notificationsRules() {
        return registry -> {
            registry.requestMatchers("/demo/mailbox").access(HttpAccessRules.signedInWithAnyOf(Role.PLATFORM_ADMIN));
            registry.requestMatchers("/admin/mail-log").access(HttpAccessRules.signedInWithAnyOf(Role.PLATFORM_ADMIN));
            registry.requestMatchers("/notifications", "/notifications/**").hasAuthority(HttpAccessRules.SIGNED_IN);
        };
    }
}
