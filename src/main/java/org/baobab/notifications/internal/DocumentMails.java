// SPDX-License-Identifier: Apache-2.0
package org.baobab.notifications.internal;

import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Locale;
import org.baobab.identity.Accounts;
import org.baobab.identity.CurrentUser;
import org.baobab.identity.IdentityEvents;
import org.baobab.shared.PublicUrl;
import org.baobab.shared.Role;
import org.baobab.suppliers.SupplierDocuments;
import org.baobab.suppliers.SupplierEvents;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Reminds a company's admins that one of its administrative documents expires soon: one mail request per admin, each
 * sent from the outbox (a failing one is retried alone), in the admin's language.
 */
@Component
class DocumentMails {

    private final Accounts accounts;
    private final SupplierDocuments documents;
    private final ApplicationEventPublisher events;
    private final String baseUrl;

    DocumentMails(
            Accounts accounts, SupplierDocuments documents, ApplicationEventPublisher events, PublicUrl publicUrl) {
        this.accounts = accounts;
        this.documents = documents;
        this.events = events;
        this.baseUrl = publicUrl.base();
    }

    /** One reminder to one admin. */
    record DocumentExpiringMail(
            String key,
            String recipient,
            String recipientName,
            String language,
            String link,
            String document,
            String expiresOn)
            implements IdentityEvents.MailRequest {

        @Override
        public String template() {
            return "document-expiring";
        }
    }

    @ApplicationModuleListener
    void on(SupplierEvents.DocumentExpiring event) {
        String country = accounts.organisation(event.organisationId())
                .map(o -> o.country())
                .orElse("");
        for (CurrentUser admin : accounts.holders(event.organisationId(), Role.SUPPLIER_ADMIN)) {
            events.publishEvent(new DocumentExpiringMail(
                    "document:" + event.documentId() + ":expiring:" + event.expiresOn() + ":" + admin.id(),
                    admin.email(),
                    admin.fullName(),
                    admin.language(),
                    baseUrl + "/supplier/documents",
                    documents.kindName(country, event.code(), Locale.forLanguageTag(admin.language())),
                    event.expiresOn()
                            .format(DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG)
                                    .withLocale(Locale.forLanguageTag(admin.language())))));
        }
    }
}
