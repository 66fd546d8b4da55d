// SPDX-License-Identifier: Apache-2.0
package org.baobab.suppliers;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.baobab.rules.Nature;
import org.jspecify.annotations.Nullable;

/**
 * A company excluded from public procurement in a country by its regulator's decision, from {@code startsOn} to
 * {@code endsOn} included (no end: until lifted), for every kind of contract or only one {@code nature}. Public, with
 * the decision's reference; a lifted exclusion stays listed with the lift's reason.
 */
public record Exclusion(
        UUID id,
        String country,
        UUID regulatorId,
        String regulatorName,
        @Nullable UUID organisationId,
        String companyName,
        String identifiers,
        @Nullable Nature nature,
        LocalDate startsOn,
        @Nullable LocalDate endsOn,
        String legalBasis,
        String reason,
        String recordedBy,
        Instant recordedAt,
        @Nullable String liftedBy,
        @Nullable Instant liftedAt,
        @Nullable String liftReason) {

    /** Where an exclusion stands on a given day. */
    public enum State {
        /** Decided, starting later. */
        UPCOMING,
        IN_FORCE,
        /** Its period is over. */
        ENDED,
        /** Lifted before its end (error, appeal, rehabilitation). */
        LIFTED
    }

    public State state(LocalDate today) {
        if (liftedAt != null) {
            return State.LIFTED;
        }
        if (today.isBefore(startsOn)) {
            return State.UPCOMING;
        }
        return endsOn == null || !today.isAfter(endsOn) ? State.IN_FORCE : State.ENDED;
    }

    /** Whether it bars contracts of that nature on that day. */
    public boolean bars(@Nullable Nature contract, LocalDate today) {
        return state(today) == State.IN_FORCE && (nature == null || nature == contract);
    }

    /** What the regulator records: the decision. */
    public record Draft(
            @Nullable UUID organisationId,
            String companyName,
            String identifiers,
            @Nullable Nature nature,
            @Nullable LocalDate startsOn,
            @Nullable LocalDate endsOn,
            String legalBasis,
            String reason) {}
}
