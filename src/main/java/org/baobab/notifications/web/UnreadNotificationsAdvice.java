// SPDX-License-Identifier: Apache-2.0
package org.baobab.notifications.web;

import java.util.UUID;
import org.baobab.identity.CurrentUser;
import org.baobab.notifications.internal.Inbox;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * The unread count the layout's header shows beside the link to the notification centre, as
 * {@code ${unreadNotifications.count()}}. Counted only when a page actually shows it (a redirect, a download or a JSON
 * answer never asks), once per page, by one indexed query; nothing for an anonymous visitor.
 */
@ControllerAdvice
class UnreadNotificationsAdvice {

    private final Inbox inbox;

    UnreadNotificationsAdvice(Inbox inbox) {
        this.inbox = inbox;
    }

    @ModelAttribute("unreadNotifications")
    @Nullable
    UnreadNotifications unreadNotifications(@AuthenticationPrincipal @Nullable CurrentUser user) {
        return user == null ? null : new UnreadNotifications(inbox, user.id());
    }

    /** The count, read from the database the first time the page asks for it. */
    public static final class UnreadNotifications {

        private final Inbox inbox;
        private final UUID user;
        private @Nullable Long count;

        UnreadNotifications(Inbox inbox, UUID user) {
            this.inbox = inbox;
            this.user = user;
        }

        public long count() {
            if (count == null) {
                count = inbox.unread(user);
            }
            return count;
        }
    }
}
