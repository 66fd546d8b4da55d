// SPDX-License-Identifier: Apache-2.0
package org.baobab.notifications.internal;

import java.util.Map;
import org.baobab.identity.CurrentUser;
import org.baobab.identity.IdentityEvents;
import org.baobab.shared.PublicUrl;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * Asks for one templated mail to one person: published as a {@link TemplatedMail} that the {@link Mailer} sends after
 * commit, from the outbox (so a failed mail server delays a mail and never loses it).
 */
@Component
class PersonalMails {

    /**
     * One mail to one person: {@code mail/<template>.html} shown with {@code variables}.
     *
     * @param key the same for every attempt at the same mail, so that it is sent once
     */
    record TemplatedMail(
            String key,
            String recipient,
            String recipientName,
            String language,
            String link,
            String template,
            Map<String, Object> variables)
            implements IdentityEvents.MailRequest {}

    private final ApplicationEventPublisher events;
    private final String baseUrl;

    PersonalMails(ApplicationEventPublisher events, PublicUrl publicUrl) {
        this.events = events;
        this.baseUrl = publicUrl.base();
    }

    /** The platform's address of a path. */
    String url(String path) {
        return baseUrl + path;
    }

    /** Asks for the template's mail to {@code person}, its link to {@code path} on the platform. */
    void send(String key, CurrentUser person, String path, String template, Map<String, Object> variables) {
        events.publishEvent(new TemplatedMail(
                key, person.email(), person.fullName(), person.language(), url(path), template, variables));
    }
}
