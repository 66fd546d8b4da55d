// SPDX-License-Identifier: Apache-2.0
package org.baobab.complaints;

import static org.baobab.complaints.ComplaintRecords.MAX_SHORT;
import static org.baobab.complaints.ComplaintRecords.MAX_TEXT;
import static org.baobab.complaints.ComplaintRecords.required;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;
import org.baobab.complaints.Complaint.ContestedKind;
import org.baobab.complaints.Complaint.Evidence;
import org.baobab.complaints.Complaint.Objection;
import org.baobab.complaints.Complaint.Party;
import org.baobab.complaints.Complaint.Stage;
import org.baobab.complaints.Complaint.State;
import org.baobab.complaints.Complaints.Filing;
import org.baobab.complaints.internal.ComplaintStore.Row;
import org.baobab.documents.Documents;
import org.baobab.documents.StoredDocument;
import org.baobab.identity.CurrentUser;
import org.baobab.identity.CurrentUser.Membership;
import org.baobab.rules.Deadline;
import org.baobab.shared.BaobabException;
import org.baobab.shared.OrganisationKind;
import org.baobab.tendering.Notices;
import org.baobab.tendering.ProcessView;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** The complainant's steps: filing with the authority, then going to the regulator. */
@Component
class ComplaintFiling {

    static final int MAX_OBJECTIONS = 20;
    static final int MAX_EVIDENCE = 20;
    private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");

    private final ComplaintRecords records;
    private final Notices notices;
    private final Documents documents;
    private final Clock clock;

    ComplaintFiling(ComplaintRecords records, Notices notices, Documents documents, Clock clock) {
        this.records = records;
        this.notices = notices;
        this.documents = documents;
        this.clock = clock;
    }

    /** See {@link Complaints#file}. */
    @Transactional
    public UUID file(CurrentUser actor, UUID companyId, Filing filing) {
        Membership company = ComplaintRecords.complainant(actor, companyId)
                .filter(m -> m.kind() == OrganisationKind.SUPPLIER)
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
        LocalDate today = records.today(country);
        LocalDate actDay = actDay(filing, publicationDay(process), today);
        Deadline fileBy = records.fileBy(country, actDay);
        if (today.isAfter(fileBy.lastDay()) && fileBy.enforceable()) {
            throw new BaobabException(ComplaintsErrorCode.FILING_CLOSED, fileBy.lastDay());
        }
        Deadline answerBy = records.lastDay(country, Complaints.ANSWER, today);
        UUID id = UUID.randomUUID();
        records.store()
                .insert(
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
                                clock.instant(),
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
            records.store()
                    .insertObjection(
                            id,
                            i + 1,
                            objections.get(i).title(),
                            objections.get(i).description());
        }
        for (int i = 0; i < evidence.size(); i++) {
            records.store()
                    .insertEvidence(
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
        records.journal(actor, company.organisationName(), "complaints.filed", id, payload);
        return id;
    }

    /** See {@link Complaints#escalate}. */
    @Transactional
    public void escalate(CurrentUser actor, UUID complaintId, String grounds) {
        Row row = records.lock(complaintId);
        Membership company = ComplaintRecords.complainant(actor, row.complainantId())
                .orElseThrow(() -> new BaobabException(ComplaintsErrorCode.NOT_COMPLAINANT));
        String text = required(grounds, MAX_TEXT);
        Complaint c = records.assemble(row);
        LocalDate today = records.today(row.country());
        if (c.state() == State.FILED && !c.noAnswerInTime(today)) {
            throw new BaobabException(
                    ComplaintsErrorCode.TOO_EARLY_TO_ESCALATE, c.answerBy().lastDay());
        }
        ComplaintRecords.require(c.state().mayBeEscalated());
        Deadline escalateBy = records.escalateBy(row);
        if (today.isAfter(escalateBy.lastDay()) && escalateBy.enforceable()) {
            throw new BaobabException(ComplaintsErrorCode.ESCALATION_CLOSED, escalateBy.lastDay());
        }
        Deadline decideBy = records.lastDay(row.country(), Complaints.DECIDE, today);
        Instant now = clock.instant();
        records.store().escalate(complaintId, now, decideBy.lastDay());
        records.store().insertExchange(complaintId, Party.COMPLAINANT.name(), actor.fullName(), text, now);
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("ocid", row.ocid());
        payload.put("answered", row.answeredAt() != null);
        payload.put("late", today.isAfter(escalateBy.lastDay()));
        payload.put("decideBy", decideBy.lastDay().toString());
        records.journal(actor, company.organisationName(), "complaints.escalated", complaintId, payload);
    }

    /** The process's publication day, in its country's time zone. */
    LocalDate publicationDay(ProcessView process) {
        Instant at = process.publishedAt();
        return at == null ? records.today(process.country()) : records.day(process.country(), at);
    }

    /** The day of the act contested: the notice's publication, or a day between it and today. */
    private static LocalDate actDay(Filing filing, LocalDate published, LocalDate today) {
        if (filing.contested() == ContestedKind.NOTICE) {
            return published;
        }
        LocalDate actDay = filing.contestedOn();
        if (actDay == null || actDay.isAfter(today) || actDay.isBefore(published)) {
            throw new BaobabException(ComplaintsErrorCode.BAD_ACT_DATE);
        }
        return actDay;
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
}
