// SPDX-License-Identifier: Apache-2.0
package org.baobab.complaints;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.baobab.complaints.Complaint.ContestedKind;
import org.baobab.complaints.Complaint.Evidence;
import org.baobab.complaints.Complaint.Exchange;
import org.baobab.complaints.Complaint.Objection;
import org.baobab.complaints.Complaint.Outcome;
import org.baobab.complaints.Complaint.Party;
import org.baobab.complaints.Complaint.Stage;
import org.baobab.complaints.Complaint.State;
import org.baobab.complaints.Complaint.Suspension;
import org.baobab.complaints.internal.ComplaintStore;
import org.baobab.complaints.internal.ComplaintStore.Row;
import org.baobab.identity.CurrentUser;
import org.baobab.identity.CurrentUser.Membership;
import org.baobab.rules.Deadline;
import org.baobab.rules.RulePack;
import org.baobab.rules.RulePacks;
import org.baobab.rules.TimeLimit;
import org.baobab.shared.BaobabException;
import org.baobab.shared.CountryCode;
import org.baobab.shared.NotFoundException;
import org.baobab.shared.OrganisationKind;
import org.baobab.shared.Role;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * What every use case of the complaints shares: a complaint's rows assembled with its deadlines counted from the
 * country's pack, who the actor is to it, the checks of a text, and the journal entry of a step.
 */
@Component
class ComplaintRecords {

    static final int MAX_SHORT = 300;
    static final int MAX_TEXT = 10_000;

    private final ComplaintStore store;
    private final RulePacks packs;
    private final ApplicationEventPublisher events;

    ComplaintRecords(ComplaintStore store, RulePacks packs, ApplicationEventPublisher events) {
        this.store = store;
        this.packs = packs;
        this.events = events;
    }

    ComplaintStore store() {
        return store;
    }

    /** Today in the country of the complaint. */
    LocalDate today(String country) {
        return packs.today(country);
    }

    // ---- deadlines

    /** The last day to file against an act of the process done on {@code actDay}. */
    Deadline fileBy(String country, LocalDate actDay) {
        return lastDay(country, Complaints.FILE, actDay);
    }

    /** The last day of the pack's time limit {@code code} in {@code country}, counted from {@code from}. */
    Deadline lastDay(String country, String code, LocalDate from) {
        RulePack pack = packs.pack(new CountryCode(country));
        TimeLimit limit = pack.timeLimit(code)
                .orElseThrow(() -> new IllegalStateException("the " + pack.country() + " pack has no " + code));
        return pack.lastDay(limit, from);
    }

    Deadline answerBy(Row r) {
        return lastDay(r.country(), Complaints.ANSWER, day(r.country(), r.filedAt()));
    }

    /** Counted from the answer, or, without one, from the last day the authority had to answer. */
    Deadline escalateBy(Row r) {
        LocalDate from = r.answeredAt() != null
                ? day(r.country(), r.answeredAt())
                : answerBy(r).lastDay();
        return lastDay(r.country(), Complaints.ESCALATE, from);
    }

    boolean pastAnswer(Row r) {
        return packs.today(r.country()).isAfter(answerBy(r).lastDay());
    }

    LocalDate day(String country, Instant at) {
        return at.atZone(packs.zone(country)).toLocalDate();
    }

    // ---- rows

    Row lock(UUID complaintId) {
        return store.lock(complaintId).orElseThrow(() -> new NotFoundException(complaintId));
    }

    Optional<Row> find(UUID complaintId) {
        return store.find(complaintId);
    }

    /** The complaint whole: its rows, its objections, evidence, suspensions and exchanges, and its deadlines. */
    Complaint assemble(Row r) {
        List<Suspension> suspensions = store.suspensions(r.id()).stream()
                .map(s -> new Suspension(s.reason(), s.suspendedAt(), s.liftedAt()))
                .toList();
        State state = State.valueOf(r.state());
        Deadline escalateBy = state == State.FILED && r.answeredAt() == null && !pastAnswer(r) ? null : escalateBy(r);
        Deadline decideBy = r.escalatedAt() == null
                ? null
                : lastDay(r.country(), Complaints.DECIDE, day(r.country(), r.escalatedAt()));
        return new Complaint(
                r.id(),
                r.ocid(),
                r.country(),
                r.authorityId(),
                r.authorityName(),
                r.processTitle(),
                r.complainantId(),
                r.complainantName(),
                ContestedKind.valueOf(r.contestedKind()),
                r.contestedText(),
                r.contestedOn(),
                store.objections(r.id()).stream()
                        .map(o -> new Objection(o.title(), o.description()))
                        .toList(),
                r.remedy(),
                store.evidence(r.id()).stream()
                        .map(e -> new Evidence(e.sha256(), e.name()))
                        .toList(),
                Stage.valueOf(r.stage()),
                state,
                r.filedAt(),
                r.answer(),
                r.answeredAt(),
                r.answerLate(),
                r.escalatedAt(),
                r.decision() == null ? null : Outcome.valueOf(r.decision()),
                r.decisionReasons(),
                r.decidedAt(),
                suspensions.stream().anyMatch(s -> s.liftedAt() == null),
                suspensions,
                store.exchanges(r.id()).stream()
                        .map(x -> new Exchange(Party.valueOf(x.party()), x.author(), x.body(), x.at()))
                        .toList(),
                fileBy(r.country(), r.contestedOn()),
                answerBy(r),
                escalateBy,
                decideBy);
    }

    // ---- who the actor is

    /** The actor's membership of the complainant company as its administrator or signatory. */
    static Optional<Membership> complainant(CurrentUser actor, UUID companyId) {
        return actor.memberships().stream()
                .filter(m -> m.organisationId().equals(companyId))
                .filter(m -> m.role() == Role.SUPPLIER_ADMIN || m.role() == Role.SIGNATORY)
                .findFirst();
    }

    /**
     * The actor's membership as a complaints officer of the country's regulator.
     *
     * @throws BaobabException {@code COMPLAINTS-0011} not one
     */
    static Membership officer(CurrentUser actor, String country) {
        return actor.memberships().stream()
                .filter(m -> isOfficer(m) && m.country().equals(country))
                .findFirst()
                .orElseThrow(() -> new BaobabException(ComplaintsErrorCode.NOT_COMPLAINTS_OFFICER));
    }

    static boolean isOfficer(Membership m) {
        return m.role() == Role.COMPLAINTS_OFFICER && m.kind() == OrganisationKind.REGULATOR;
    }

    /** The party the actor is to the complaint, or null. */
    static @Nullable Party party(CurrentUser actor, Row row) {
        if (actor.memberships().stream().anyMatch(m -> m.organisationId().equals(row.complainantId()))) {
            return Party.COMPLAINANT;
        }
        if (actor.hasRoleIn(row.authorityId(), Role.PRM) || actor.hasRoleIn(row.authorityId(), Role.BUYER)) {
            return Party.AUTHORITY;
        }
        boolean officer = actor.memberships().stream()
                .anyMatch(m -> isOfficer(m) && m.country().equals(row.country()));
        return officer ? Party.REGULATOR : null;
    }

    // ---- input and journal

    /**
     * The text stripped, refused when empty or longer than {@code max}.
     *
     * @throws BaobabException {@code COMPLAINTS-0004} incomplete
     */
    static String required(@Nullable String text, int max) {
        String t = text == null ? "" : text.strip();
        if (t.isEmpty() || t.length() > max) {
            throw new BaobabException(ComplaintsErrorCode.INCOMPLETE);
        }
        return t;
    }

    /**
     * Refuses a step the complaint's state does not allow.
     *
     * @throws BaobabException {@code COMPLAINTS-0008} wrong state
     */
    static void require(boolean allowed) {
        if (!allowed) {
            throw new BaobabException(ComplaintsErrorCode.WRONG_STATE);
        }
    }

    /** Publishes the step's event: the journal entry commits with it, the notifications follow after commit. */
    void journal(
            CurrentUser actor, @Nullable String organisation, String action, UUID id, Map<String, Object> payload) {
        events.publishEvent(new ComplaintEvent(actor.email(), organisation, action, id.toString(), payload));
    }
}
