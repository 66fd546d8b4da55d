// SPDX-License-Identifier: Apache-2.0
package org.baobab.complaints;

import static org.baobab.complaints.ComplaintRecords.MAX_TEXT;
import static org.baobab.complaints.ComplaintRecords.require;
import static org.baobab.complaints.ComplaintRecords.required;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.baobab.complaints.Complaint.Outcome;
import org.baobab.complaints.Complaint.State;
import org.baobab.complaints.internal.ComplaintStore.Row;
import org.baobab.identity.CurrentUser;
import org.baobab.identity.CurrentUser.Membership;
import org.baobab.shared.BaobabException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** The regulator's steps once it has the complaint: suspending the procedure, lifting the suspension, deciding. */
@Component
class ComplaintDecision {

    private final ComplaintRecords records;
    private final Clock clock;

    ComplaintDecision(ComplaintRecords records, Clock clock) {
        this.records = records;
        this.clock = clock;
    }

    /** See {@link Complaints#suspend}. */
    @Transactional
    public void suspend(CurrentUser actor, UUID complaintId, String reason) {
        Row row = records.lock(complaintId);
        Membership officer = ComplaintRecords.officer(actor, row.country());
        String text = required(reason, MAX_TEXT);
        require(State.valueOf(row.state()).beforeRegulator());
        if (records.store().suspensions(complaintId).stream().anyMatch(s -> s.liftedAt() == null)) {
            throw new BaobabException(ComplaintsErrorCode.ALREADY_SUSPENDED);
        }
        records.store().suspend(complaintId, row.ocid(), text, clock.instant(), actor.email());
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("ocid", row.ocid());
        payload.put("reason", text);
        records.journal(actor, officer.organisationName(), "complaints.suspended", complaintId, payload);
    }

    /** See {@link Complaints#lift}. */
    @Transactional
    public void lift(CurrentUser actor, UUID complaintId) {
        Row row = records.lock(complaintId);
        Membership officer = ComplaintRecords.officer(actor, row.country());
        if (!records.store().lift(complaintId, clock.instant(), actor.email())) {
            throw new BaobabException(ComplaintsErrorCode.NOT_SUSPENDED);
        }
        records.journal(
                actor,
                officer.organisationName(),
                "complaints.suspension-lifted",
                complaintId,
                Map.of("ocid", row.ocid()));
    }

    /** See {@link Complaints#decide}. */
    @Transactional
    public void decide(CurrentUser actor, UUID complaintId, Outcome outcome, String reasons) {
        Row row = records.lock(complaintId);
        Membership officer = ComplaintRecords.officer(actor, row.country());
        String text = required(reasons, MAX_TEXT);
        require(State.valueOf(row.state()).beforeRegulator());
        Instant now = clock.instant();
        boolean lifted = records.store().lift(complaintId, now, actor.email());
        records.store().decide(complaintId, outcome.name(), text, now, actor.email());
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("ocid", row.ocid());
        payload.put("outcome", outcome.name());
        payload.put("suspensionLifted", lifted);
        records.journal(actor, officer.organisationName(), "complaints.decided", complaintId, payload);
    }
}
