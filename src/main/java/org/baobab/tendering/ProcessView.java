// SPDX-License-Identifier: Apache-2.0
package org.baobab.tendering;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A procurement process as its pages and the API show it. The public only ever receives a published one, and then
 * without its confidential estimate, its unanswered questions or who asked them (see {@link #forPublic()}).
 */
public record ProcessView(
        UUID id,
        String ocid,
        UUID authorityId,
        String authorityName,
        String country,
        @Nullable UUID planLineId,
        @Nullable String outOfPlanReason,
        NoticeDraft notice,
        String procurementMethod,
        ProcessStatus status,
        boolean reviewRequired,
        @Nullable Instant publishedAt,
        @Nullable Instant closedAt,
        @Nullable Instant cancelledAt,
        @Nullable String cancelReason,
        String createdBy,
        Instant createdAt,
        Instant updatedAt,
        int version,
        List<TenderDocument> documents,
        List<Review> reviews,
        List<Addendum> addenda,
        List<Question> questions) {

    public ProcessView {
        documents = List.copyOf(documents);
        reviews = List.copyOf(reviews);
        addenda = List.copyOf(addenda);
        questions = List.copyOf(questions);
    }

    /** Whether the notice takes bids at that instant: published, and the instant before its submission deadline. */
    public boolean openForBids(Instant at) {
        return status == ProcessStatus.PUBLISHED
                && notice.dates().submissionDeadline() != null
                && at.isBefore(notice.dates().submissionDeadline());
    }

    /** A tender document (DAO, terms of reference, forms), stored in the documents module under its SHA-256. */
    public record TenderDocument(
            UUID id,
            String sha256,
            String title,
            String documentType,
            String fileName,
            String contentType,
            long size,
            @Nullable Integer addendum,
            Instant addedAt) {}

    /** One round of prior review by the control body. */
    public record Review(
            UUID id,
            String submittedBy,
            Instant submittedAt,
            @Nullable String decision,
            @Nullable String comments,
            @Nullable String decidedBy,
            @Nullable Instant decidedAt) {}

    /** A published change to the notice, numbered from 1, with the deadline it moved, if any. */
    public record Addendum(
            int number,
            String description,
            Instant previousDeadline,
            @Nullable Instant newDeadline,
            @Nullable Instant newOpeningAt,
            Instant publishedAt) {}

    /**
     * A supplier's question and the authority's answer. {@code askerOrganisation} and {@code askedBy} never leave the
     * authority's pages: the public sees questions and answers without the asker's identity.
     */
    public record Question(
            UUID id,
            @Nullable UUID askerOrganisation,
            @Nullable String askedBy,
            String question,
            Instant askedAt,
            @Nullable String answer,
            @Nullable Instant answeredAt) {

        public boolean answered() {
            return answer != null;
        }
    }

    public boolean published() {
        return publishedAt != null;
    }

    /** The estimated value the public may see: none when the authority keeps it confidential. */
    public @Nullable BigDecimal publicValue() {
        return notice.value().published() ? notice.value().estimated() : null;
    }

    /** The view given to anyone: answered questions only, without who asked; no confidential estimates; no reviews. */
    public ProcessView forPublic() {
        NoticeDraft n = notice;
        NoticeDraft publicNotice = n.withEstimate(
                        n.value().published() ? n.value().estimated() : null,
                        n.value().published())
                .withDocumentsAndLots(
                        n.procedure().requiredDocuments(),
                        n.lots().stream()
                                .map(l -> new NoticeDraft.Lot(
                                        l.number(),
                                        l.title(),
                                        l.description(),
                                        n.value().published() ? l.estimatedValue() : null,
                                        l.bidSecurity()))
                                .toList());
        List<Question> answered = questions.stream()
                .filter(Question::answered)
                .map(q -> new Question(q.id(), null, null, q.question(), q.askedAt(), q.answer(), q.answeredAt()))
                .toList();
        return new ProcessView(
                id,
                ocid,
                authorityId,
                authorityName,
                country,
                planLineId,
                outOfPlanReason,
                publicNotice,
                procurementMethod,
                status,
                reviewRequired,
                publishedAt,
                closedAt,
                cancelledAt,
                cancelReason,
                "",
                createdAt,
                updatedAt,
                version,
                documents,
                List.of(),
                addenda,
                answered);
    }
}
