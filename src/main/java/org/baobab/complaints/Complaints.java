// SPDX-License-Identifier: Apache-2.0
package org.baobab.complaints;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;
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
import org.baobab.documents.Documents;
import org.baobab.documents.StoredDocument;
import org.baobab.identity.CurrentUser;
import org.baobab.identity.CurrentUser.Membership;
import org.baobab.rules.Deadline;
import org.baobab.rules.RulePack;
import org.baobab.rules.RulePacks;
import org.baobab.rules.TimeLimit;
import org.baobab.shared.BaobabException;
import org.baobab.shared.CountryCode;
import org.baobab.shared.OrganisationKind;
import org.baobab.shared.Role;
import org.baobab.tendering.Notices;
import org.baobab.tendering.ProcessView;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Complaints (recours), docs/complaints.md. A supplier files a structured complaint with the contracting authority
 * within the pack's {@value #FILE} window counted from the act contested; the authority's PRM answers within
 * {@value #ANSWER}; once answered, or once that time ran out (deemed rejection), the complainant may go to the
 * regulator's complaints body within {@value #ESCALATE}, which decides within {@value #DECIDE} and may suspend the
 * procedure meanwhile. Deadlines are counted over the country's working days and holidays; the platform refuses late
 * steps only on {@linkplain Deadline#enforceable() enforceable} deadlines, else it records them as late.
 */
@Service
public class Complaints {

    /** Pack time limit: filing with the authority, counted from the act contested. */
    public static final String FILE = "RECOURS_GRACIEUX";
    /** Pack time limit: the authority's answer, counted from the filing. */
    public static final String ANSWER = "RECOURS_GRACIEUX_ANSWER";
    /** Pack time limit: going to the regulator, from the answer or from the end of the time to answer. */
    public static final String ESCALATE = "RECOURS_REGULATOR";
    /** Pack time limit: the regulator's decision, counted from the escalation. */
    public static final String DECIDE = "REGULATOR_DECISION";

    static final int MAX_OBJECTIONS = 20;
    static final int MAX_EVIDENCE = 20;
    static final int MAX_SHORT = 300;
    static final int MAX_TEXT = 10_000;
    private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");

    private final ComplaintStore store;
    private final Notices notices;
    private final RulePacks packs;
    private final Documents documents;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    Complaints(
            ComplaintStore store,
            Notices notices,
            RulePacks packs,
            Documents documents,
            ApplicationEventPublisher events,
            Clock clock) {
        this.store = store;
        this.notices = notices;
        this.packs = packs;
        this.documents = documents;
        this.events = events;
        this.clock = clock;
    }

    /**
     * A complaint as the complainant writes it.
     *
     * @param contestedOn the day of the act contested; ignored for the notice (its publication day counts)
     * @param evidence SHA-256s of documents already in the document store
     */
    public record Filing(
            String ocid,
            ContestedKind contested,
            String contestedText,
            @Nullable LocalDate contestedOn,
            List<Objection> objections,
            String remedy,
            List<String> evidence) {}

    // ---- deadlines

    /**
     * The last day to file a complaint against an act of the process done on {@code actDay} (for the notice, its
     * publication day): shown on the notice page and the filing form.
     */
    public Deadline fileBy(String country, LocalDate actDay) {
        RulePack pack = pack(country);
        return pack.lastDay(limit(pack, FILE), actDay);
    }

    /** The process's publication day, in its country's time zone. */
    public LocalDate publicationDay(ProcessView process) {
        Instant at = process.publishedAt();
        return at == null
                ? packs.today(process.country())
                : at.atZone(packs.zone(process.country())).toLocalDate();
    }

    /** Today in the country of the complaint. */
    public LocalDate today(String country) {
        return packs.today(country);
    }

    // ---- the complainant

    /**
     * Files a complaint with the process's authority in the name of {@code companyId}.
     *
     * @throws BaobabException {@code COMPLAINTS-0001} not an administrator or signatory of the company, {@code -0002}
     *     no such published process, {@code -0003} after the last day, {@code -0004} incomplete, {@code -0005} bad
     *     date of the act, {@code -0015} unknown evidence
     */
    @Transactional
    public UUID file(CurrentUser actor, UUID companyId, Filing filing) {
        Membership company = actor.memberships().stream()
                .filter(m -> m.organisationId().equals(companyId) && m.kind() == OrganisationKind.SUPPLIER)
                .filter(m -> m.role() == Role.SUPPLIER_ADMIN || m.role() == Role.SIGNATORY)
                .findFirst()
                .orElseThrow(() -> new BaobabException(ComplaintsErrorCode.NOT_COMPLAINANT));
        ProcessView process = notices.notice(filing.ocid())
                .orElseThrow(() -> new BaobabException(ComplaintsErrorCode.NO_SUCH_PROCESS, filing.ocid()));
        String contestedText = required(filing.contestedText(), MAX_TEXT);
        String remedy = required(filing.remedy(), MAX_TEXT);
        if (filing.objections().isEmpty() || filing.objections().size() > MAX_OBJECTIONS) {
            throw new BaobabException(ComplaintsErrorCode.INCOMPLETE);
        }
        List<Objection> objections = filing.objections().stream()
                .map(o -> new Objection(required(o.title(), MAX_SHORT), required(o.description(), MAX_TEXT)))
                .toList();
        if (filing.evidence().size() > MAX_EVIDENCE) {
            throw new BaobabException(ComplaintsErrorCode.BAD_EVIDENCE);
        }
        List<Evidence> evidence = new ArrayList<>();
        for (String sha : filing.evidence()) {
            evidence.add(evidence(sha));
        }
        String country = process.country();
        LocalDate today = packs.today(country);
        LocalDate published = publicationDay(process);
        LocalDate actDay;
        if (filing.contested() == ContestedKind.NOTICE) {
            actDay = published;
        } else {
            actDay = filing.contestedOn();
            if (actDay == null || actDay.isAfter(today) || actDay.isBefore(published)) {
                throw new BaobabException(ComplaintsErrorCode.BAD_ACT_DATE);
            }
        }
        Deadline fileBy = fileBy(country, actDay);
        if (today.isAfter(fileBy.lastDay()) && fileBy.enforceable()) {
            throw new BaobabException(ComplaintsErrorCode.FILING_CLOSED, fileBy.lastDay());
        }
        RulePack pack = pack(country);
        Deadline answerBy = pack.lastDay(limit(pack, ANSWER), today);
        UUID id = UUID.randomUUID();
        Instant now = clock.instant();
        store.insert(
                new Row(
                        id,
                        process.ocid(),
                        country,
                        process.authorityId(),
                        process.authorityName(),
                        process.notice().title(),
                        companyId,
                        company.organisationName(),
                        filing.contested().name(),
                        contestedText,
                        actDay,
                        remedy,
                        Stage.AUTHORITY.name(),
                        State.FILED.name(),
                        now,
                        answerBy.lastDay(),
                        null,
                        null,
                        false,
                        null,
                        null,
                        null,
                        null),
                actor.email());
        for (int i = 0; i < objections.size(); i++) {
            store.insertObjection(
                    id, i + 1, objections.get(i).title(), objections.get(i).description());
        }
        for (int i = 0; i < evidence.size(); i++) {
            store.insertEvidence(
                    id, i + 1, evidence.get(i).sha256(), evidence.get(i).name());
        }
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("ocid", process.ocid());
        payload.put("complainant", companyId.toString());
        payload.put("contested", filing.contested().name());
        payload.put("objections", objections.size());
        payload.put("evidence", evidence.stream().map(Evidence::sha256).toList());
        payload.put("fileBy", fileBy.lastDay().toString());
        payload.put("late", today.isAfter(fileBy.lastDay()));
        payload.put("answerBy", answerBy.lastDay().toString());
        journal(actor, company.organisationName(), "complaints.filed", id, payload);
        return id;
    }

    /**
     * The complainant takes the complaint to the regulator's complaints body, once the authority answered or its time
     * to answer ran out.
     *
     * @throws BaobabException {@code COMPLAINTS-0001} not the complainant, {@code -0008} not answered nor filed,
     *     {@code -0009} the authority may still answer, {@code -0010} after the last day
     */
    @Transactional
    public void escalate(CurrentUser actor, UUID complaintId, String grounds) {
        Row row = lock(complaintId);
        Membership company = complainantMembership(actor, row)
                .orElseThrow(() -> new BaobabException(ComplaintsErrorCode.NOT_COMPLAINANT));
        String text = required(grounds, MAX_TEXT);
        Complaint c = assemble(row);
        LocalDate today = packs.today(row.country());
        if (c.state() == State.FILED && !c.noAnswerInTime(today)) {
            throw new BaobabException(
                    ComplaintsErrorCode.TOO_EARLY_TO_ESCALATE, c.answerBy().lastDay());
        }
        if (c.state() != State.FILED && c.state() != State.ANSWERED) {
            throw new BaobabException(ComplaintsErrorCode.WRONG_STATE);
        }
        Deadline escalateBy = escalateBy(row);
        if (today.isAfter(escalateBy.lastDay()) && escalateBy.enforceable()) {
            throw new BaobabException(ComplaintsErrorCode.ESCALATION_CLOSED, escalateBy.lastDay());
        }
        RulePack pack = pack(row.country());
        Deadline decideBy = pack.lastDay(limit(pack, DECIDE), today);
        Instant now = clock.instant();
        store.escalate(complaintId, now, decideBy.lastDay());
        store.insertExchange(complaintId, Party.COMPLAINANT.name(), actor.fullName(), text, now);
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("ocid", row.ocid());
        payload.put("answered", row.answeredAt() != null);
        payload.put("late", today.isAfter(escalateBy.lastDay()));
        payload.put("decideBy", decideBy.lastDay().toString());
        journal(actor, company.organisationName(), "complaints.escalated", complaintId, payload);
    }

    // ---- the authority

    /**
     * The authority's PRM answers the complaint. After the last day, the answer is refused when the deadline is
     * enforceable, else recorded as late.
     *
     * @throws BaobabException {@code COMPLAINTS-0006} not the PRM of the process's authority, {@code -0007} too late,
     *     {@code -0008} already answered or escalated
     */
    @Transactional
    public void answer(CurrentUser actor, UUID complaintId, String answer) {
        Row row = lock(complaintId);
        if (!actor.hasRoleIn(row.authorityId(), Role.PRM)) {
            throw new BaobabException(ComplaintsErrorCode.NOT_AUTHORITY);
        }
        String text = required(answer, MAX_TEXT);
        if (!State.FILED.name().equals(row.state())) {
            throw new BaobabException(ComplaintsErrorCode.WRONG_STATE);
        }
        Deadline answerBy = answerBy(row);
        LocalDate today = packs.today(row.country());
        boolean late = today.isAfter(answerBy.lastDay());
        if (late && answerBy.enforceable()) {
            throw new BaobabException(ComplaintsErrorCode.ANSWER_CLOSED, answerBy.lastDay());
        }
        store.answer(complaintId, text, clock.instant(), actor.email(), late);
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("ocid", row.ocid());
        payload.put("late", late);
        journal(actor, row.authorityName(), "complaints.answered", complaintId, payload);
    }

    // ---- the regulator

    /**
     * The regulator's complaints officer suspends the procedure while deciding: {@link #suspended(String)} is then
     * true and the award and signature must wait.
     *
     * @throws BaobabException {@code COMPLAINTS-0011} not a complaints officer of the country's regulator,
     *     {@code -0008} the complaint is not before the regulator, {@code -0012} suspended already
     */
    @Transactional
    public void suspend(CurrentUser actor, UUID complaintId, String reason) {
        Row row = lock(complaintId);
        Membership officer = officer(actor, row.country());
        String text = required(reason, MAX_TEXT);
        if (!State.ESCALATED.name().equals(row.state())) {
            throw new BaobabException(ComplaintsErrorCode.WRONG_STATE);
        }
        if (store.suspensions(complaintId).stream().anyMatch(s -> s.liftedAt() == null)) {
            throw new BaobabException(ComplaintsErrorCode.ALREADY_SUSPENDED);
        }
        store.suspend(complaintId, row.ocid(), text, clock.instant(), actor.email());
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("ocid", row.ocid());
        payload.put("reason", text);
        journal(actor, officer.organisationName(), "complaints.suspended", complaintId, payload);
    }

    /**
     * The complaints officer lifts the suspension.
     *
     * @throws BaobabException {@code COMPLAINTS-0011} not an officer, {@code -0013} not suspended
     */
    @Transactional
    public void lift(CurrentUser actor, UUID complaintId) {
        Row row = lock(complaintId);
        Membership officer = officer(actor, row.country());
        if (!store.lift(complaintId, clock.instant(), actor.email())) {
            throw new BaobabException(ComplaintsErrorCode.NOT_SUSPENDED);
        }
        journal(
                actor,
                officer.organisationName(),
                "complaints.suspension-lifted",
                complaintId,
                Map.of("ocid", row.ocid()));
    }

    /**
     * The complaints officer records the regulator's decision with its reasons; an open suspension ends with it.
     *
     * @throws BaobabException {@code COMPLAINTS-0011} not an officer, {@code -0008} not before the regulator
     */
    @Transactional
    public void decide(CurrentUser actor, UUID complaintId, Outcome outcome, String reasons) {
        Row row = lock(complaintId);
        Membership officer = officer(actor, row.country());
        String text = required(reasons, MAX_TEXT);
        if (!State.ESCALATED.name().equals(row.state())) {
            throw new BaobabException(ComplaintsErrorCode.WRONG_STATE);
        }
        Instant now = clock.instant();
        boolean lifted = store.lift(complaintId, now, actor.email());
        store.decide(complaintId, outcome.name(), text, now, actor.email());
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("ocid", row.ocid());
        payload.put("outcome", outcome.name());
        payload.put("suspensionLifted", lifted);
        journal(actor, officer.organisationName(), "complaints.decided", complaintId, payload);
    }

    // ---- every party

    /**
     * A party writes to the others (the complainant, the authority, or the regulator once it has the complaint).
     *
     * @throws BaobabException {@code COMPLAINTS-0014} not a party, {@code -0008} decided already
     */
    @Transactional
    public void post(CurrentUser actor, UUID complaintId, String message) {
        Row row = lock(complaintId);
        Party party = party(actor, row);
        if (party == null || (party == Party.REGULATOR && Stage.AUTHORITY.name().equals(row.stage()))) {
            throw new BaobabException(ComplaintsErrorCode.NOT_PARTY);
        }
        String text = required(message, MAX_TEXT);
        if (State.DECIDED.name().equals(row.state())) {
            throw new BaobabException(ComplaintsErrorCode.WRONG_STATE);
        }
        store.insertExchange(complaintId, party.name(), actor.fullName(), text, clock.instant());
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("ocid", row.ocid());
        payload.put("party", party.name());
        journal(actor, actor.organisationLabel(), "complaints.message", complaintId, payload);
    }

    /**
     * The whole complaint, for its parties only.
     *
     * @throws BaobabException {@code SHARED-0001} unknown, {@code COMPLAINTS-0014} not a party
     */
    @Transactional(readOnly = true)
    public Complaint complaint(CurrentUser actor, UUID complaintId) {
        Row row = store.find(complaintId).orElseThrow(() -> new org.baobab.shared.NotFoundException(complaintId));
        if (party(actor, row) == null) {
            throw new BaobabException(ComplaintsErrorCode.NOT_PARTY);
        }
        return assemble(row);
    }

    /**
     * A complaint whole, without an actor: for the notifications module, which tells its parties of each step (never
     * to be shown to anyone but the complaint's parties).
     */
    @Transactional(readOnly = true)
    public Optional<Complaint> forItsParties(UUID complaintId) {
        return store.find(complaintId).map(this::assemble);
    }

    /** The party the actor is to the complaint, or null. */
    public @Nullable Party party(CurrentUser actor, UUID complaintId) {
        return store.find(complaintId).map(r -> party(actor, r)).orElse(null);
    }

    /** The complaints of a company, newest first (its members only). */
    @Transactional(readOnly = true)
    public List<Complaint> ofCompany(CurrentUser actor, UUID companyId) {
        if (actor.memberships().stream().noneMatch(m -> m.organisationId().equals(companyId))) {
            throw new BaobabException(ComplaintsErrorCode.NOT_PARTY);
        }
        return store.byComplainant(companyId).stream().map(this::assemble).toList();
    }

    /** The complaints against an authority's processes, newest first (its PRM and buyers only). */
    @Transactional(readOnly = true)
    public List<Complaint> ofAuthority(CurrentUser actor, UUID authorityId) {
        if (!actor.hasRoleIn(authorityId, Role.PRM) && !actor.hasRoleIn(authorityId, Role.BUYER)) {
            throw new BaobabException(ComplaintsErrorCode.NOT_AUTHORITY);
        }
        return store.byAuthority(authorityId).stream().map(this::assemble).toList();
    }

    /**
     * The regulator's desk: every complaint not yet decided in the officer's countries, the most urgent first (the
     * fewest days left before its next deadline).
     */
    @Transactional(readOnly = true)
    public List<Complaint> desk(CurrentUser actor) {
        List<String> countries = actor.memberships().stream()
                .filter(m -> m.role() == Role.COMPLAINTS_OFFICER && m.kind() == OrganisationKind.REGULATOR)
                .map(Membership::country)
                .distinct()
                .toList();
        if (countries.isEmpty()) {
            throw new BaobabException(ComplaintsErrorCode.NOT_COMPLAINTS_OFFICER);
        }
        List<Complaint> open = new ArrayList<>();
        for (String country : countries) {
            store.openIn(country).forEach(r -> open.add(assemble(r)));
        }
        open.sort(Comparator.comparingLong((Complaint c) -> {
                    Long left = c.daysLeft(packs.today(c.country()));
                    return left == null ? Long.MAX_VALUE : left;
                })
                .thenComparing(Complaint::filedAt));
        return open;
    }

    // ---- public

    /** The public parts of a process's complaints, oldest first. */
    @Transactional(readOnly = true)
    public List<PublicComplaint> published(String ocid) {
        return store.byOcid(ocid).stream()
                .map(r -> PublicComplaint.of(assemble(r)))
                .toList();
    }

    /** The public parts of the latest complaints, newest first. */
    @Transactional(readOnly = true)
    public List<PublicComplaint> latest(int limit) {
        return store.latest(Math.max(1, Math.min(limit, 500))).stream()
                .map(r -> PublicComplaint.of(assemble(r)))
                .toList();
    }

    /**
     * Whether the regulator suspended the process (a suspension not lifted and no decision yet): its award and its
     * contract's signature must wait.
     */
    @Transactional(readOnly = true)
    public boolean suspended(String ocid) {
        return store.suspended(ocid);
    }

    /**
     * Whether a complaint about the process is still pending: filed and not answered while the authority may answer,
     * before the regulator and not decided, or answered (or deemed rejected) while the complainant may still go to the
     * regulator. The final award must wait for it.
     */
    @Transactional(readOnly = true)
    public boolean pending(String ocid) {
        for (Row r : store.byOcid(ocid)) {
            State state = State.valueOf(r.state());
            if (state == State.ESCALATED) {
                return true;
            }
            if (state == State.FILED && !pastAnswer(r)) {
                return true;
            }
            if ((state == State.FILED || state == State.ANSWERED)
                    && !packs.today(r.country()).isAfter(escalateBy(r).lastDay())) {
                return true;
            }
        }
        return false;
    }

    // ---- helpers

    private Complaint assemble(Row r) {
        List<Suspension> suspensions = store.suspensions(r.id()).stream()
                .map(s -> new Suspension(s.reason(), s.suspendedAt(), s.liftedAt()))
                .toList();
        RulePack pack = pack(r.country());
        State state = State.valueOf(r.state());
        Deadline escalateBy = state == State.FILED && r.answeredAt() == null && !pastAnswer(r) ? null : escalateBy(r);
        Deadline decideBy =
                r.escalatedAt() == null ? null : pack.lastDay(limit(pack, DECIDE), day(r.country(), r.escalatedAt()));
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

    private boolean pastAnswer(Row r) {
        return packs.today(r.country()).isAfter(answerBy(r).lastDay());
    }

    private Deadline answerBy(Row r) {
        RulePack pack = pack(r.country());
        return pack.lastDay(limit(pack, ANSWER), day(r.country(), r.filedAt()));
    }

    /** Counted from the answer, or, without one, from the last day the authority had to answer. */
    private Deadline escalateBy(Row r) {
        RulePack pack = pack(r.country());
        LocalDate from = r.answeredAt() != null
                ? day(r.country(), r.answeredAt())
                : answerBy(r).lastDay();
        return pack.lastDay(limit(pack, ESCALATE), from);
    }

    private LocalDate day(String country, Instant at) {
        return at.atZone(packs.zone(country)).toLocalDate();
    }

    private RulePack pack(String country) {
        return packs.pack(new CountryCode(country));
    }

    private static TimeLimit limit(RulePack pack, String code) {
        return pack.timeLimit(code)
                .orElseThrow(() -> new IllegalStateException("the " + pack.country() + " pack has no " + code));
    }

    private Row lock(UUID complaintId) {
        return store.lock(complaintId).orElseThrow(() -> new org.baobab.shared.NotFoundException(complaintId));
    }

    private Evidence evidence(String sha) {
        String s = sha == null ? "" : sha.strip().toLowerCase(Locale.ROOT);
        if (!SHA256.matcher(s).matches()) {
            throw new BaobabException(ComplaintsErrorCode.BAD_EVIDENCE);
        }
        try {
            StoredDocument doc = documents.metadata(s);
            return new Evidence(doc.sha256(), doc.fileName());
        } catch (BaobabException e) {
            throw new BaobabException(ComplaintsErrorCode.BAD_EVIDENCE);
        }
    }

    private static java.util.Optional<Membership> complainantMembership(CurrentUser actor, Row row) {
        return actor.memberships().stream()
                .filter(m -> m.organisationId().equals(row.complainantId()))
                .filter(m -> m.role() == Role.SUPPLIER_ADMIN || m.role() == Role.SIGNATORY)
                .findFirst();
    }

    private static Membership officer(CurrentUser actor, String country) {
        return actor.memberships().stream()
                .filter(m -> m.role() == Role.COMPLAINTS_OFFICER
                        && m.kind() == OrganisationKind.REGULATOR
                        && m.country().equals(country))
                .findFirst()
                .orElseThrow(() -> new BaobabException(ComplaintsErrorCode.NOT_COMPLAINTS_OFFICER));
    }

    private static @Nullable Party party(CurrentUser actor, Row row) {
        if (actor.memberships().stream().anyMatch(m -> m.organisationId().equals(row.complainantId()))) {
            return Party.COMPLAINANT;
        }
        if (actor.hasRoleIn(row.authorityId(), Role.PRM) || actor.hasRoleIn(row.authorityId(), Role.BUYER)) {
            return Party.AUTHORITY;
        }
        boolean officer = actor.memberships().stream()
                .anyMatch(m -> m.role() == Role.COMPLAINTS_OFFICER
                        && m.kind() == OrganisationKind.REGULATOR
                        && m.country().equals(row.country()));
        return officer ? Party.REGULATOR : null;
    }

    private static String required(@Nullable String text, int max) {
        String t = text == null ? "" : text.strip();
        if (t.isEmpty() || t.length() > max) {
            throw new BaobabException(ComplaintsErrorCode.INCOMPLETE);
        }
        return t;
    }

    private void journal(
            CurrentUser actor, @Nullable String organisation, String action, UUID id, Map<String, Object> payload) {
        events.publishEvent(new ComplaintEvent(actor.email(), organisation, action, id.toString(), payload));
    }
}
