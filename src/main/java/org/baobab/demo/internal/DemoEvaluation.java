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
import org.baobab.evaluation.Evaluation;
import org.baobab.evaluation.Evaluations;
import org.baobab.identity.Accounts;
import org.baobab.identity.CurrentUser;

/** The history's evaluation phase, and the complaint against a provisional award. */
final class DemoEvaluation {

    private final Accounts accounts;
    private final Evaluations evaluations;
    private final Complaints complaints;

    DemoEvaluation(Accounts accounts, Evaluations evaluations, Complaints complaints) {
        this.accounts = accounts;
        this.evaluations = evaluations;
        this.complaints = complaints;
    }

    void startEvaluation(String ocid) {
        evaluations.start(
                user(PRM),
                ocid,
                new Evaluations.Setup(
                        List.of(
                                new Evaluations.TechnicalCriterion(
                                        "Délai de livraison de 60 jours au plus", false, null),
                                new Evaluations.TechnicalCriterion(
                                        "Conformité aux spécifications techniques", false, null)),
                        null,
                        null,
                        null));
        evaluations.declare(user(MEMBERS.get(0)), ocid, false);
    }

    /** A member marks every bid as compliant on every criterion, and submits if asked. */
    void marks(String ocid, String email, boolean submit) {
        CurrentUser member = user(email);
        Evaluation e = evaluations.evaluation(ocid).orElseThrow();
        for (Evaluation.Bidder b : e.bidders()) {
            Map<String, Evaluations.MarkInput> marks = new LinkedHashMap<>();
            e.criteria().forEach(c -> marks.put(c.code(), new Evaluations.MarkInput(true, null, "")));
            evaluations.mark(member, ocid, b.companyId(), marks);
        }
        if (submit) {
            evaluations.submit(member, ocid);
        }
    }

    /** The committee's evaluation to an approved report (member 3, absent at the opening, never declares). */
    void evaluateToReport(String ocid) {
        CurrentUser one = user(MEMBERS.get(0));
        CurrentUser two = user(MEMBERS.get(1));
        evaluations.declare(two, ocid, false);
        marks(ocid, MEMBERS.get(0), true);
        marks(ocid, MEMBERS.get(1), true);
        evaluations.settleAgreed(one, ocid);
        evaluations.closeTechnical(one, ocid);
        evaluations.generate(one, ocid);
        evaluations.approve(one, ocid);
        evaluations.approve(two, ocid);
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
