// SPDX-License-Identifier: Apache-2.0
package org.baobab.opendata;

import java.time.Instant;
import java.util.List;
import org.baobab.opendata.ocds.Address;
import org.baobab.opendata.ocds.Amendment;
import org.baobab.opendata.ocds.Budget;
import org.baobab.opendata.ocds.Classification;
import org.baobab.opendata.ocds.ContactPoint;
import org.baobab.opendata.ocds.Document;
import org.baobab.opendata.ocds.Identifier;
import org.baobab.opendata.ocds.Item;
import org.baobab.opendata.ocds.Lot;
import org.baobab.opendata.ocds.Milestone;
import org.baobab.opendata.ocds.Party;
import org.baobab.opendata.ocds.Period;
import org.baobab.opendata.ocds.Planning;
import org.baobab.opendata.ocds.Release;
import org.baobab.opendata.ocds.Tender;
import org.baobab.opendata.ocds.Unit;
import org.baobab.opendata.ocds.Value;

/** A contracting process as a producer module would publish it: planning, tender with lots, an amendment. */
final class OcdsSamples {

    private OcdsSamples() {}

    static final Party BUYER = new Party(
            "SN-NINEA-005012345",
            "Ministère de la Santé et de l'Action sociale",
            new Identifier("SN-NINEA", "005012345", "Ministère de la Santé et de l'Action sociale"),
            new Address("Fann Résidence, rue Aimé Césaire", "Dakar", "Dakar", "BP 4024", "Sénégal"),
            new ContactPoint("Personne responsable des marchés", "prm@sante.demo", "+221 33 869 42 42", null),
            List.of("buyer", "procuringEntity"));

    static Release planning(String ocid) {
        return Release.builder()
                .ocid(ocid)
                .tag("planning")
                .language("fr")
                .parties(BUYER)
                .buyer(BUYER.reference())
                .planning(new Planning(
                        "Renouvellement des équipements d'imagerie des hôpitaux régionaux",
                        new Budget(
                                "BGT-2026-041",
                                "Budget d'investissement 2026",
                                Value.of("450000000", "XOF"),
                                "Plateau technique",
                                "PT-2026",
                                null),
                        List.of(new Document(
                                "plan-2026",
                                "procurementPlan",
                                "Plan de passation des marchés 2026",
                                null,
                                "https://baobab.example/documents/plan-2026.pdf",
                                Instant.parse("2026-01-15T09:00:00Z"),
                                null,
                                "application/pdf",
                                "fr",
                                List.of())),
                        List.of()))
                .build();
    }

    static Tender.Builder tender() {
        return Tender.builder()
                .id("AOO-2026-041")
                .title("Fourniture d'équipements d'imagerie médicale")
                .description("Appel d'offres ouvert en deux lots")
                .status("active")
                .procuringEntity(BUYER.reference())
                .value(Value.of("420000000.00", "XOF"))
                .procurementMethod("open")
                .procurementMethodDetails("Appel d'offres ouvert")
                .mainProcurementCategory("goods")
                .awardCriteria("priceOnly")
                .submissionMethod("electronicSubmission")
                .tenderPeriod(
                        Period.between(Instant.parse("2026-03-01T08:00:00Z"), Instant.parse("2026-04-01T10:00:00Z")))
                .enquiryPeriod(
                        Period.between(Instant.parse("2026-03-01T08:00:00Z"), Instant.parse("2026-03-20T17:00:00Z")))
                .hasEnquiries(false)
                .eligibilityCriteria("Entreprises à jour de leurs obligations fiscales et sociales")
                .lots(
                        new Lot(
                                "1",
                                "Radiologie",
                                "Deux tables de radiologie numérique",
                                "active",
                                Value.of("250000000", "XOF")),
                        new Lot("2", "Échographie", "Cinq échographes", "active", Value.of("170000000", "XOF")))
                .items(
                        new Item(
                                "1",
                                "Table de radiologie numérique",
                                new Classification("CPV", "33111000", "Appareils de radiologie", null),
                                new java.math.BigDecimal("2"),
                                Unit.named("unité"),
                                "1"),
                        new Item(
                                "2",
                                "Échographe",
                                new Classification("CPV", "33112200", "Échographes", null),
                                new java.math.BigDecimal("5"),
                                Unit.named("unité"),
                                "2"))
                .documents(new Document(
                        "dao",
                        "biddingDocuments",
                        "Dossier d'appel d'offres",
                        null,
                        "https://baobab.example/documents/dao.pdf",
                        Instant.parse("2026-03-01T08:00:00Z"),
                        null,
                        "application/pdf",
                        "fr",
                        List.of("1", "2")))
                .milestones(new Milestone(
                        "opening",
                        "Ouverture des plis",
                        "engagement",
                        null,
                        Instant.parse("2026-04-01T10:30:00Z"),
                        "scheduled"));
    }

    static Release tender(String ocid) {
        return Release.builder()
                .ocid(ocid)
                .tag("tender")
                .language("fr")
                .parties(BUYER)
                .buyer(BUYER.reference())
                .tender(tender().build())
                .build();
    }

    static Release amendment(String ocid, String amendsReleaseId, String releaseId) {
        return Release.builder()
                .ocid(ocid)
                .id(releaseId)
                .tag("tenderAmendment")
                .language("fr")
                .parties(BUYER)
                .buyer(BUYER.reference())
                .tender(tender().tenderPeriod(Period.between(
                                Instant.parse("2026-03-01T08:00:00Z"), Instant.parse("2026-04-15T10:00:00Z")))
                        .amendments(new Amendment(
                                "additif-1",
                                Instant.parse("2026-03-10T12:00:00Z"),
                                "Report de la date limite à la demande de plusieurs soumissionnaires",
                                "La date limite de remise des offres est reportée au 15 avril 2026.",
                                amendsReleaseId,
                                releaseId))
                        .build())
                .build();
    }
}
