// SPDX-License-Identifier: Apache-2.0
package org.baobab.planning;

import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.baobab.identity.Accounts;
import org.baobab.identity.CurrentUser;
import org.baobab.identity.Organisation;
import org.baobab.planning.PlanningEvents.PlanChanged;
import org.baobab.planning.internal.LineImport;
import org.baobab.planning.internal.OcdsPlanning;
import org.baobab.planning.internal.PlanStore;
import org.baobab.planning.internal.PlanStore.Head;
import org.baobab.rules.RulePack;
import org.baobab.rules.RulePacks;
import org.baobab.shared.BaobabException;
import org.baobab.shared.CountryCode;
import org.baobab.shared.InvalidInput;
import org.baobab.shared.OrganisationKind;
import org.baobab.shared.Role;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Procurement plans: the authority's buyers and PRM draw up a revision line by line or by importing a spreadsheet; the
 * PRM validates and publishes it; a published revision is frozen and public, and a change is a new revision with a
 * reason, the older ones staying public as history. Every command is one transaction, checked for who may do it, and
 * journalled.
 */
@Service
public class Plans {

    private final PlanStore store;
    private final OcdsPlanning ocds;
    private final RulePacks packs;
    private final Accounts accounts;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    Plans(
            PlanStore store,
            OcdsPlanning ocds,
            RulePacks packs,
            Accounts accounts,
            ApplicationEventPublisher events,
            Clock clock) {
        this.store = store;
        this.ocds = ocds;
        this.packs = packs;
        this.accounts = accounts;
        this.events = events;
        this.clock = clock;
    }

    /** Opens the authority's plan for a fiscal year, as a first draft revision. */
    @Transactional
    public UUID create(CurrentUser actor, UUID authorityId, int fiscalYear) {
        requireStaff(actor, authorityId, Role.BUYER, Role.PRM);
        Organisation authority = accounts.organisation(authorityId)
                .filter(o -> o.kind() == OrganisationKind.CONTRACTING_AUTHORITY)
                .orElseThrow(() -> new BaobabException(PlanningErrorCode.NOT_STAFF));
        if (fiscalYear < 2000 || fiscalYear > 2100) {
            throw new BaobabException(PlanningErrorCode.INVALID_VALUE, fiscalYear);
        }
        if (store.exists(authorityId, fiscalYear)) {
            throw new BaobabException(PlanningErrorCode.PLAN_EXISTS, authority.name(), fiscalYear);
        }
        UUID id = UUID.randomUUID();
        store.insertPlan(new Head(
                id,
                authorityId,
                authority.name(),
                authority.country(),
                fiscalYear,
                1,
                PlanStatus.DRAFT,
                null,
                actor.email(),
                clock.instant(),
                null,
                null));
        journal(actor, authorityId, "planning.plan-created", id, Map.of("fiscalYear", fiscalYear));
        return id;
    }

    /** Adds a line to a draft ({@code lineId} null) or changes one. Returns the line's id. */
    @Transactional
    public UUID saveLine(CurrentUser actor, UUID planId, @Nullable UUID lineId, PlanLine.Draft line) {
        Head head = lockDraft(actor, planId);
        PlanLine.Draft clean = check(pack(head), line);
        if (store.referenceTaken(planId, clean.reference(), lineId)) {
            throw new BaobabException(PlanningErrorCode.DUPLICATE_REFERENCE, clean.reference());
        }
        UUID id = lineId;
        if (id == null) {
            id = UUID.randomUUID();
            store.insertLine(planId, id, UUID.randomUUID(), store.nextPosition(planId), clean);
        } else if (!store.updateLine(planId, id, clean)) {
            throw new BaobabException(PlanningErrorCode.UNKNOWN_PLAN, id);
        }
        journal(actor, head.authorityId(), "planning.line-saved", planId, Map.of("reference", clean.reference()));
        return id;
    }

    @Transactional
    public void removeLine(CurrentUser actor, UUID planId, UUID lineId) {
        Head head = lockDraft(actor, planId);
        if (store.lines(head).stream().anyMatch(l -> l.id().equals(lineId) && l.launched())) {
            throw new BaobabException(PlanningErrorCode.LINE_LAUNCHED);
        }
        if (!store.deleteLine(planId, lineId)) {
            throw new BaobabException(PlanningErrorCode.UNKNOWN_PLAN, lineId);
        }
        journal(actor, head.authorityId(), "planning.line-removed", planId, Map.of("line", lineId.toString()));
    }

    /** What an import found wrong: the row (1 = the header), the column, the message key and its arguments. */
    public record RowError(int row, String column, String messageKey, List<Object> arguments) {}

    /**
     * Imports lines from a CSV or XLSX file into a draft: every row is checked first, and if any row fails nothing is
     * imported and every error is returned (row and column); otherwise all rows are added and the list is empty.
     */
    @Transactional
    public List<RowError> importLines(CurrentUser actor, UUID planId, String fileName, InputStream content)
            throws IOException {
        Head head = lockDraft(actor, planId);
        RulePack pack = pack(head);
        LineImport.Parsed parsed =
                LineImport.parse(fileName, content, pack.currency().getCurrencyCode());
        List<RowError> errors = new ArrayList<>(parsed.errors());
        List<PlanLine.Draft> accepted = new ArrayList<>();
        Map<String, Integer> seen = new LinkedHashMap<>();
        for (LineImport.Row row : parsed.rows()) {
            try {
                PlanLine.Draft clean = check(pack, row.line());
                Integer earlier = seen.putIfAbsent(clean.reference(), row.number());
                if (earlier != null || store.referenceTaken(planId, clean.reference(), null)) {
                    throw new LineError("reference", PlanningErrorCode.DUPLICATE_REFERENCE, clean.reference());
                }
                accepted.add(clean);
            } catch (LineError e) {
                errors.add(new RowError(row.number(), e.column, e.errorCode().messageKey(), List.of(e.arguments())));
            }
        }
        if (!errors.isEmpty()) {
            return errors;
        }
        int position = store.nextPosition(planId);
        for (PlanLine.Draft line : accepted) {
            store.insertLine(planId, UUID.randomUUID(), UUID.randomUUID(), position++, line);
        }
        journal(
                actor,
                head.authorityId(),
                "planning.lines-imported",
                planId,
                Map.of("file", fileName, "lines", accepted.size()));
        return List.of();
    }

    /** The PRM validates a draft (it must have lines). */
    @Transactional
    public void validate(CurrentUser actor, UUID planId) {
        Head head = store.lock(planId).orElseThrow(() -> unknown(planId));
        requireStaff(actor, head.authorityId(), Role.PRM);
        requireStatus(head, "validate", PlanStatus.DRAFT);
        if (store.lines(head).isEmpty()) {
            throw new BaobabException(PlanningErrorCode.EMPTY_PLAN);
        }
        store.setStatus(planId, PlanStatus.VALIDATED, actor.email(), clock.instant());
        journal(actor, head.authorityId(), "planning.plan-validated", planId, Map.of("revision", head.revision()));
    }

    /** The PRM sends a validated revision back to draft to change it. */
    @Transactional
    public void reopen(CurrentUser actor, UUID planId) {
        Head head = store.lock(planId).orElseThrow(() -> unknown(planId));
        requireStaff(actor, head.authorityId(), Role.PRM);
        requireStatus(head, "reopen", PlanStatus.VALIDATED);
        store.backToDraft(planId);
        journal(actor, head.authorityId(), "planning.plan-reopened", planId, Map.of("revision", head.revision()));
    }

    /** The PRM publishes a validated revision: it becomes public and never changes again. */
    @Transactional
    public void publish(CurrentUser actor, UUID planId) {
        Head head = store.lock(planId).orElseThrow(() -> unknown(planId));
        requireStaff(actor, head.authorityId(), Role.PRM);
        requireStatus(head, "publish", PlanStatus.VALIDATED);
        store.setStatus(planId, PlanStatus.PUBLISHED, actor.email(), clock.instant());
        RulePack pack = pack(head);
        for (PlanLine line : store.lines(head)) {
            if (line.ocid() == null) {
                int number = store.nextOcidNumber(head.country(), head.fiscalYear());
                store.insertOcid(line.lineKey(), ocds.ocid(head.country(), head.fiscalYear(), number), clock.instant());
            }
        }
        PlanView now = store.view(store.head(planId).orElseThrow());
        PlanView before = store.revisions(head.authorityId(), head.fiscalYear()).stream()
                .filter(h -> h.status() == PlanStatus.PUBLISHED && h.revision() < head.revision())
                .findFirst()
                .map(store::view)
                .orElse(null);
        Changes changes = changes(before, now);
        for (PlanLine line : changes.added()) {
            ocds.line(now, line, true, pack);
        }
        for (PlanLine line : changes.changed()) {
            if (!line.launched()) {
                ocds.line(now, line, false, pack);
            }
        }
        for (PlanLine line : changes.removed()) {
            ocds.withdrawn(now, line, pack);
        }
        events.publishEvent(new PlanChanged(
                actor.email(),
                head.authorityId().toString(),
                "planning.plan-published",
                planId.toString(),
                pack.mainText().name().fr(),
                Map.of(
                        "revision", head.revision(),
                        "fiscalYear", head.fiscalYear(),
                        "added", changes.added().size(),
                        "changed", changes.changed().size(),
                        "removed", changes.removed().size())));
    }

    /**
     * The PRM opens a new revision of a published plan, with the reason for the change: a draft copying the latest
     * published revision's lines (same line keys, so launched lines stay launched).
     */
    @Transactional
    public UUID revise(CurrentUser actor, UUID planId, String reason) {
        Head published = store.lock(planId).orElseThrow(() -> unknown(planId));
        requireStaff(actor, published.authorityId(), Role.PRM);
        requireStatus(published, "revise", PlanStatus.PUBLISHED);
        if (reason.isBlank()) {
            throw new BaobabException(PlanningErrorCode.REQUIRED, "reason");
        }
        List<Head> revisions = store.revisions(published.authorityId(), published.fiscalYear());
        if (revisions.stream().anyMatch(r -> r.status() != PlanStatus.PUBLISHED)) {
            throw new BaobabException(PlanningErrorCode.REVISION_OPEN);
        }
        Head latest = revisions.get(0);
        UUID id = UUID.randomUUID();
        store.insertPlan(new Head(
                id,
                latest.authorityId(),
                latest.authorityName(),
                latest.country(),
                latest.fiscalYear(),
                latest.revision() + 1,
                PlanStatus.DRAFT,
                reason.strip(),
                actor.email(),
                clock.instant(),
                null,
                null));
        int position = 1;
        for (PlanLine line : store.lines(latest)) {
            store.insertLine(id, UUID.randomUUID(), line.lineKey(), position++, line.draft());
        }
        journal(
                actor,
                latest.authorityId(),
                "planning.plan-revised",
                id,
                Map.of("revision", latest.revision() + 1, "reason", reason.strip()));
        return id;
    }

    /** A line of a published revision, for tendering to launch a process from; empty otherwise. */
    @Transactional(readOnly = true)
    public Optional<PlanLine> publishedLine(UUID lineId) {
        return store.line(lineId)
                .filter(l -> store.head(l.planId())
                        .map(h -> h.status() == PlanStatus.PUBLISHED)
                        .orElse(false));
    }

    /**
     * Records that a procurement process is launched for a published line of the organisation's plan, in the caller's
     * transaction, and returns the line, whose ocid the process takes. Refuses a line not published, of another
     * organisation, or already launched (the line's row is locked by the insert, so two launches cannot both win).
     */
    @Transactional
    public PlanLine recordLaunch(UUID lineId, String actor, UUID organisationId) {
        PlanLine line = publishedLine(lineId)
                .filter(l -> l.authorityId().equals(organisationId) && !l.launched() && l.ocid() != null)
                .orElseThrow(() -> new BaobabException(PlanningErrorCode.LINE_UNAVAILABLE));
        store.insertLaunch(line.lineKey(), actor, clock.instant());
        events.publishEvent(new PlanChanged(
                actor,
                organisationId.toString(),
                "planning.line-launched",
                line.planId().toString(),
                null,
                Map.of("line", line.reference(), "ocid", String.valueOf(line.ocid()))));
        return line;
    }

    /** A revision as the public may see it: published only. */
    @Transactional(readOnly = true)
    public Optional<PlanView> published(UUID planId) {
        return store.head(planId)
                .filter(h -> h.status() == PlanStatus.PUBLISHED)
                .map(store::view);
    }

    /** A revision as the authority's staff see it, whatever its status. */
    @Transactional(readOnly = true)
    public PlanView forStaff(CurrentUser actor, UUID planId) {
        Head head = store.head(planId).orElseThrow(() -> unknown(planId));
        requireStaff(actor, head.authorityId(), Role.BUYER, Role.PRM);
        return store.view(head);
    }

    /** The published revisions of the same plan (authority and year), newest first. */
    @Transactional(readOnly = true)
    public List<PlanView> history(UUID planId) {
        Head head = store.head(planId).orElseThrow(() -> unknown(planId));
        return store.revisions(head.authorityId(), head.fiscalYear()).stream()
                .filter(h -> h.status() == PlanStatus.PUBLISHED)
                .map(store::view)
                .toList();
    }

    /** The newest published revision of each plan, filtered. */
    @Transactional(readOnly = true)
    public List<PlanView> latestPublished(@Nullable String country, @Nullable Integer year, @Nullable UUID authority) {
        return store
                .latestPublished(
                        country == null || country.isBlank() ? null : country.toUpperCase(Locale.ROOT), year, authority)
                .stream()
                .map(store::view)
                .toList();
    }

    /** Every revision of the authority's plans, for its staff. */
    @Transactional(readOnly = true)
    public List<PlanView> plansOf(CurrentUser actor, UUID authorityId) {
        requireStaff(actor, authorityId, Role.BUYER, Role.PRM);
        return store.byAuthority(authorityId).stream().map(store::view).toList();
    }

    /** How a revision differs from the one before it: lines added, removed and changed (by line key). */
    public record Changes(List<PlanLine> added, List<PlanLine> removed, List<PlanLine> changed) {

        public boolean none() {
            return added.isEmpty() && removed.isEmpty() && changed.isEmpty();
        }
    }

    public static Changes changes(@Nullable PlanView before, PlanView after) {
        List<PlanLine> previous = before == null ? List.of() : before.lines();
        List<PlanLine> added = new ArrayList<>();
        List<PlanLine> changed = new ArrayList<>();
        for (PlanLine line : after.lines()) {
            Optional<PlanLine> old = previous.stream()
                    .filter(p -> p.lineKey().equals(line.lineKey()))
                    .findFirst();
            if (old.isEmpty()) {
                added.add(line);
            } else if (!old.get().draft().equals(line.draft())) {
                changed.add(line);
            }
        }
        List<PlanLine> removed = previous.stream()
                .filter(p -> after.lines().stream().noneMatch(l -> l.lineKey().equals(p.lineKey())))
                .toList();
        return new Changes(added, removed, changed);
    }

    /**
     * A line's value refused, with the spreadsheet column it came from, so that an import can say where and a form can
     * show it beside its field (a violation of that column).
     */
    private static final class LineError extends InvalidInput {

        private static final long serialVersionUID = 1L;

        private final String column;

        LineError(String column, PlanningErrorCode code, Object... arguments) {
            super(List.of(InvalidInput.Violation.of(column, code, arguments)));
            this.column = column;
        }
    }

    private PlanLine.Draft check(RulePack pack, PlanLine.Draft d) {
        String reference = d.reference().strip();
        String title = d.title().strip();
        if (reference.isEmpty()) {
            throw new LineError("reference", PlanningErrorCode.REQUIRED, "reference");
        }
        if (title.isEmpty()) {
            throw new LineError("object", PlanningErrorCode.REQUIRED, "object");
        }
        if (reference.length() > 100) {
            throw new LineError("reference", PlanningErrorCode.INVALID_VALUE, reference);
        }
        if (title.length() > 500) {
            throw new LineError("object", PlanningErrorCode.INVALID_VALUE, reference);
        }
        if (d.description().length() > 4000) {
            throw new LineError("description", PlanningErrorCode.INVALID_VALUE, reference);
        }
        if (pack.procedure(d.procedureCode().strip()).isEmpty()) {
            throw new LineError("procedure", PlanningErrorCode.UNKNOWN_PROCEDURE, d.procedureCode());
        }
        if (d.amount().signum() <= 0) {
            throw new LineError("amount", PlanningErrorCode.INVALID_VALUE, d.amount());
        }
        String currency = d.currency().strip().toUpperCase(Locale.ROOT);
        if (!currency.matches("[A-Z]{3}")) {
            throw new LineError("currency", PlanningErrorCode.INVALID_VALUE, d.currency());
        }
        List<LocalDate> dates = new ArrayList<>();
        for (LocalDate day : new LocalDate[] {d.launchDate(), d.openingDate(), d.awardDate(), d.signatureDate()}) {
            if (day != null) {
                dates.add(day);
            }
        }
        for (int i = 1; i < dates.size(); i++) {
            if (dates.get(i).isBefore(dates.get(i - 1))) {
                throw new LineError("launch", PlanningErrorCode.DATES_OUT_OF_ORDER);
            }
        }
        return new PlanLine.Draft(
                reference,
                title,
                d.description().strip(),
                d.nature(),
                d.procedureCode().strip(),
                d.amount(),
                currency,
                d.fundingSource().strip(),
                d.launchDate(),
                d.openingDate(),
                d.awardDate(),
                d.signatureDate());
    }

    private Head lockDraft(CurrentUser actor, UUID planId) {
        Head head = store.lock(planId).orElseThrow(() -> unknown(planId));
        requireStaff(actor, head.authorityId(), Role.BUYER, Role.PRM);
        requireStatus(head, "edit", PlanStatus.DRAFT);
        return head;
    }

    private RulePack pack(Head head) {
        return packs.pack(new CountryCode(head.country()));
    }

    private void journal(CurrentUser actor, UUID authorityId, String action, UUID planId, Map<String, Object> payload) {
        events.publishEvent(
                new PlanChanged(actor.email(), authorityId.toString(), action, planId.toString(), null, payload));
    }

    private static void requireStaff(CurrentUser actor, UUID authorityId, Role... roles) {
        for (Role role : roles) {
            if (actor.hasRoleIn(authorityId, role)) {
                return;
            }
        }
        throw new BaobabException(PlanningErrorCode.NOT_STAFF);
    }

    private static void requireStatus(Head head, String action, PlanStatus... allowed) {
        for (PlanStatus status : allowed) {
            if (head.status() == status) {
                return;
            }
        }
        throw new BaobabException(PlanningErrorCode.WRONG_STATUS, head.status(), action);
    }

    private static BaobabException unknown(Object id) {
        return new BaobabException(PlanningErrorCode.UNKNOWN_PLAN, id);
    }
}
