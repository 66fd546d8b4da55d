// SPDX-License-Identifier: Apache-2.0
package org.baobab.complaints;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.baobab.complaints.Complaint.ContestedKind;
import org.baobab.complaints.Complaint.Objection;
import org.baobab.complaints.Complaint.Outcome;
import org.baobab.complaints.Complaint.Party;
import org.baobab.complaints.Complaint.State;
import org.baobab.complaints.internal.ComplaintStore.Row;
import org.baobab.identity.CurrentUser;
import org.baobab.identity.CurrentUser.Membership;
import org.baobab.rules.Deadline;
import org.baobab.shared.BaobabException;
import org.baobab.shared.NotFoundException;
import org.baobab.shared.Role;
import org.baobab.tendering.ProcessView;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Complaints (recours), docs/complaints.md. A supplier files a structured complaint with the contracting authority
 * within the pack's {@value #FILE} window counted from the act contested; the authority's PRM answers within
 * {@value #ANSWER}; once answered, or once that time ran out (deemed rejection), the complainant may go to the
 * regulator's complaints body within {@value #ESCALATE}, which decides within {@value #DECIDE} and may suspend the
 * procedure meanwhile. Deadlines are counted over the country's working days and holidays; the platform refuses late
 * steps only on {@linkplain Deadline#enforceable() enforceable} deadlines, else it records them as late.
 *
 * <p>This is the module's API and its readings; each use case is its own class: {@link ComplaintFiling} (the
 * complainant files, then goes to the regulator), {@link ComplaintInstruction} (the authority's answer, the exchanges),
 * {@link ComplaintDecision} (the regulator suspends, lifts, decides). {@link Complaint.State} says which step each
 * state allows; {@link ComplaintRecords} assembles a complaint with its deadlines.
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

    private final ComplaintRecords records;
    private final ComplaintFiling filing;
    private final ComplaintInstruction instruction;
    private final ComplaintDecision decision;

    Complaints(
            ComplaintRecords records,
            ComplaintFiling filing,
            ComplaintInstruction instruction,
            ComplaintDecision decision) {
        this.records = records;
        this.filing = filing;
        this.instruction = instruction;
        this.decision = decision;
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
        return records.fileBy(country, actDay);
    }

    /** The process's publication day, in its country's time zone. */
    public LocalDate publicationDay(ProcessView process) {
        return filing.publicationDay(process);
    }

    /** Today in the country of the complaint. */
    public LocalDate today(String country) {
        return records.today(country);
    }

    // ---- the complainant

    /**
     * Files a complaint with the process's authority in the name of {@code companyId}.
     *
     * @throws BaobabException {@code COMPLAINTS-0001} not an administrator or signatory of the company, {@code -0002}
     *     no such published process, {@code -0003} after the last day, {@code -0004} incomplete, {@code -0005} bad
     *     date of the act, {@code -0015} unknown evidence
     */
    public UUID file(CurrentUser actor, UUID companyId, Filing filing) {
        return this.filing.file(actor, companyId, filing);
    }

    /**
     * The complainant takes the complaint to the regulator's complaints body, once the authority answered or its time
     * to answer ran out.
     *
     * @throws BaobabException {@code COMPLAINTS-0001} not the complainant, {@code -0008} not answered nor filed,
     *     {@code -0009} the authority may still answer, {@code -0010} after the last day
     */
    public void escalate(CurrentUser actor, UUID complaintId, String grounds) {
        filing.escalate(actor, complaintId, grounds);
    }

    // ---- the authority

    /**
     * The authority's PRM answers the complaint. After the last day, the answer is refused when the deadline is
     * enforceable, else recorded as late.
     *
     * @throws BaobabException {@code COMPLAINTS-0006} not the PRM of the process's authority, {@code -0007} too late,
     *     {@code -0008} already answered or escalated
     */
    public void answer(CurrentUser actor, UUID complaintId, String answer) {
        instruction.answer(actor, complaintId, answer);
    }

    // ---- the regulator

    /**
     * The regulator's complaints officer suspends the procedure while deciding: {@link #suspended(String)} is then
     * true and the award and signature must wait.
     *
     * @throws BaobabException {@code COMPLAINTS-0011} not a complaints officer of the country's regulator,
     *     {@code -0008} the complaint is not before the regulator, {@code -0012} suspended already
     */
    public void suspend(CurrentUser actor, UUID complaintId, String reason) {
        decision.suspend(actor, complaintId, reason);
    }

    /**
     * The complaints officer lifts the suspension.
     *
     * @throws BaobabException {@code COMPLAINTS-0011} not an officer, {@code -0013} not suspended
     */
    public void lift(CurrentUser actor, UUID complaintId) {
        decision.lift(actor, complaintId);
    }

    /**
     * The complaints officer records the regulator's decision with its reasons; an open suspension ends with it.
     *
     * @throws BaobabException {@code COMPLAINTS-0011} not an officer, {@code -0008} not before the regulator
     */
    public void decide(CurrentUser actor, UUID complaintId, Outcome outcome, String reasons) {
        decision.decide(actor, complaintId, outcome, reasons);
    }

    // ---- every party

    /**
     * A party writes to the others (the complainant, the authority, or the regulator once it has the complaint).
     *
     * @throws BaobabException {@code COMPLAINTS-0014} not a party, {@code -0008} decided already
     */
    public void post(CurrentUser actor, UUID complaintId, String message) {
        instruction.post(actor, complaintId, message);
    }

    /**
     * The whole complaint, for its parties only.
     *
     * @throws BaobabException {@code SHARED-0001} unknown, {@code COMPLAINTS-0014} not a party
     */
    @Transactional(readOnly = true)
    public Complaint complaint(CurrentUser actor, UUID complaintId) {
        Row row = records.find(complaintId).orElseThrow(() -> new NotFoundException(complaintId));
        if (ComplaintRecords.party(actor, row) == null) {
            throw new BaobabException(ComplaintsErrorCode.NOT_PARTY);
        }
        return records.assemble(row);
    }

    /**
     * A complaint whole, without an actor: for the notifications module, which tells its parties of each step (never
     * to be shown to anyone but the complaint's parties).
     */
    @Transactional(readOnly = true)
    public Optional<Complaint> forItsParties(UUID complaintId) {
        return records.find(complaintId).map(records::assemble);
    }

    /** The party the actor is to the complaint, or null. */
    public @Nullable Party party(CurrentUser actor, UUID complaintId) {
        return records.find(complaintId)
                .map(r -> ComplaintRecords.party(actor, r))
                .orElse(null);
    }

    /** The complaints of a company, newest first (its members only). */
    @Transactional(readOnly = true)
    public List<Complaint> ofCompany(CurrentUser actor, UUID companyId) {
        if (actor.memberships().stream().noneMatch(m -> m.organisationId().equals(companyId))) {
            throw new BaobabException(ComplaintsErrorCode.NOT_PARTY);
        }
        return records.store().byComplainant(companyId).stream()
                .map(records::assemble)
                .toList();
    }

    /** The complaints against an authority's processes, newest first (its PRM and buyers only). */
    @Transactional(readOnly = true)
    public List<Complaint> ofAuthority(CurrentUser actor, UUID authorityId) {
        if (!actor.hasRoleIn(authorityId, Role.PRM) && !actor.hasRoleIn(authorityId, Role.BUYER)) {
            throw new BaobabException(ComplaintsErrorCode.NOT_AUTHORITY);
        }
        return records.store().byAuthority(authorityId).stream()
                .map(records::assemble)
                .toList();
    }

    /**
     * The regulator's desk: every complaint not yet decided in the officer's countries, the most urgent first (the
     * fewest days left before its next deadline).
     */
    @Transactional(readOnly = true)
    public List<Complaint> desk(CurrentUser actor) {
        List<String> countries = actor.memberships().stream()
                .filter(ComplaintRecords::isOfficer)
                .map(Membership::country)
                .distinct()
                .toList();
        if (countries.isEmpty()) {
            throw new BaobabException(ComplaintsErrorCode.NOT_COMPLAINTS_OFFICER);
        }
        List<Complaint> open = new ArrayList<>();
        for (String country : countries) {
            records.store().openIn(country).forEach(r -> open.add(records.assemble(r)));
        }
        open.sort(Comparator.comparingLong((Complaint c) -> {
                    Long left = c.daysLeft(records.today(c.country()));
                    return left == null ? Long.MAX_VALUE : left;
                })
                .thenComparing(Complaint::filedAt));
        return open;
    }

    // ---- public

    /** The public parts of a process's complaints, oldest first. */
    @Transactional(readOnly = true)
    public List<PublicComplaint> published(String ocid) {
        return records.store().byOcid(ocid).stream()
                .map(r -> PublicComplaint.of(records.assemble(r)))
                .toList();
    }

    /** The public parts of the latest complaints, newest first. */
    @Transactional(readOnly = true)
    public List<PublicComplaint> latest(int limit) {
        return records.store().latest(Math.max(1, Math.min(limit, 500))).stream()
                .map(r -> PublicComplaint.of(records.assemble(r)))
                .toList();
    }

    /**
     * Whether the regulator suspended the process (a suspension not lifted and no decision yet): its award and its
     * contract's signature must wait.
     */
    @Transactional(readOnly = true)
    public boolean suspended(String ocid) {
        return records.store().suspended(ocid);
    }

    /**
     * Whether a complaint about the process is still pending: filed and not answered while the authority may answer,
     * before the regulator and not decided, or answered (or deemed rejected) while the complainant may still go to the
     * regulator. The final award must wait for it.
     */
    @Transactional(readOnly = true)
    public boolean pending(String ocid) {
        for (Row r : records.store().byOcid(ocid)) {
            State state = State.valueOf(r.state());
            if (state.beforeRegulator()) {
                return true;
            }
            if (state.mayBeAnswered() && !records.pastAnswer(r)) {
                return true;
            }
            if (state.mayBeEscalated()
                    && !records.today(r.country()).isAfter(records.escalateBy(r).lastDay())) {
                return true;
            }
        }
        return false;
    }
}
