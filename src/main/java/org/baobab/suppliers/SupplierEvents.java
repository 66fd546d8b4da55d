// SPDX-License-Identifier: Apache-2.0
package org.baobab.suppliers;

import java.util.Map;
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
}
