// SPDX-License-Identifier: Apache-2.0
package org.baobab.demo.internal;

import static org.baobab.demo.internal.DemoStories.MEMBERS;
import static org.baobab.demo.internal.DemoStories.PRM;
import static org.baobab.demo.internal.DemoStories.TERANGA;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.baobab.complaints.Complaint;
import org.baobab.complaints.Complaints;
import org.baobab.evaluation.CommitteeDecisions;
import org.baobab.evaluation.Declarations;
import org.baobab.evaluation.Evaluation;
import org.baobab.evaluation.EvaluationReports;
import org.baobab.evaluation.EvaluationSetup;
import org.baobab.evaluation.EvaluationStart;
import org.baobab.evaluation.Evaluations;
import org.baobab.evaluation.Marking;
import org.baobab.identity.Accounts;
import org.baobab.identity.CurrentUser;
import org.springframework.stereotype.Component;

/** The history's evaluation phase, and the complaint against a provisional award. */
@Component
class DemoEvaluation {

    private final Accounts accounts;
    private final Evaluations evaluations;
    private final EvaluationStart starts;
    private final Declarations declarations;
    private final Marking marking;
    private final CommitteeDecisions decisions;
    private final EvaluationReports reports;
    private final Complaints complaints;

    DemoEvaluation(
            Accounts accounts,
            Evaluations evaluations,
            EvaluationStart starts,
            Declarations declarations,
            Marking marking,
            CommitteeDecisions decisions,
            EvaluationReports reports,
            Complaints complaints) {
        this.accounts = accounts;
        this.evaluations = evaluations;
        this.starts = starts;
        this.declarations = declarations;
        this.marking = marking;
        this.decisions = decisions;
        this.reports = reports;
        this.complaints = complaints;
    }

    /** A member declares they have no conflict of interest. */
    void declare(String email, String ocid) {
        declarations.declare(user(email), ocid, false);
    }

    void startEvaluation(String ocid) {
        starts.start(
                user(PRM),
                ocid,
                new EvaluationSetup(
                        List.of(
                                new EvaluationSetup.TechnicalCriterion(
                                        "Délai de livraison de 60 jours au plus", false, null),
                                new EvaluationSetup.TechnicalCriterion(
                                        "Conformité aux spécifications techniques", false, null)),
                        null,
                        null,
                        null));
        declarations.declare(user(MEMBERS.get(0)), ocid, false);
    }

    /** A member marks every bid as compliant on every criterion, and submits if asked. */
    void marks(String ocid, String email, boolean submit) {
        CurrentUser member = user(email);
        Evaluation e = evaluations.evaluation(ocid).orElseThrow();
        for (Evaluation.Bidder b : e.bidders()) {
            Map<String, Marking.MarkInput> marks = new LinkedHashMap<>();
            e.criteria().forEach(c -> marks.put(c.code(), new Marking.MarkInput(true, null, "")));
            marking.mark(member, ocid, b.companyId(), marks);
        }
        if (submit) {
            marking.submit(member, ocid);
        }
    }

    /** The committee's evaluation to an approved report (member 3, absent at the opening, never declares). */
    void evaluateToReport(String ocid) {
        CurrentUser one = user(MEMBERS.get(0));
        CurrentUser two = user(MEMBERS.get(1));
        declarations.declare(two, ocid, false);
        marks(ocid, MEMBERS.get(0), true);
        marks(ocid, MEMBERS.get(1), true);
        decisions.settleAgreed(one, ocid);
        decisions.closeTechnical(one, ocid);
        reports.generate(one, ocid);
        reports.approve(one, ocid);
        reports.approve(two, ocid);
    }

    UUID complain(String ocid, Instant provisional) {
        CurrentUser complainant = user(TERANGA);
        UUID company = complainant.primaryMembership().orElseThrow().organisationId();
        return complaints.file(
                complainant,
                company,
                new Complaints.Filing(
                        ocid,
                        Complaint.ContestedKind.AWARD,
                        "Attribution provisoire du marché à Dakar Médical Équipements SARL",
                        complaints.today("SN").minusDays(1),
                        List.of(new Complaint.Objection(
                                "Références de l'attributaire",
                                "L'attributaire ne justifie pas de deux marchés d'imagerie médicale de montant"
                                        + " comparable au cours des trois dernières années, comme l'exige l'avis.")),
                        "Annuler l'attribution provisoire et reprendre l'évaluation des qualifications.",
                        List.of()));
    }

    private CurrentUser user(String email) {
        return accounts.currentUserByEmail(email).orElseThrow();
    }
}
