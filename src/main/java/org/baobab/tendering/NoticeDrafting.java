// SPDX-License-Identifier: Apache-2.0
package org.baobab.tendering;

import static org.baobab.tendering.StaffChecks.limit;
import static org.baobab.tendering.StaffChecks.lockForStaff;
import static org.baobab.tendering.StaffChecks.requireStaff;
import static org.baobab.tendering.StaffChecks.requireStatus;
import static org.baobab.tendering.StaffChecks.unknown;

import java.io.InputStream;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
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
import org.baobab.tendering.TenderingEvents.DocumentAttached;
import org.baobab.tendering.TenderingEvents.DocumentRemoved;
import org.baobab.tendering.TenderingEvents.NoticeEdited;
import org.baobab.tendering.TenderingEvents.ProcessCreated;
import org.baobab.tendering.internal.NoticeChecks;
import org.baobab.tendering.internal.OcidMinter;
import org.baobab.tendering.internal.ProcessStore;
import org.baobab.tendering.internal.ProcessStore.Row;
import org.baobab.tendering.internal.ProcessViews;
import org.baobab.tendering.internal.TenderDocumentStore;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Drafting a notice: creating a process (from a plan line or outside the plan), editing its notice, checking it
 * against the country's rule pack and the other modules' {@link PublicationGate}s, and attaching its documents.
 */
@Service
public class NoticeDrafting {

    private final ProcessStore store;
    private final ProcessViews views;
    private final TenderDocumentStore tenderDocuments;
    private final RulePacks packs;
    private final Accounts accounts;
    private final Documents documents;
    private final OcidMinter ocids;
    private final Plans plans;
    private final ApplicationEventPublisher events;
    private final ObjectProvider<PublicationGate> gates;
    private final Clock clock;

    NoticeDrafting(
            ProcessStore store,
            ProcessViews views,
            TenderDocumentStore tenderDocuments,
            RulePacks packs,
            Accounts accounts,
            Documents documents,
            OcidMinter ocids,
            Plans plans,
            ApplicationEventPublisher events,
            ObjectProvider<PublicationGate> gates,
            Clock clock) {
        this.store = store;
        this.views = views;
        this.tenderDocuments = tenderDocuments;
        this.packs = packs;
        this.accounts = accounts;
        this.documents = documents;
        this.ocids = ocids;
        this.plans = plans;
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
        Row row = lockForStaff(store, actor, processId, Role.BUYER, Role.PRM);
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
        ProcessView view = views.view(row);
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
    List<Finding> gateFindings(ProcessView view) {
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
        Row row = lockForStaff(store, actor, processId, Role.BUYER, Role.PRM);
        requireStatus(row, "attach", ProcessStatus.DRAFT);
        return attach(actor, row, content, fileName, contentType, title, documentType, null);
    }

    /** Stores a document and attaches it to the process (a draft's, or an addendum's when numbered). */
    ProcessView.TenderDocument attach(
            CurrentUser actor,
            Row row,
            InputStream content,
            String fileName,
            @Nullable String contentType,
            String title,
            String documentType,
            @Nullable Integer addendum) {
        if (!Tendering.DOCUMENT_TYPES.contains(documentType)) {
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
        tenderDocuments.insert(document, row.id(), actor.email());
        store.touch(row.id(), clock.instant());
        events.publishEvent(new DocumentAttached(
                actor.email(), row.authorityId().toString(), row.ocid(), stored.sha256(), cleanTitle, addendum));
        return document;
    }

    /** Removes a document from a draft (the stored file itself is immutable and stays in the store). */
    @Transactional
    public void removeDocument(CurrentUser actor, UUID processId, UUID documentId) {
        Row row = lockForStaff(store, actor, processId, Role.BUYER, Role.PRM);
        requireStatus(row, "remove-document", ProcessStatus.DRAFT);
        ProcessView view = views.view(row);
        ProcessView.TenderDocument document = view.documents().stream()
                .filter(d -> d.id().equals(documentId))
                .findFirst()
                .orElseThrow(() -> new BaobabException(TenderingErrorCode.UNKNOWN_DOCUMENT, documentId));
        tenderDocuments.delete(processId, documentId);
        store.touch(processId, clock.instant());
        events.publishEvent(
                new DocumentRemoved(actor.email(), row.authorityId().toString(), row.ocid(), document.sha256()));
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
}
