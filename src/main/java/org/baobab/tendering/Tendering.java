// SPDX-License-Identifier: Apache-2.0
package org.baobab.tendering;

import java.io.InputStream;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.baobab.documents.Documents;
import org.baobab.documents.StoredDocument;
import org.baobab.identity.Accounts;
import org.baobab.identity.CurrentUser;
import org.baobab.identity.Organisation;
import org.baobab.planning.PlanLine;
import org.baobab.planning.Plans;
import org.baobab.rules.BuyerCategory;
import org.baobab.rules.Procedure;
import org.baobab.rules.RulePack;
import org.baobab.rules.RulePacks;
import org.baobab.shared.BaobabException;
import org.baobab.shared.CountryCode;
import org.baobab.shared.OrganisationKind;
import org.baobab.shared.Role;
import org.baobab.tendering.TenderingEvents.AddendumPublished;
import org.baobab.tendering.TenderingEvents.DocumentAttached;
import org.baobab.tendering.TenderingEvents.DocumentRemoved;
import org.baobab.tendering.TenderingEvents.NoticeEdited;
import org.baobab.tendering.TenderingEvents.NoticePublished;
import org.baobab.tendering.TenderingEvents.ProcessCancelled;
import org.baobab.tendering.TenderingEvents.ProcessCreated;
import org.baobab.tendering.TenderingEvents.QuestionAnswered;
import org.baobab.tendering.TenderingEvents.QuestionAsked;
import org.baobab.tendering.TenderingEvents.ReviewDecided;
import org.baobab.tendering.TenderingEvents.SubmissionClosed;
import org.baobab.tendering.TenderingEvents.SubmittedForReview;
import org.baobab.tendering.internal.NoticeChecks;
import org.baobab.tendering.internal.OcdsPublication;
import org.baobab.tendering.internal.OcidMinter;
import org.baobab.tendering.internal.ProcessStore;
import org.baobab.tendering.internal.ProcessStore.Row;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The commands of a procurement process, each one transaction that either changes the process, journals the change
 * and publishes what becomes public (OCDS), or changes nothing and says why. Authorisation is checked here, not only in
 * the pages: an authority's staff act on their own processes only, the PRM alone publishes, amends and cancels, a
 * control body's controller reviews the processes of its country, and a supplier's staff ask questions.
 */
@Service
public class Tendering {

    /** Longest free texts accepted (question, answer, addendum, reason). */
    public static final int MAX_TEXT = 8000;

    private final ProcessStore store;
    private final RulePacks packs;
    private final Accounts accounts;
    private final Documents documents;
    private final OcidMinter ocids;
    private final Plans plans;
    private final OcdsPublication ocds;
    private final ApplicationEventPublisher events;
    private final ObjectProvider<PublicationGate> gates;
    private final Clock clock;

    Tendering(
            ProcessStore store,
            RulePacks packs,
            Accounts accounts,
            Documents documents,
            OcidMinter ocids,
            Plans plans,
            OcdsPublication ocds,
            ApplicationEventPublisher events,
            ObjectProvider<PublicationGate> gates,
            Clock clock) {
        this.store = store;
        this.packs = packs;
        this.accounts = accounts;
        this.documents = documents;
        this.ocids = ocids;
        this.plans = plans;
        this.ocds = ocds;
        this.events = events;
        this.gates = gates;
        this.clock = clock;
    }

    /**
     * Opens a process outside the procurement plan; the reason is kept and shown publicly with the notice. Returns
     * the new process's id.
     */
    @Transactional
    public UUID createOutsidePlan(CurrentUser actor, UUID authorityId, String reason, NoticeDraft notice) {
        if (reason.isBlank()) {
            throw new BaobabException(TenderingErrorCode.REQUIRED, "out-of-plan-reason");
        }
        requireStaff(actor, authorityId, Role.BUYER, Role.PRM);
        return create(actor, authorityId, null, limit(reason.strip()), null, notice);
    }

    /**
     * Opens the process of a published line of the authority's procurement plan: the process takes the line's ocid
     * (so its planning and tender releases form one OCDS record) and the line is marked launched, in one transaction,
     * so a line is launched once. Returns the new process's id.
     */
    @Transactional
    public UUID createFromPlanLine(CurrentUser actor, UUID authorityId, UUID lineId, NoticeDraft notice) {
        requireStaff(actor, authorityId, Role.BUYER, Role.PRM);
        PlanLine line = plans.recordLaunch(lineId, actor.email(), authorityId);
        return create(actor, authorityId, lineId, null, line.ocid(), notice);
    }

    /** A published, not yet launched line of the authority's plan, to prefill a notice from. */
    @Transactional(readOnly = true)
    public Optional<PlanLine> launchableLine(CurrentUser actor, UUID authorityId, UUID lineId) {
        requireStaff(actor, authorityId, Role.BUYER, Role.PRM);
        return plans.publishedLine(lineId).filter(l -> l.authorityId().equals(authorityId) && !l.launched());
    }

    private UUID create(
            CurrentUser actor,
            UUID authorityId,
            @Nullable UUID planLineId,
            @Nullable String reason,
            @Nullable String planOcid,
            NoticeDraft notice) {
        Organisation authority = accounts.organisation(authorityId)
                .filter(o -> o.kind() == OrganisationKind.CONTRACTING_AUTHORITY)
                .orElseThrow(() -> new BaobabException(TenderingErrorCode.NOT_AUTHORITY_STAFF));
        RulePack pack = packs.pack(new CountryCode(authority.country()));
        NoticeDraft clean = validate(pack, notice);
        Procedure procedure = pack.requireProcedure(clean.procedure().code());
        Instant now = clock.instant();
        LocalDate today = packs.today(pack.country());
        UUID id = UUID.randomUUID();
        String ocid = planOcid != null ? planOcid : ocids.mint(authority.country(), today.getYear());
        boolean reviewRequired = NoticeChecks.check(pack, clean, today, now).reviewRequired();
        store.insert(new Row(
                id,
                ocid,
                authorityId,
                authority.name(),
                authority.country(),
                planLineId,
                reason,
                clean,
                procedure.method().ocdsCode(),
                ProcessStatus.DRAFT,
                reviewRequired,
                null,
                null,
                null,
                null,
                actor.email(),
                now,
                now,
                0));
        events.publishEvent(new ProcessCreated(
                actor.email(),
                authorityId.toString(),
                ocid,
                clean.title(),
                clean.procedure().code(),
                planLineId == null ? null : planLineId.toString(),
                reason));
        return id;
    }

    /** Saves the notice of a draft; {@code version} is the one the editor started from. */
    @Transactional
    public void edit(CurrentUser actor, UUID processId, int version, NoticeDraft notice) {
        Row row = lockForStaff(actor, processId, Role.BUYER, Role.PRM);
        requireStatus(row, "edit", ProcessStatus.DRAFT);
        RulePack pack = packs.pack(new CountryCode(row.country()));
        NoticeDraft clean = validate(pack, notice);
        Procedure procedure = pack.requireProcedure(clean.procedure().code());
        boolean reviewRequired = NoticeChecks.check(pack, clean, packs.today(pack.country()), clock.instant())
                .reviewRequired();
        if (!store.updateNotice(
                processId, version, clean, procedure.method().ocdsCode(), reviewRequired, clock.instant())) {
            throw new BaobabException(TenderingErrorCode.STALE);
        }
        events.publishEvent(new NoticeEdited(actor.email(), row.authorityId().toString(), row.ocid(), version + 1));
    }

    /** The findings of the checks on the process as it stands, as if published today. */
    @Transactional(readOnly = true)
    public NoticeChecks.Outcome checks(UUID processId) {
        Row row = store.row(processId).orElseThrow(() -> unknown(processId));
        ProcessView view = store.view(row);
        RulePack pack = packs.pack(new CountryCode(row.country()));
        LocalDate day = row.publishedAt() == null
                ? packs.today(pack.country())
                : row.publishedAt().atZone(pack.timeZone()).toLocalDate();
        NoticeChecks.Outcome outcome = NoticeChecks.check(pack, view.notice(), day, clock.instant());
        List<Finding> gated = gateFindings(view);
        if (gated.isEmpty()) {
            return outcome;
        }
        List<Finding> all = new java.util.ArrayList<>(outcome.findings());
        all.addAll(gated);
        return new NoticeChecks.Outcome(all, outcome.reviewRequired());
    }

    /** The findings of the other modules' {@link PublicationGate}s on the process. */
    private List<Finding> gateFindings(ProcessView view) {
        return gates.orderedStream().flatMap(g -> g.check(view).stream()).toList();
    }

    /** Stores a tender document (DAO, terms of reference, forms) and attaches it to a draft. */
    @Transactional
    public ProcessView.TenderDocument attachDocument(
            CurrentUser actor,
            UUID processId,
            InputStream content,
            String fileName,
            @Nullable String contentType,
            String title,
            String documentType) {
        Row row = lockForStaff(actor, processId, Role.BUYER, Role.PRM);
        requireStatus(row, "attach", ProcessStatus.DRAFT);
        return attach(actor, row, content, fileName, contentType, title, documentType, null);
    }

    private ProcessView.TenderDocument attach(
            CurrentUser actor,
            Row row,
            InputStream content,
            String fileName,
            @Nullable String contentType,
            String title,
            String documentType,
            @Nullable Integer addendum) {
        if (!DOCUMENT_TYPES.contains(documentType)) {
            throw new BaobabException(TenderingErrorCode.INVALID_VALUE, documentType);
        }
        StoredDocument stored = documents.store(
                content, fileName, contentType, actor.email(), row.authorityId().toString());
        String cleanTitle = title.isBlank() ? stored.fileName() : limit(title.strip(), 300);
        ProcessView.TenderDocument document = new ProcessView.TenderDocument(
                UUID.randomUUID(),
                stored.sha256(),
                cleanTitle,
                documentType,
                stored.fileName(),
                stored.contentType(),
                stored.size(),
                addendum,
                clock.instant());
        store.insertDocument(document, row.id(), actor.email());
        store.touch(row.id(), clock.instant());
        events.publishEvent(new DocumentAttached(
                actor.email(), row.authorityId().toString(), row.ocid(), stored.sha256(), cleanTitle, addendum));
        return document;
    }

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

    /** Removes a document from a draft (the stored file itself is immutable and stays in the store). */
    @Transactional
    public void removeDocument(CurrentUser actor, UUID processId, UUID documentId) {
        Row row = lockForStaff(actor, processId, Role.BUYER, Role.PRM);
        requireStatus(row, "remove-document", ProcessStatus.DRAFT);
        ProcessView view = store.view(row);
        ProcessView.TenderDocument document = view.documents().stream()
                .filter(d -> d.id().equals(documentId))
                .findFirst()
                .orElseThrow(() -> new BaobabException(TenderingErrorCode.UNKNOWN_DOCUMENT, documentId));
        store.deleteDocument(processId, documentId);
        store.touch(processId, clock.instant());
        events.publishEvent(
                new DocumentRemoved(actor.email(), row.authorityId().toString(), row.ocid(), document.sha256()));
    }

    /** Sends a draft to the control body for prior review (required above the pack's threshold, else voluntary). */
    @Transactional
    public void submitForReview(CurrentUser actor, UUID processId) {
        Row row = lockForStaff(actor, processId, Role.BUYER, Role.PRM);
        requireStatus(row, "submit", ProcessStatus.DRAFT);
        NoticeChecks.Outcome outcome = requireNoBlockingFinding(row);
        store.transition(processId, ProcessStatus.DRAFT, ProcessStatus.IN_REVIEW, clock.instant());
        store.insertReview(UUID.randomUUID(), processId, actor.email(), clock.instant());
        events.publishEvent(new SubmittedForReview(
                actor.email(), row.authorityId().toString(), row.ocid(), outcome.reviewRequired()));
    }

    /**
     * The control body's decision: approve (the PRM may then publish) or return with comments (back to draft).
     * Comments are mandatory when returning.
     */
    @Transactional
    public void decideReview(CurrentUser actor, UUID processId, boolean approve, String comments) {
        Row row = store.lock(processId).orElseThrow(() -> unknown(processId));
        UUID controlBody = requireController(actor, row.country());
        requireStatus(row, "review", ProcessStatus.IN_REVIEW);
        if (!approve && comments.isBlank()) {
            throw new BaobabException(TenderingErrorCode.REQUIRED, "comments");
        }
        String clean = limit(comments.strip());
        store.decideReview(processId, approve ? "APPROVED" : "RETURNED", clean, actor.email(), clock.instant());
        store.transition(
                processId,
                ProcessStatus.IN_REVIEW,
                approve ? ProcessStatus.APPROVED : ProcessStatus.DRAFT,
                clock.instant());
        events.publishEvent(new ReviewDecided(actor.email(), controlBody.toString(), row.ocid(), approve, clean));
    }

    /**
     * Publishes the notice (PRM only): it becomes public, searchable and open for bids, and its OCDS tender release is
     * published in the same transaction.
     */
    @Transactional
    public void publish(CurrentUser actor, UUID processId) {
        Row row = lockForStaff(actor, processId, Role.PRM);
        requireStatus(row, "publish", ProcessStatus.DRAFT, ProcessStatus.APPROVED);
        NoticeChecks.Outcome outcome = requireNoBlockingFinding(row);
        if ((row.reviewRequired() || outcome.reviewRequired()) && row.status() != ProcessStatus.APPROVED) {
            throw new BaobabException(TenderingErrorCode.REVIEW_REQUIRED);
        }
        long gated =
                gateFindings(store.view(row)).stream().filter(Finding::blocking).count();
        if (gated > 0) {
            throw new BaobabException(TenderingErrorCode.CHECKS_FAILED, gated);
        }
        Instant now = clock.instant();
        store.transition(processId, row.status(), ProcessStatus.PUBLISHED, now);
        store.markPublished(processId, now);
        ProcessView published = store.view(processId).orElseThrow();
        ocds.published(published, packs.pack(new CountryCode(row.country())));
        events.publishEvent(new NoticePublished(
                actor.email(),
                row.authorityId().toString(),
                row.ocid(),
                published.notice().title(),
                published.notice().dates().submissionDeadline(),
                packs.pack(new CountryCode(row.country())).mainText().name().fr()));
    }

    /** What an addendum changes: its text, optionally a later deadline and opening, optionally one new document. */
    public record AddendumRequest(
            String description,
            @Nullable Instant newDeadline,
            @Nullable Instant newOpeningAt,
            @Nullable InputStream document,
            @Nullable String fileName,
            @Nullable String contentType,
            @Nullable String documentTitle) {}

    /**
     * Publishes an addendum to a published notice before its deadline (PRM only). A new deadline must be later than
     * the current one, and the opening follows it when it would otherwise precede it. Returns the addendum number.
     */
    @Transactional
    public int publishAddendum(CurrentUser actor, UUID processId, AddendumRequest request) {
        Row row = lockForStaff(actor, processId, Role.PRM);
        requireStatus(row, "addendum", ProcessStatus.PUBLISHED);
        Instant now = clock.instant();
        Instant deadline = Objects.requireNonNull(row.notice().dates().submissionDeadline());
        if (!deadline.isAfter(now)) {
            throw new BaobabException(TenderingErrorCode.DEADLINE_PASSED);
        }
        if (request.description().isBlank()) {
            throw new BaobabException(TenderingErrorCode.REQUIRED, "description");
        }
        Instant newDeadline = request.newDeadline();
        if (newDeadline != null && !newDeadline.isAfter(deadline)) {
            throw new BaobabException(TenderingErrorCode.DEADLINE_NOT_LATER, deadline);
        }
        Instant newOpening = request.newOpeningAt();
        Instant effectiveDeadline = newDeadline == null ? deadline : newDeadline;
        Instant opening = newOpening != null ? newOpening : row.notice().dates().openingAt();
        if (opening != null && opening.isBefore(effectiveDeadline)) {
            if (newOpening != null) {
                throw new BaobabException(TenderingErrorCode.INVALID_VALUE, newOpening);
            }
            newOpening = effectiveDeadline;
        }
        int number = store.nextAddendumNumber(processId);
        ProcessView.Addendum addendum = new ProcessView.Addendum(
                number, limit(request.description().strip()), deadline, newDeadline, newOpening, now);
        store.insertAddendum(processId, addendum, actor.email());
        store.moveDeadlines(processId, newDeadline, newOpening, now);
        if (request.document() != null) {
            attach(
                    actor,
                    row,
                    request.document(),
                    request.fileName() == null ? "addendum" : request.fileName(),
                    request.contentType(),
                    request.documentTitle() == null ? "" : request.documentTitle(),
                    "clarifications",
                    number);
        }
        ProcessView view = store.view(processId).orElseThrow();
        ocds.amended(view, number, packs.pack(new CountryCode(row.country())));
        events.publishEvent(new AddendumPublished(
                actor.email(), row.authorityId().toString(), row.ocid(), number, addendum.description(), newDeadline));
        return number;
    }

    /** Cancels a process with a reason (PRM only); a published one stays public, marked cancelled. */
    @Transactional
    public void cancel(CurrentUser actor, UUID processId, String reason) {
        Row row = lockForStaff(actor, processId, Role.PRM);
        requireStatus(
                row,
                "cancel",
                ProcessStatus.DRAFT,
                ProcessStatus.IN_REVIEW,
                ProcessStatus.APPROVED,
                ProcessStatus.PUBLISHED,
                ProcessStatus.CLOSED);
        if (reason.isBlank()) {
            throw new BaobabException(TenderingErrorCode.REQUIRED, "reason");
        }
        String clean = limit(reason.strip());
        Instant now = clock.instant();
        store.transition(processId, row.status(), ProcessStatus.CANCELLED, now);
        store.markCancelled(processId, clean, now);
        boolean wasPublic = row.publishedAt() != null;
        if (wasPublic) {
            ocds.cancelled(store.view(processId).orElseThrow(), packs.pack(new CountryCode(row.country())));
        }
        events.publishEvent(
                new ProcessCancelled(actor.email(), row.authorityId().toString(), row.ocid(), clean, wasPublic));
    }

    /** How long before its submission deadline a published notice's followers are reminded of it. */
    public static final Duration DEADLINE_REMINDER = Duration.ofDays(3);

    /**
     * Announces the published notices whose deadline is {@link #DEADLINE_REMINDER} away or less, once per deadline
     * (run every hour by a job). Returns how many.
     */
    @Transactional
    public int remindDeadlines() {
        Instant now = clock.instant();
        var due = store.dueForReminder(now, now.plus(DEADLINE_REMINDER));
        for (var d : due) {
            store.markReminded(d.id(), d.deadline());
            events.publishEvent(new TenderingEvents.DeadlineApproaching(d.ocid(), d.country(), d.deadline()));
        }
        return due.size();
    }

    /**
     * Closes the published processes whose submission deadline has passed (run every minute by a job; the deadline
     * itself is enforced on the server clock whether or not the job has run). Returns how many were closed.
     */
    @Transactional
    public int closeDue() {
        Instant now = clock.instant();
        int closed = 0;
        for (UUID id : store.dueForClosing(now)) {
            Row row = store.lock(id).orElseThrow();
            if (row.status() != ProcessStatus.PUBLISHED
                    || row.notice().dates().submissionDeadline() == null
                    || row.notice().dates().submissionDeadline().isAfter(now)) {
                continue;
            }
            store.transition(id, ProcessStatus.PUBLISHED, ProcessStatus.CLOSED, now);
            store.markClosed(id, now);
            events.publishEvent(
                    new SubmissionClosed(row.ocid(), row.notice().dates().submissionDeadline()));
            closed++;
        }
        return closed;
    }

    /**
     * A supplier's question on a published notice, before the clarification deadline. The asker's identity is kept
     * for the authority and the journal, never published. Returns the question's id.
     */
    @Transactional
    public UUID ask(CurrentUser actor, String ocid, String question) {
        CurrentUser.Membership supplier = actor.memberships().stream()
                .filter(m -> m.kind() == OrganisationKind.SUPPLIER)
                .findFirst()
                .orElseThrow(() -> new BaobabException(TenderingErrorCode.NOT_SUPPLIER));
        Row found = store.rowByOcid(ocid).orElseThrow(() -> unknown(ocid));
        Row row = store.lock(found.id()).orElseThrow();
        if (row.status() != ProcessStatus.PUBLISHED) {
            throw new BaobabException(TenderingErrorCode.QUESTIONS_CLOSED, "—");
        }
        Instant now = clock.instant();
        Instant limit = row.notice().dates().clarificationDeadline();
        if (limit != null && !now.isBefore(limit)) {
            throw new BaobabException(TenderingErrorCode.QUESTIONS_CLOSED, limit);
        }
        if (question.isBlank()) {
            throw new BaobabException(TenderingErrorCode.REQUIRED, "question");
        }
        UUID id = UUID.randomUUID();
        store.insertQuestion(id, row.id(), supplier.organisationId(), actor.email(), limit(question.strip()), now);
        store.follow(row.id(), actor.id(), now);
        events.publishEvent(
                new QuestionAsked(actor.email(), supplier.organisationId().toString(), row.ocid(), id.toString()));
        return id;
    }

    /**
     * The user follows a published notice: they will be told by mail of its addenda, answers and cancellation. Asking a
     * question follows the notice too.
     */
    @Transactional
    public void follow(CurrentUser actor, String ocid) {
        Row row = store.rowByOcid(ocid).filter(r -> r.publishedAt() != null).orElseThrow(() -> unknown(ocid));
        if (row.status() == ProcessStatus.CANCELLED) {
            throw new BaobabException(TenderingErrorCode.WRONG_STATUS, row.status(), "follow");
        }
        store.follow(row.id(), actor.id(), clock.instant());
    }

    @Transactional
    public void unfollow(CurrentUser actor, String ocid) {
        Row row = store.rowByOcid(ocid).orElseThrow(() -> unknown(ocid));
        store.unfollow(row.id(), actor.id());
    }

    /** The authority answers a question; question and answer are then public, without the asker's identity. */
    @Transactional
    public void answer(CurrentUser actor, UUID processId, UUID questionId, String answer) {
        Row row = lockForStaff(actor, processId, Role.BUYER, Role.PRM);
        requireStatus(row, "answer", ProcessStatus.PUBLISHED, ProcessStatus.CLOSED);
        if (answer.isBlank()) {
            throw new BaobabException(TenderingErrorCode.REQUIRED, "answer");
        }
        if (!store.answer(processId, questionId, limit(answer.strip()), actor.email(), clock.instant())) {
            throw new BaobabException(TenderingErrorCode.UNKNOWN_QUESTION, questionId);
        }
        store.touch(processId, clock.instant());
        ocds.clarified(store.view(processId).orElseThrow(), packs.pack(new CountryCode(row.country())));
        events.publishEvent(
                new QuestionAnswered(actor.email(), row.authorityId().toString(), row.ocid(), questionId.toString()));
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
        return store.view(row);
    }

    /** The processes of the authorities the user works for, newest change first. */
    @Transactional(readOnly = true)
    public List<ProcessView> processesOf(CurrentUser actor, UUID authorityId) {
        requireStaff(actor, authorityId, Role.BUYER, Role.PRM);
        return store.byAuthority(authorityId).stream().map(store::view).toList();
    }

    /** The processes waiting for the controller's review, in the countries of the controller's control bodies. */
    @Transactional(readOnly = true)
    public List<ProcessView> reviewQueue(CurrentUser actor) {
        List<String> countries = actor.memberships().stream()
                .filter(m -> m.role() == Role.CONTROLLER && m.kind() == OrganisationKind.CONTROL_BODY)
                .map(CurrentUser.Membership::country)
                .distinct()
                .toList();
        return store.inReview(countries).stream().map(store::view).toList();
    }

    private NoticeDraft validate(RulePack pack, NoticeDraft n) {
        NoticeDraft.Classification c = n.classification();
        NoticeDraft.Procedure p = n.procedure();
        NoticeDraft.Value v = n.value();
        NoticeDraft.Dates d = n.dates();
        NoticeDraft.Contact who = n.contact();
        if (n.title().isBlank()) {
            throw new BaobabException(TenderingErrorCode.REQUIRED, "title");
        }
        if (n.reference().isBlank()) {
            throw new BaobabException(TenderingErrorCode.REQUIRED, "reference");
        }
        if (pack.procedure(p.code()).isEmpty()) {
            throw new BaobabException(TenderingErrorCode.UNKNOWN_PROCEDURE, p.code());
        }
        if (!c.buyerCategory().equals(BuyerCategory.ALL)
                && pack.buyerCategory(c.buyerCategory()).isEmpty()) {
            throw new BaobabException(TenderingErrorCode.UNKNOWN_BUYER_CATEGORY, c.buyerCategory());
        }
        for (String code : p.requiredDocuments()) {
            if (pack.requiredDocuments().stream().noneMatch(r -> r.code().equals(code))) {
                throw new BaobabException(TenderingErrorCode.UNKNOWN_REQUIRED_DOCUMENT, code);
            }
        }
        if (!NoticeDraft.AWARD_CRITERIA.contains(p.awardCriteria())) {
            throw new BaobabException(TenderingErrorCode.INVALID_VALUE, p.awardCriteria());
        }
        if (!NoticeDraft.LANGUAGES.contains(n.language())) {
            throw new BaobabException(TenderingErrorCode.INVALID_VALUE, n.language());
        }
        String currency = v.currency().strip().toUpperCase(Locale.ROOT);
        if (!currency.matches("[A-Z]{3}")) {
            throw new BaobabException(TenderingErrorCode.INVALID_VALUE, v.currency());
        }
        if (v.estimated() != null && v.estimated().signum() <= 0) {
            throw new BaobabException(TenderingErrorCode.INVALID_VALUE, v.estimated());
        }
        if (!who.email().isBlank() && !who.email().strip().matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+")) {
            throw new BaobabException(TenderingErrorCode.INVALID_VALUE, who.email());
        }
        List<NoticeDraft.Lot> lots = new java.util.ArrayList<>();
        for (NoticeDraft.Lot lot : n.lots()) {
            if (lot.title().isBlank()) {
                continue;
            }
            if (lot.estimatedValue() != null && lot.estimatedValue().signum() <= 0) {
                throw new BaobabException(TenderingErrorCode.INVALID_VALUE, lot.estimatedValue());
            }
            lots.add(new NoticeDraft.Lot(
                    lots.size() + 1,
                    limit(lot.title().strip(), 500),
                    limit(lot.description().strip()),
                    lot.estimatedValue(),
                    limit(lot.bidSecurity().strip(), 1000)));
        }
        return new NoticeDraft(
                limit(n.reference().strip(), 100),
                limit(n.title().strip(), 500),
                limit(n.description().strip()),
                n.language(),
                new NoticeDraft.Classification(
                        c.buyerCategory(),
                        c.nature(),
                        c.scope() == null || c.scope().isBlank()
                                ? null
                                : c.scope().strip(),
                        // order kept (the main code first); a malformed entry is kept, shortened, for the checks
                        c.cpv().stream()
                                .map(code -> limit(code.strip(), 20))
                                .filter(code -> !code.isEmpty())
                                .distinct()
                                .limit(NoticeDraft.MAX_CPV_CODES + 1L)
                                .toList()),
                new NoticeDraft.Procedure(
                        p.code(),
                        p.international(),
                        limit(p.eligibility().strip()),
                        limit(p.evaluationCriteria().strip()),
                        p.awardCriteria(),
                        p.requiredDocuments().stream().distinct().sorted().toList()),
                new NoticeDraft.Value(
                        currency,
                        v.estimated(),
                        v.published(),
                        limit(v.bidSecurity().strip(), 1000)),
                new NoticeDraft.Dates(
                        d.clarificationDeadline(),
                        d.submissionDeadline(),
                        d.openingAt(),
                        limit(d.openingPlace().strip(), 500)),
                new NoticeDraft.Contact(
                        limit(who.name().strip(), 200),
                        limit(who.email().strip(), 320),
                        limit(who.phone().strip(), 50)),
                lots);
    }

    private NoticeChecks.Outcome requireNoBlockingFinding(Row row) {
        ProcessView view = store.view(row);
        RulePack pack = packs.pack(new CountryCode(row.country()));
        NoticeChecks.Outcome outcome =
                NoticeChecks.check(pack, view.notice(), packs.today(pack.country()), clock.instant());
        if (outcome.errors() > 0) {
            throw new BaobabException(TenderingErrorCode.CHECKS_FAILED, outcome.errors());
        }
        return outcome;
    }

    private Row lockForStaff(CurrentUser actor, UUID processId, Role... roles) {
        Row row = store.lock(processId).orElseThrow(() -> unknown(processId));
        requireStaff(actor, row.authorityId(), roles);
        return row;
    }

    private static void requireStaff(CurrentUser actor, UUID authorityId, Role... roles) {
        for (Role role : roles) {
            if (actor.hasRoleIn(authorityId, role)) {
                return;
            }
        }
        throw new BaobabException(TenderingErrorCode.NOT_AUTHORITY_STAFF);
    }

    private static UUID requireController(CurrentUser actor, String country) {
        return actor.memberships().stream()
                .filter(m -> m.role() == Role.CONTROLLER
                        && m.kind() == OrganisationKind.CONTROL_BODY
                        && m.country().equals(country))
                .map(CurrentUser.Membership::organisationId)
                .findFirst()
                .orElseThrow(() -> new BaobabException(TenderingErrorCode.NOT_CONTROLLER));
    }

    private static void requireStatus(Row row, String action, ProcessStatus... allowed) {
        for (ProcessStatus status : allowed) {
            if (row.status() == status) {
                return;
            }
        }
        throw new BaobabException(TenderingErrorCode.WRONG_STATUS, row.status(), action);
    }

    private static BaobabException unknown(Object id) {
        return new BaobabException(TenderingErrorCode.UNKNOWN_PROCESS, id);
    }

    private static String limit(String text) {
        return limit(text, MAX_TEXT);
    }

    private static String limit(String text, int max) {
        if (text.length() > max) {
            throw new BaobabException(TenderingErrorCode.TOO_LONG, max);
        }
        return text;
    }
}
