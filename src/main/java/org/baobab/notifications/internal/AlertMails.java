// SPDX-License-Identifier: Apache-2.0
package org.baobab.notifications.internal;

import java.util.List;
import java.util.Map;
import org.baobab.identity.IdentityEvents;
import org.baobab.shared.PublicUrl;
import org.baobab.suppliers.SupplierEvents;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * The mails of alerts: the confirmation of an anonymous subscription, each matching notice, the changes of a matching
 * notice (instant alerts), and the daily digest.
 */
@Component
class AlertMails {

    private final ApplicationEventPublisher events;
    private final String baseUrl;

    AlertMails(ApplicationEventPublisher events, PublicUrl publicUrl) {
        this.events = events;
        this.baseUrl = publicUrl.base();
    }

    /**
     * A mail about an alert; {@code unsubscribe} is the one-click link every alert mail carries; {@code notices} pairs
     * each notice's address with its title (a digest).
     */
    record AlertMail(
            String key,
            String template,
            String recipient,
            String language,
            String link,
            String unsubscribe,
            String title,
            List<Map.Entry<String, String>> notices,
            String change,
            String detail)
            implements IdentityEvents.MailRequest {

        @Override
        public String recipientName() {
            return "";
        }
    }

    @ApplicationModuleListener
    void on(SupplierEvents.AlertConfirmationRequested event) {
        events.publishEvent(new AlertMail(
                "alert:" + event.token() + ":confirm",
                "alert-confirm",
                event.email(),
                event.language(),
                baseUrl + "/alerts/confirm?token=" + event.token(),
                baseUrl + "/alerts/unsubscribe?token=" + event.token(),
                "",
                List.of(),
                "",
                ""));
    }

    @ApplicationModuleListener
    void on(SupplierEvents.AlertMatched event) {
        events.publishEvent(new AlertMail(
                "alert:" + event.token() + ":" + event.ocid(),
                "notice-alert",
                event.email(),
                event.language(),
                baseUrl + "/notices/" + event.ocid(),
                baseUrl + "/alerts/unsubscribe?token=" + event.token(),
                event.title(),
                List.of(),
                "",
                ""));
    }

    @ApplicationModuleListener
    void on(SupplierEvents.AlertNoticeChanged event) {
        events.publishEvent(new AlertMail(
                "alert:" + event.token() + ":" + event.ocid() + ":" + event.changeKey(),
                "notice-alert-changed",
                event.email(),
                event.language(),
                baseUrl + "/notices/" + event.ocid(),
                baseUrl + "/alerts/unsubscribe?token=" + event.token(),
                event.title(),
                List.of(),
                event.change(),
                event.detail()));
    }

    @ApplicationModuleListener
    void on(SupplierEvents.AlertDigest event) {
        events.publishEvent(new AlertMail(
                "alert:" + event.token() + ":digest:"
                        + event.notices().stream()
                                .map(Map.Entry::getKey)
                                .toList()
                                .hashCode(),
                "alert-digest",
                event.email(),
                event.language(),
                baseUrl + "/notices",
                baseUrl + "/alerts/unsubscribe?token=" + event.token(),
                "",
                event.notices().stream()
                        .map(n -> Map.entry(baseUrl + "/notices/" + n.getKey(), n.getValue()))
                        .toList(),
                "",
                ""));
    }
}
