// SPDX-License-Identifier: Apache-2.0
package org.baobab.complaints;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * The public part of a complaint (published on the notice page, the public list and as open data): who complains of
 * what, the objections, the remedy asked, the authority's answer, any suspension and the decision. The evidence and
 * the exchanges between the parties stay private.
 */
public record PublicComplaint(
        UUID id,
        String ocid,
        String processTitle,
        String authorityName,
        String complainantName,
        Complaint.ContestedKind contested,
        String contestedText,
        LocalDate contestedOn,
        List<Complaint.Objection> objections,
        String remedy,
        Complaint.Stage stage,
        Complaint.State state,
        Instant filedAt,
        @Nullable String answer,
        @Nullable Instant answeredAt,
        @Nullable Instant escalatedAt,
        boolean suspended,
        Complaint.@Nullable Outcome outcome,
        @Nullable String decisionReasons,
        @Nullable Instant decidedAt) {

    static PublicComplaint of(Complaint c) {
        return new PublicComplaint(
                c.id(),
                c.ocid(),
                c.processTitle(),
                c.authorityName(),
                c.complainantName(),
                c.contested(),
                c.contestedText(),
                c.contestedOn(),
                c.objections(),
                c.remedy(),
                c.stage(),
                c.state(),
                c.filedAt(),
                c.answer(),
                c.answeredAt(),
                c.escalatedAt(),
                c.suspended(),
                c.outcome(),
                c.decisionReasons(),
                c.decidedAt());
    }
}
