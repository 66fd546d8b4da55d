// SPDX-License-Identifier: Apache-2.0
package org.baobab.complaints;

import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.baobab.rules.Deadline;
import org.jspecify.annotations.Nullable;

/**
 * A complaint as its parties see it (the complainant company, the process's authority, the regulator's complaints
 * officers): the structured complaint, its exchanges and evidence, and every deadline counted from the country's pack.
 * The public sees only {@link PublicComplaint}.
 *
 * @param fileBy the last day to file with the authority, counted from the act contested
 * @param answerBy the last day for the authority to answer, counted from the filing
 * @param escalateBy the last day to go to the regulator, once the authority answered or its time ran out
 * @param decideBy the last day for the regulator to decide, once it has the complaint
 */
public record Complaint(
        UUID id,
        String ocid,
        String country,
        UUID authorityId,
        String authorityName,
        String processTitle,
        UUID complainantId,
        String complainantName,
        ContestedKind contested,
        String contestedText,
        LocalDate contestedOn,
        List<Objection> objections,
        String remedy,
        List<Evidence> evidence,
        Stage stage,
        State state,
        Instant filedAt,
        @Nullable String answer,
        @Nullable Instant answeredAt,
        boolean answerLate,
        @Nullable Instant escalatedAt,
        @Nullable Outcome outcome,
        @Nullable String decisionReasons,
        @Nullable Instant decidedAt,
        boolean suspended,
        List<Suspension> suspensions,
        List<Exchange> exchanges,
        Deadline fileBy,
        Deadline answerBy,
        @Nullable Deadline escalateBy,
        @Nullable Deadline decideBy) {

    /** What the complaint contests. Until the award module exists, an award is named by a free text. */
    public enum ContestedKind {
        NOTICE,
        AWARD,
        OTHER
    }

    /** Before whom the complaint stands. */
    public enum Stage {
        AUTHORITY,
        REGULATOR
    }

    /** Where the complaint is. A filed complaint left unanswered past its day is {@link #noAnswerInTime}. */
    public enum State {
        FILED,
        ANSWERED,
        ESCALATED,
        DECIDED;

        /** Whether the authority may answer: a filed complaint, once. */
        public boolean mayBeAnswered() {
            return this == FILED;
        }

        /** Whether the complainant may go to the regulator (once answered, or filed and deemed rejected). */
        public boolean mayBeEscalated() {
            return this == FILED || this == ANSWERED;
        }

        /** Whether the regulator has it: it may suspend the procedure, lift the suspension and decide. */
        public boolean beforeRegulator() {
            return this == ESCALATED;
        }

        /** Whether the parties may still write to each other: until the decision. */
        public boolean open() {
            return this != DECIDED;
        }
    }

    /** The regulator's decision. */
    public enum Outcome {
        UPHELD,
        PARTLY_UPHELD,
        DISMISSED,
        INADMISSIBLE
    }

    /** Who wrote a message. */
    public enum Party {
        COMPLAINANT,
        AUTHORITY,
        REGULATOR
    }

    /** One objection: a short title and its grounds. */
    public record Objection(String title, String description) {}

    /** A document of the document store given as evidence. */
    public record Evidence(String sha256, String name) {}

    /** A message between the parties. */
    public record Exchange(Party party, String author, String body, Instant at) {}

    /** A suspension of the procedure by the regulator; open while {@code liftedAt} is null. */
    public record Suspension(
            String reason, Instant suspendedAt, @Nullable Instant liftedAt) {}

    /** Whether the authority let its time to answer run out (the complaint is then deemed rejected). */
    public boolean noAnswerInTime(LocalDate today) {
        return state == State.FILED && today.isAfter(answerBy.lastDay());
    }

    /** The deadline the next step is due by: the authority's answer, the escalation, or the regulator's decision. */
    public @Nullable Deadline next(LocalDate today) {
        return switch (state) {
            case FILED -> noAnswerInTime(today) ? escalateBy : answerBy;
            case ANSWERED -> escalateBy;
            case ESCALATED -> decideBy;
            case DECIDED -> null;
        };
    }

    /** Days left until the next deadline (negative once passed), or null when nothing is due. */
    public @Nullable Long daysLeft(LocalDate today) {
        Deadline next = next(today);
        return next == null ? null : ChronoUnit.DAYS.between(today, next.lastDay());
    }
}
