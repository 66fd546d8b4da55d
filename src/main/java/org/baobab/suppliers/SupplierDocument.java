// SPDX-License-Identifier: Apache-2.0
package org.baobab.suppliers;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * An administrative document of a company (a tax or social-security attestation, the trade register extract…) of a
 * kind its country's rule pack requires ({@code code}), with the dates printed on it and its verification.
 */
public record SupplierDocument(
        UUID id,
        UUID organisationId,
        String country,
        String code,
        String sha256,
        String fileName,
        LocalDate issuedOn,
        @Nullable LocalDate expiresOn,
        String uploadedBy,
        Instant uploadedAt,
        @Nullable Verification verification,
        @Nullable String decidedFor,
        @Nullable String rejectionReason) {

    /** Days before expiry from which a document is shown as expiring and its company reminded. */
    public static final int EXPIRY_WARNING_DAYS = 30;

    public enum Validity {
        VALID,
        EXPIRES_SOON,
        EXPIRED
    }

    public enum Verification {
        VERIFIED,
        REJECTED
    }

    /** Valid, expiring within {@value #EXPIRY_WARNING_DAYS} days, or expired, on that day (the expiry day is valid). */
    public Validity validity(LocalDate today) {
        if (expiresOn == null || today.plusDays(EXPIRY_WARNING_DAYS).isBefore(expiresOn)) {
            return Validity.VALID;
        }
        return today.isAfter(expiresOn) ? Validity.EXPIRED : Validity.EXPIRES_SOON;
    }
}
