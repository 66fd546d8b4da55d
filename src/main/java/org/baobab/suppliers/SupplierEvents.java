// SPDX-License-Identifier: Apache-2.0
package org.baobab.suppliers;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.baobab.shared.AuditableEvent;
import org.jspecify.annotations.Nullable;

/** What happens in the supplier registry, journalled by the audit module in the transaction of the change. */
public final class SupplierEvents {

    private SupplierEvents() {}

    /** An exclusion recorded ({@code suppliers.exclusion-recorded}) or lifted ({@code suppliers.exclusion-lifted}). */
    public record ExclusionChanged(
            String actor,
            String organisation,
            String action,
            String exclusionId,
            @Nullable String legalReason,
            Map<String, Object> payload)
            implements AuditableEvent {

        public ExclusionChanged {
            payload = Map.copyOf(payload);
        }

        @Override
        public String subjectType() {
            return "supplier-exclusion";
        }

        @Override
        public String subjectId() {
            return exclusionId;
        }
    }

    /** A company's profile saved by its admin ({@code suppliers.profile-saved}); bank details are not journalled. */
    public record ProfileSaved(String actor, String organisation, Map<String, Object> payload)
            implements AuditableEvent {

        public ProfileSaved {
            payload = Map.copyOf(payload);
        }

        @Override
        public String action() {
            return "suppliers.profile-saved";
        }

        @Override
        public String subjectType() {
            return "supplier";
        }

        @Override
        public String subjectId() {
            return organisation;
        }
    }

    /**
     * What a company sells changed ({@code suppliers.categories-changed}): the code added or removed, and the whole
     * list after the change.
     */
    public record CategoriesChanged(
            String actor, String organisation, String change, String code, List<String> categories)
            implements AuditableEvent {

        public CategoriesChanged {
            categories = List.copyOf(categories);
        }

        @Override
        public String action() {
            return "suppliers.categories-changed";
        }

        @Override
        public String subjectType() {
            return "supplier";
        }

        @Override
        public String subjectId() {
            return organisation;
        }

        @Override
        public Map<String, Object> payload() {
            return Map.of(change, code, "categories", categories);
        }
    }

    /**
     * A company's document changed: {@code suppliers.document-uploaded}, {@code .document-verified},
     * {@code .document-rejected}.
     */
    public record DocumentChanged(
            String actor,
            String organisation,
            String action,
            String documentId,
            @Nullable String legalReason,
            Map<String, Object> payload)
            implements AuditableEvent {

        public DocumentChanged {
            payload = Map.copyOf(payload);
        }

        @Override
        public String subjectType() {
            return "supplier-document";
        }

        @Override
        public String subjectId() {
            return documentId;
        }
    }

    /**
     * A company's current document expires on {@code expiresOn}, within the warning period: its admins are reminded
     * (once per expiry date). Not journalled: nothing changed.
     */
    public record DocumentExpiring(UUID organisationId, UUID documentId, String code, LocalDate expiresOn) {}

    /**
     * An alert created ({@code suppliers.alert-created}), confirmed ({@code .alert-confirmed}) or ended
     * ({@code .alert-ended}). The journal keeps its criteria, not its address: an anonymous visitor's address has no
     * place in an append-only record.
     */
    public record AlertChanged(String actor, String action, String alertId, Map<String, Object> payload)
            implements AuditableEvent {

        public AlertChanged {
            payload = Map.copyOf(payload);
        }

        @Override
        public @Nullable String organisation() {
            return null;
        }

        @Override
        public String subjectType() {
            return "alert";
        }

        @Override
        public String subjectId() {
            return alertId;
        }
    }

    /** An anonymous visitor asked for alerts: the address must confirm them (not journalled: no procurement fact). */
    public record AlertConfirmationRequested(String email, String language, String token) {}

    /** A daily alert's matches of the day: one digest mail; {@code notices} pairs each ocid with its title. */
    public record AlertDigest(String email, String language, String token, List<Map.Entry<String, String>> notices) {

        public AlertDigest {
            notices = List.copyOf(notices);
        }
    }

    /**
     * A notice an instant alert matches changed ({@code change}: {@code addendum}, {@code answer}, {@code cancelled} or
     * {@code deadline};
     * {@code changeKey} tells one change from another): one mail to the alert's address.
     */
    public record AlertNoticeChanged(
            String email,
            String language,
            String token,
            String ocid,
            String title,
            String changeKey,
            String change,
            String detail) {}

    /**
     * A published notice matches an active alert: one mail to its address, and, for an alert owned by an account
     * ({@code userId}, null for an anonymous visitor's), one notification in that account's notification centre.
     */
    public record AlertMatched(
            String email,
            String language,
            String token,
            String ocid,
            String title,
            @Nullable UUID userId) {}
}
