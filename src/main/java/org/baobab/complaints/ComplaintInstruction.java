// SPDX-License-Identifier: Apache-2.0
package org.baobab.complaints;

import static org.baobab.complaints.ComplaintRecords.MAX_TEXT;
import static org.baobab.complaints.ComplaintRecords.require;
import static org.baobab.complaints.ComplaintRecords.required;

import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.baobab.complaints.Complaint.Party;
import org.baobab.complaints.Complaint.Stage;
import org.baobab.complaints.Complaint.State;
import org.baobab.complaints.internal.ComplaintStore.Row;
import org.baobab.identity.CurrentUser;
import org.baobab.rules.Deadline;
import org.baobab.shared.BaobabException;
import org.baobab.shared.Role;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** The complaint's instruction: the authority's answer and the exchanges between the parties until the decision. */
@Component
class ComplaintInstruction {

    private final ComplaintRecords records;
    private final Clock clock;

    ComplaintInstruction(ComplaintRecords records, Clock clock) {
        this.records = records;
        this.clock = clock;
    }

    /** See {@link Complaints#answer}. */
    @Transactional
    public void answer(CurrentUser actor, UUID complaintId, String answer) {
        Row row = records.lock(complaintId);
        if (!actor.hasRoleIn(row.authorityId(), Role.PRM)) {
            throw new BaobabException(ComplaintsErrorCode.NOT_AUTHORITY);
        }
        String text = required(answer, MAX_TEXT);
        require(State.valueOf(row.state()).mayBeAnswered());
        Deadline answerBy = records.answerBy(row);
        LocalDate today = records.today(row.country());
        boolean late = today.isAfter(answerBy.lastDay());
        if (late && answerBy.enforceable()) {
            throw new BaobabException(ComplaintsErrorCode.ANSWER_CLOSED, answerBy.lastDay());
        }
        records.store().answer(complaintId, text, clock.instant(), actor.email(), late);
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("ocid", row.ocid());
        payload.put("late", late);
        records.journal(actor, row.authorityName(), "complaints.answered", complaintId, payload);
    }

    /** See {@link Complaints#post}. */
    @Transactional
    public void post(CurrentUser actor, UUID complaintId, String message) {
        Row row = records.lock(complaintId);
        Party party = ComplaintRecords.party(actor, row);
        if (party == null || (party == Party.REGULATOR && Stage.AUTHORITY.name().equals(row.stage()))) {
            throw new BaobabException(ComplaintsErrorCode.NOT_PARTY);
        }
        String text = required(message, MAX_TEXT);
        require(State.valueOf(row.state()).open());
        records.store().insertExchange(complaintId, party.name(), actor.fullName(), text, clock.instant());
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("ocid", row.ocid());
        payload.put("party", party.name());
        records.journal(actor, actor.organisationLabel(), "complaints.message", complaintId, payload);
    }
}
