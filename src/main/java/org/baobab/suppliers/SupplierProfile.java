// SPDX-License-Identifier: Apache-2.0
package org.baobab.suppliers;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/**
 * A registered company as its admin describes it. {@code identifiers} maps each rule-pack identifier code (NINEA,
 * RCCM, NIU…) to the value as typed. Bank details are shown to the company only.
 */
public record SupplierProfile(
        UUID organisationId,
        String country,
        String legalName,
        String legalForm,
        String address,
        String city,
        String phone,
        String email,
        String website,
        boolean sme,
        boolean startup,
        boolean womenLed,
        boolean listed,
        String bankName,
        String bankAccount,
        Map<String, String> identifiers,
        Instant updatedAt)
        implements java.io.Serializable {

    public SupplierProfile {
        identifiers = Map.copyOf(identifiers);
    }

    /** What the admin submits. */
    public record Draft(
            String legalName,
            String legalForm,
            String address,
            String city,
            String phone,
            String email,
            String website,
            boolean sme,
            boolean startup,
            boolean womenLed,
            boolean listed,
            String bankName,
            String bankAccount,
            Map<String, String> identifiers) {

        public Draft {
            identifiers = Map.copyOf(identifiers);
        }
    }

    /**
     * Something the admin should check but that does not stop the save, because the rule behind it is not verified
     * (an identifier missing or of an unexpected shape): a message key of the suppliers bundle and its arguments.
     */
    public record Warning(String messageKey, String identifier, String example) {}
}
