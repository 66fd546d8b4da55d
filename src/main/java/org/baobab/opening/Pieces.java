// SPDX-License-Identifier: Apache-2.0
package org.baobab.opening;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * The state of an opened bid's pieces as the opening committee recorded it (PV d'ouverture, DOMAIN-RULES §7.3): for
 * each document the notice requires (codes of the rule pack's {@code requiredDocuments}), whether it is present, absent
 * or non-compliant, and the bid security as found in the envelope. It is what the committee saw at the opening, the
 * starting point of the administrative compliance check, not its result.
 *
 * @param documents the required documents in the notice's order
 * @param recordedBy the e-mail of whoever recorded (or last corrected) it
 */
public record Pieces(
        UUID envelopeId, List<Piece> documents, BidSecurity bidSecurity, String recordedBy, Instant recordedAt) {

    public Pieces {
        documents = List.copyOf(documents);
    }

    /** What the committee found of one required document. */
    public enum State {
        PRESENT("present"),
        ABSENT("absent"),
        NON_COMPLIANT("non-compliant");

        private final String code;

        State(String code) {
            this.code = code;
        }

        /** The stable code stored and used in forms and translations ({@code opening.piece.<code>}). */
        public String code() {
            return code;
        }

        public static Optional<State> fromCode(@Nullable String code) {
            return Arrays.stream(values()).filter(s -> s.code.equals(code)).findFirst();
        }
    }

    /** One required document of the notice and its state in this bid. */
    public record Piece(String documentCode, State state) {}

    /**
     * The bid security (garantie de soumission) found in the envelope: present or not, and if present its amount (in
     * {@code currency}, the notice's) and issuer (bank, insurer) when the committee read them.
     */
    public record BidSecurity(
            boolean present,
            @Nullable BigDecimal amount,
            @Nullable String currency,
            @Nullable String issuer) {

        public static BidSecurity absent() {
            return new BidSecurity(false, null, null, null);
        }
    }

    /** The state of a required document, if it was recorded. */
    public Optional<State> state(String documentCode) {
        return documents.stream()
                .filter(p -> p.documentCode().equals(documentCode))
                .map(Piece::state)
                .findFirst();
    }
}
