// SPDX-License-Identifier: Apache-2.0
package org.baobab.tendering.internal;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.baobab.identity.Accounts;
import org.baobab.identity.CurrentUser;
import org.baobab.planning.PlanLine;
import org.baobab.planning.Plans;
import org.baobab.rules.BuyerCategory;
import org.baobab.rules.Nature;
import org.baobab.shared.BaobabException;
import org.baobab.shared.database.DemoMode;
import org.baobab.tendering.NoticeDraft;
import org.baobab.tendering.Tendering;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The demonstration notices (demo mode only), created once through the same commands as real users so that the
 * journal and the open data hold them too, launched from the lines of the demo plans where the plan has them (two
 * outside the plan, with a reason): open notices in Senegal and Cameroon, one closing soon, one with an
 * addendum, answered questions, one closed, one cancelled, one waiting for prior review and one draft; in French,
 * with some English.
 */
@Component
@Order(30)
class DemoNotices implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoNotices.class);

    private final DemoMode demoMode;
    private final Tendering tendering;
    private final Plans plans;
    private final Accounts accounts;
    private final ProcessStore store;
    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final Clock clock;

    DemoNotices(
            DemoMode demoMode,
            Tendering tendering,
            Plans plans,
            Accounts accounts,
            ProcessStore store,
            JdbcClient jdbc,
            TransactionTemplate transactions,
            Clock clock) {
        this.demoMode = demoMode;
        this.tendering = tendering;
        this.plans = plans;
        this.accounts = accounts;
        this.store = store;
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.clock = clock;
    }

    /** What happens to a demo notice after its creation. */
    enum Fate {
        DRAFT,
        IN_REVIEW,
        OPEN,
        OPEN_WITH_ADDENDUM,
        OPEN_WITH_QUESTION,
        CLOSED,
        CANCELLED
    }

    record Demo(
            String buyer,
            String prm,
            String reference,
            String title,
            String description,
            Nature nature,
            @Nullable String scope,
            String procedure,
            String language,
            BigDecimal value,
            int deadlineInDays,
            List<String> lots,
            Fate fate) {}

    static final String SN_BUYER = "acheteur@sante.demo";
    static final String SN_PRM = "prm@sante.demo";
    static final String CM = "acheteur@mintp.demo";

    static final List<Demo> NOTICES = List.of(
            new Demo(
                    SN_BUYER,
                    SN_PRM,
                    "MSAS-2026-AOO-014",
                    "Acquisition d'équipements informatiques pour les districts sanitaires",
                    "Fourniture, installation et mise en service d'ordinateurs, d'imprimantes et d'onduleurs pour 79"
                            + " districts sanitaires, avec formation des utilisateurs et garantie de deux ans.",
                    Nature.GOODS,
                    null,
                    "AOO",
                    "fr",
                    new BigDecimal("420000000"),
                    38,
                    List.of("Ordinateurs portables et de bureau", "Imprimantes et onduleurs"),
                    Fate.OPEN_WITH_QUESTION),
            new Demo(
                    SN_BUYER,
                    SN_PRM,
                    "MSAS-2026-AOO-009",
                    "Travaux de construction du centre de santé de Saraya (Kédougou)",
                    "Construction d'un centre de santé de type II : bâtiment de consultation, maternité, logement du"
                            + " major, forage et clôture.",
                    Nature.WORKS,
                    null,
                    "AOO",
                    "fr",
                    new BigDecimal("1250000000"),
                    30,
                    List.of(),
                    Fate.OPEN_WITH_ADDENDUM),
            new Demo(
                    SN_BUYER,
                    SN_PRM,
                    "MSAS-2026-AOO-011",
                    "Fourniture de médicaments essentiels et de consommables",
                    "Médicaments essentiels génériques et consommables médicaux pour les hôpitaux régionaux,"
                            + " livrés à la Pharmacie nationale d'approvisionnement.",
                    Nature.GOODS,
                    null,
                    "AOO",
                    "fr",
                    new BigDecimal("860000000"),
                    2,
                    List.of("Médicaments essentiels", "Consommables médicaux"),
                    Fate.OPEN),
            new Demo(
                    SN_BUYER,
                    SN_PRM,
                    "MSAS-2026-DRP-021",
                    "Services de nettoyage et d'hygiène des hôpitaux régionaux",
                    "Nettoyage quotidien, désinfection et gestion des déchets biomédicaux de quatre hôpitaux"
                            + " régionaux pendant douze mois.",
                    Nature.SERVICES,
                    null,
                    "DRP_OUVERTE",
                    "fr",
                    new BigDecimal("48000000"),
                    21,
                    List.of(),
                    Fate.OPEN),
            new Demo(
                    SN_BUYER,
                    SN_PRM,
                    "MSAS-2026-PI-004",
                    "Feasibility study for a hospital information system",
                    "Consulting services to assess needs, options and costs of an integrated hospital information"
                            + " system for the national referral hospitals.",
                    Nature.CONSULTING,
                    null,
                    "PI_AMI",
                    "en",
                    new BigDecimal("95000000"),
                    25,
                    List.of(),
                    Fate.OPEN),
            new Demo(
                    SN_BUYER,
                    SN_PRM,
                    "MSAS-2026-AOO-003",
                    "Fourniture de véhicules de supervision",
                    "Douze véhicules tout-terrain pour la supervision des programmes de santé communautaire.",
                    Nature.GOODS,
                    null,
                    "AOO",
                    "fr",
                    new BigDecimal("540000000"),
                    20,
                    List.of(),
                    Fate.CLOSED),
            new Demo(
                    SN_BUYER,
                    SN_PRM,
                    "MSAS-2026-AOO-006",
                    "Réhabilitation des logements du personnel de santé",
                    "Réfection de vingt logements de fonction à Tambacounda.",
                    Nature.WORKS,
                    null,
                    "AOO",
                    "fr",
                    new BigDecimal("310000000"),
                    30,
                    List.of(),
                    Fate.CANCELLED),
            new Demo(
                    SN_BUYER,
                    SN_PRM,
                    "MSAS-2026-DRP-030",
                    "Maintenance des groupes électrogènes des hôpitaux",
                    "Contrat de maintenance préventive et curative de trente groupes électrogènes.",
                    Nature.SERVICES,
                    null,
                    "DRP_RESTREINTE",
                    "fr",
                    new BigDecimal("36000000"),
                    30,
                    List.of(),
                    Fate.IN_REVIEW),
            new Demo(
                    SN_BUYER,
                    SN_PRM,
                    "MSAS-2026-AOO-031",
                    "Acquisition de matériel de laboratoire",
                    "Centrifugeuses, microscopes et réfrigérateurs pour les laboratoires de district.",
                    Nature.GOODS,
                    null,
                    "AOO",
                    "fr",
                    new BigDecimal("180000000"),
                    40,
                    List.of(),
                    Fate.DRAFT),
            new Demo(
                    CM,
                    CM,
                    "MINTP-2026-AOO-112",
                    "Travaux d'entretien routier de la route Yaoundé–Bafoussam",
                    "Entretien périodique de 120 km de route bitumée : reprise des nids-de-poule, signalisation et"
                            + " assainissement.",
                    Nature.WORKS,
                    "ROAD_WORKS",
                    "AOO",
                    "fr",
                    new BigDecimal("3200000000"),
                    35,
                    List.of("Section Yaoundé–Obala", "Section Obala–Bafoussam"),
                    Fate.OPEN_WITH_QUESTION),
            new Demo(
                    CM,
                    CM,
                    "MINTP-2026-AOO-118",
                    "Supply of road signs for the North-West region",
                    "Supply and installation of vertical road signs on national roads N6 and N11.",
                    Nature.GOODS,
                    null,
                    "AOO",
                    "en",
                    new BigDecimal("240000000"),
                    28,
                    List.of(),
                    Fate.OPEN),
            new Demo(
                    CM,
                    CM,
                    "MINTP-2026-AOO-097",
                    "Construction d'un pont sur le Nyong à Mbalmayo",
                    "Ouvrage d'art de 80 m en béton précontraint et voies d'accès.",
                    Nature.WORKS,
                    "OTHER_INFRASTRUCTURE",
                    "AOO",
                    "fr",
                    new BigDecimal("900000000"),
                    30,
                    List.of(),
                    Fate.CLOSED));

    /** What each demo notice buys, in CPV. */
    static final Map<String, List<String>> CPV = Map.ofEntries(
            Map.entry("MSAS-2026-AOO-014", List.of("30213000", "30213100", "30232110")),
            Map.entry("MSAS-2026-AOO-009", List.of("45215100")),
            Map.entry("MSAS-2026-AOO-011", List.of("33600000", "33141000")),
            Map.entry("MSAS-2026-DRP-021", List.of("90910000", "90911200")),
            Map.entry("MSAS-2026-PI-004", List.of("72220000", "71241000")),
            Map.entry("MSAS-2026-AOO-003", List.of("34113000")),
            Map.entry("MSAS-2026-AOO-006", List.of("45453000", "45211000")),
            Map.entry("MSAS-2026-DRP-030", List.of("50532300")),
            Map.entry("MSAS-2026-AOO-031", List.of("38000000", "39711130")),
            Map.entry("MINTP-2026-AOO-112", List.of("45233141")),
            Map.entry("MINTP-2026-AOO-118", List.of("34992200")),
            Map.entry("MINTP-2026-AOO-097", List.of("45221111")));

    @Override
    public void run(ApplicationArguments args) {
        if (!demoMode.enabled()) {
            return;
        }
        Long existing = jdbc.sql("select count(*) from tendering_process where reference like 'MSAS-2026-%'")
                .query(Long.class)
                .single();
        if (existing > 0) {
            return;
        }
        for (Demo demo : NOTICES) {
            try {
                transactions.executeWithoutResult(status -> create(demo));
            } catch (BaobabException | java.util.NoSuchElementException e) {
                // e.g. a data folder from an older version whose demo accounts lack a role: skip that notice
                log.warn("Demo notice {} not created: {}", demo.reference(), e.getMessage());
            }
        }
        log.info("Demo notices created: {}", NOTICES.size());
    }

    private void create(Demo demo) {
        CurrentUser buyer = user(demo.buyer());
        CurrentUser prm = user(demo.prm());
        UUID authority = buyer.primaryMembership().orElseThrow().organisationId();
        String country = buyer.primaryMembership().orElseThrow().country();
        Instant now = clock.instant();
        Instant deadline =
                now.plus(Duration.ofDays(demo.deadlineInDays())).truncatedTo(java.time.temporal.ChronoUnit.HOURS);
        List<NoticeDraft.Lot> lots = demo.lots().stream()
                .map(title -> new NoticeDraft.Lot(0, title, "", null, ""))
                .toList();
        NoticeDraft notice = new NoticeDraft(
                demo.reference(),
                demo.title(),
                demo.description(),
                demo.language(),
                new NoticeDraft.Classification(
                        BuyerCategory.ALL, demo.nature(), demo.scope(), CPV.getOrDefault(demo.reference(), List.of())),
                new NoticeDraft.Procedure(
                        demo.procedure(),
                        false,
                        demo.language().equals("en")
                                ? "Firms legally established and up to date with their tax and social obligations."
                                : "Entreprises régulièrement installées, à jour de leurs obligations fiscales et sociales.",
                        demo.language().equals("en")
                                ? "Lowest evaluated compliant bid."
                                : "Offre conforme évaluée la moins-disante.",
                        "priceOnly",
                        country.equals("CM")
                                ? List.of("CNPS", "NON_FAILLITE")
                                : List.of("NINEA", "RCCM", "ATTESTATION_FISCALE")),
                new NoticeDraft.Value(
                        country.equals("CM") ? "XAF" : "XOF",
                        demo.value(),
                        true,
                        demo.nature() == Nature.CONSULTING ? "" : "2 % du montant de l'offre"),
                new NoticeDraft.Dates(
                        deadline.minus(Duration.ofDays(Math.min(7, Math.max(1, demo.deadlineInDays() / 3)))),
                        deadline,
                        deadline.plus(Duration.ofHours(1)),
                        country.equals("CM")
                                ? "Salle des commissions, MINTP, Yaoundé"
                                : "Salle de réunion, MSAS, Dakar"),
                new NoticeDraft.Contact(
                        country.equals("CM") ? "Service des marchés" : "Cellule de passation des marchés",
                        demo.buyer(),
                        country.equals("CM") ? "+237 222 00 00 00" : "+221 33 800 00 00"),
                lots);
        Optional<PlanLine> planned =
                plans.latestPublished(country, now.atZone(ZoneOffset.UTC).getYear(), authority).stream()
                        .flatMap(p -> p.lines().stream())
                        .filter(l -> l.reference().equals(demo.reference()) && !l.launched())
                        .findFirst();
        UUID id = planned.isPresent()
                ? tendering.createFromPlanLine(buyer, authority, planned.get().id(), notice)
                : tendering.createOutsidePlan(
                        buyer,
                        authority,
                        demo.language().equals("en")
                                ? "Urgent need identified after the plan was published."
                                : "Besoin apparu après la publication du plan de passation.",
                        notice);
        if (demo.fate() != Fate.DRAFT && demo.fate() != Fate.IN_REVIEW) {
            byte[] dao = ("%PDF-1.4\n% Baobab demo tender documents: " + demo.reference() + "\n%%EOF\n")
                    .getBytes(StandardCharsets.UTF_8);
            tendering.attachDocument(
                    buyer,
                    id,
                    new ByteArrayInputStream(dao),
                    demo.reference() + "-DAO.pdf",
                    "application/pdf",
                    demo.language().equals("en") ? "Bidding documents" : "Dossier d'appel d'offres",
                    "biddingDocuments");
        }
        switch (demo.fate()) {
            case DRAFT -> {}
            case IN_REVIEW -> tendering.submitForReview(buyer, id);
            case OPEN -> tendering.publish(prm, id);
            case OPEN_WITH_ADDENDUM -> {
                tendering.publish(prm, id);
                tendering.publishAddendum(
                        prm,
                        id,
                        new Tendering.AddendumRequest(
                                "Report de la date limite de dix jours à la demande des soumissionnaires ; le plan du"
                                        + " site est joint au dossier.",
                                deadline.plus(Duration.ofDays(10)),
                                null,
                                null,
                                null,
                                null,
                                null));
            }
            case OPEN_WITH_QUESTION -> {
                tendering.publish(prm, id);
                String ocid = store.row(id).orElseThrow().ocid();
                UUID question = tendering.ask(
                        user("offres@sahel-numerique.demo"),
                        ocid,
                        "Les offres partielles (un seul lot) sont-elles acceptées ?");
                tendering.answer(
                        buyer,
                        id,
                        question,
                        "Oui : chaque lot est attribué séparément ; une entreprise peut"
                                + " soumissionner pour un ou plusieurs lots.");
            }
            case CLOSED -> {
                tendering.publish(prm, id);
                // Demo only: the notice's deadline is moved into the past, as if its bid period had run, then the
                // deadline job closes it the way it closes real ones.
                jdbc.sql("update tendering_process set submission_deadline = :d, opening_at = :o,"
                                + " clarification_deadline = :c where id = :id")
                        .param("d", java.sql.Timestamp.from(now.minus(Duration.ofDays(3))))
                        .param(
                                "o",
                                java.sql.Timestamp.from(
                                        now.minus(Duration.ofDays(3)).plus(Duration.ofHours(1))))
                        .param("c", java.sql.Timestamp.from(now.minus(Duration.ofDays(10))))
                        .param("id", id)
                        .update();
                tendering.closeDue();
            }
            case CANCELLED -> {
                tendering.publish(prm, id);
                tendering.cancel(prm, id, "Procédure déclarée sans suite : le financement a été réaffecté.");
            }
        }
    }

    private CurrentUser user(String email) {
        return accounts.currentUserByEmail(email).orElseThrow();
    }
}
