// SPDX-License-Identifier: Apache-2.0
package org.baobab.tendering;

import static org.baobab.tendering.StaffChecks.requireStaff;
import static org.baobab.tendering.StaffChecks.unknown;

import java.io.InputStream;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.baobab.identity.CurrentUser;
import org.baobab.planning.PlanLine;
import org.baobab.shared.BaobabException;
import org.baobab.shared.Role;
import org.baobab.tendering.internal.NoticeChecks;
import org.baobab.tendering.internal.ProcessStore;
import org.baobab.tendering.internal.ProcessStore.Row;
import org.baobab.tendering.internal.ProcessViews;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The commands and staff reads of a procurement process: the module's one entry point for the other modules and the
 * pages. Each command is one transaction of a use-case service, where it is written and documented:
 * {@link NoticeDrafting} (creating, editing, checking, documents), {@link NoticeReviews} (the control body's review),
 * {@link NoticePublication} (publication, addenda, cancellation, reminders, closing) and {@link Clarifications}
 * (questions, answers, following). Authorisation is checked there, not only in the pages.
 */
@Service
public class Tendering {

    /** Longest free texts accepted (question, answer, addendum, reason). */
    public static final int MAX_TEXT = 8000;

    /** How many processes a page of the staff's lists shows. */
    public static final int PAGE_SIZE = 20;

    /** The OCDS {@code documentType} codes a tender document may have. */
    public static final List<String> DOCUMENT_TYPES = List.of(
            "biddingDocuments",
            "tenderNotice",
            "technicalSpecifications",
            "evaluationCriteria",
            "eligibilityCriteria",
            "contractDraft",
            "billOfQuantity",
            "clarifications",
            "other");

    /** How long before its submission deadline a published notice's followers are reminded of it. */
    public static final Duration DEADLINE_REMINDER = Duration.ofDays(3);

    /** What an addendum changes: its text, optionally a later deadline and opening, optionally one new document. */
    public record AddendumRequest(
            String description,
            @Nullable Instant newDeadline,
            @Nullable Instant newOpeningAt,
            @Nullable InputStream document,
            @Nullable String fileName,
            @Nullable String contentType,
            @Nullable String documentTitle) {}

    private final ProcessStore store;
    private final ProcessViews views;
    private final NoticeDrafting drafting;
    private final NoticeReviews reviews;
    private final NoticePublication publication;
    private final Clarifications clarifications;
    private final ObjectProvider<ProcessStages> stageProviders;

    Tendering(
            ProcessStore store,
            ProcessViews views,
            NoticeDrafting drafting,
            NoticeReviews reviews,
            NoticePublication publication,
            Clarifications clarifications,
            ObjectProvider<ProcessStages> stageProviders) {
        this.store = store;
        this.views = views;
        this.drafting = drafting;
        this.reviews = reviews;
        this.publication = publication;
        this.clarifications = clarifications;
        this.stageProviders = stageProviders;
    }

    /** See {@link NoticeDrafting#createOutsidePlan}. */
    public UUID createOutsidePlan(CurrentUser actor, UUID authorityId, String reason, NoticeDraft notice) {
        return drafting.createOutsidePlan(actor, authorityId, reason, notice);
    }

    /** See {@link NoticeDrafting#createFromPlanLine}. */
    public UUID createFromPlanLine(CurrentUser actor, UUID authorityId, UUID lineId, NoticeDraft notice) {
        return drafting.createFromPlanLine(actor, authorityId, lineId, notice);
    }

    /** See {@link NoticeDrafting#launchableLine}. */
    public Optional<PlanLine> launchableLine(CurrentUser actor, UUID authorityId, UUID lineId) {
        return drafting.launchableLine(actor, authorityId, lineId);
    }

    /** See {@link NoticeDrafting#edit}. */
    public void edit(CurrentUser actor, UUID processId, int version, NoticeDraft notice) {
        drafting.edit(actor, processId, version, notice);
    }

    /** See {@link NoticeDrafting#checks}. */
    public NoticeChecks.Outcome checks(UUID processId) {
        return drafting.checks(processId);
    }

    /** See {@link NoticeDrafting#attachDocument}. */
    public ProcessView.TenderDocument attachDocument(
            CurrentUser actor,
            UUID processId,
            InputStream content,
            String fileName,
            @Nullable String contentType,
            String title,
            String documentType) {
        return drafting.attachDocument(actor, processId, content, fileName, contentType, title, documentType);
    }

    /** See {@link NoticeDrafting#removeDocument}. */
    public void removeDocument(CurrentUser actor, UUID processId, UUID documentId) {
        drafting.removeDocument(actor, processId, documentId);
    }

    /** See {@link NoticeReviews#submitForReview}. */
    public void submitForReview(CurrentUser actor, UUID processId) {
        reviews.submitForReview(actor, processId);
    }

    /** See {@link NoticeReviews#decideReview}. */
    public void decideReview(CurrentUser actor, UUID processId, boolean approve, String comments) {
        reviews.decideReview(actor, processId, approve, comments);
    }

    /** See {@link NoticeReviews#reviewQueue}. */
    public SearchResult<ProcessView> reviewQueue(CurrentUser actor, int page) {
        return reviews.reviewQueue(actor, page);
    }

    /** See {@link NoticePublication#publish}. */
    public void publish(CurrentUser actor, UUID processId) {
        publication.publish(actor, processId);
    }

    /** See {@link NoticePublication#publishAddendum}. */
    public int publishAddendum(CurrentUser actor, UUID processId, AddendumRequest request) {
        return publication.publishAddendum(actor, processId, request);
    }

    /** See {@link NoticePublication#cancel}. */
    public void cancel(CurrentUser actor, UUID processId, String reason) {
        publication.cancel(actor, processId, reason);
    }

    /** See {@link NoticePublication#remindDeadlines}. */
    public int remindDeadlines() {
        return publication.remindDeadlines();
    }

    /** See {@link NoticePublication#closeDue}. */
    public int closeDue() {
        return publication.closeDue();
    }

    /** See {@link Clarifications#ask}. */
    public UUID ask(CurrentUser actor, String ocid, String question) {
        return clarifications.ask(actor, ocid, question);
    }

    /** See {@link Clarifications#answer}. */
    public void answer(CurrentUser actor, UUID processId, UUID questionId, String answer) {
        clarifications.answer(actor, processId, questionId, answer);
    }

    /** See {@link Clarifications#follow}. */
    public void follow(CurrentUser actor, String ocid) {
        clarifications.follow(actor, ocid);
    }

    /** See {@link Clarifications#unfollow}. */
    public void unfollow(CurrentUser actor, String ocid) {
        clarifications.unfollow(actor, ocid);
    }

    /** A process as its authority's staff (or the reviewing control body) see it. */
    @Transactional(readOnly = true)
    public ProcessView forStaff(CurrentUser actor, UUID processId) {
        Row row = store.row(processId).orElseThrow(() -> unknown(processId));
        boolean staff =
                actor.memberships().stream().anyMatch(m -> m.organisationId().equals(row.authorityId()));
        boolean controller = actor.memberships().stream()
                .anyMatch(m -> m.role() == Role.CONTROLLER && m.country().equals(row.country()));
        if (!staff && !controller) {
            throw new BaobabException(TenderingErrorCode.NOT_AUTHORITY_STAFF);
        }
        return views.view(row);
    }

    /** One page of the processes of these authorities (the user must be a buyer or PRM of each), newest change first. */
    @Transactional(readOnly = true)
    public SearchResult<ProcessView> processesOf(CurrentUser actor, List<UUID> authorityIds, int page) {
        authorityIds.forEach(a -> requireStaff(actor, a, Role.BUYER, Role.PRM));
        return views.byAuthorities(authorityIds, Math.max(page, 0), PAGE_SIZE);
    }

    /**
     * The latest stage each published or closed process of the list has reached after its notice (opening,
     * evaluation, award, suspension), by ocid, as the modules after tendering tell it ({@link ProcessStages}); a
     * process none of them knows, a draft or a cancelled process is absent (its status says it all).
     */
    public Map<String, ProcessStage> stages(List<ProcessView> processes) {
        List<String> ocids = processes.stream()
                .filter(p -> p.status() == ProcessStatus.PUBLISHED || p.status() == ProcessStatus.CLOSED)
                .map(ProcessView::ocid)
                .toList();
        Map<String, ProcessStage> latest = new HashMap<>();
        if (ocids.isEmpty()) {
            return latest;
        }
        stageProviders
                .orderedStream()
                .forEach(provider -> provider.stages(ocids)
                        .forEach((ocid, stage) -> latest.merge(ocid, stage, (a, b) -> a.compareTo(b) >= 0 ? a : b)));
        return latest;
    }
}
