// SPDX-License-Identifier: Apache-2.0
package org.baobab.demo.internal;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.baobab.award.Awards;
import org.baobab.bidding.Bids;
import org.baobab.bidding.EnvelopeUpload;
import org.baobab.bidding.EnvelopeUploads;
import org.baobab.bidding.SealingSet;
import org.baobab.bidding.SealingSets;
import org.baobab.bidding.sealing.EnvelopeContext;
import org.baobab.bidding.sealing.KeyFile;
import org.baobab.bidding.sealing.Manifest;
import org.baobab.bidding.sealing.MemberKey;
import org.baobab.bidding.sealing.Sealer;
import org.baobab.bidding.sealing.ShareOpener;
import org.baobab.complaints.Complaint;
import org.baobab.complaints.Complaints;
import org.baobab.evaluation.Evaluation;
import org.baobab.evaluation.Evaluations;
import org.baobab.identity.Accounts;
import org.baobab.identity.CurrentUser;
import org.baobab.opening.OpeningMinutes;
import org.baobab.opening.OpeningSessions;
import org.baobab.rules.BuyerCategory;
import org.baobab.rules.Nature;
import org.baobab.shared.BaobabException;
import org.baobab.shared.SettableClock;
import org.baobab.shared.database.DemoMode;
import org.baobab.tendering.NoticeDraft;
import org.baobab.tendering.Notices;
import org.baobab.tendering.Tendering;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The demo portal's history: five processes of the demo health ministry, past their deadline, each left at a stage
 * of the lifecycle (docs/demo.md). Every step is a real command of the module that owns it — publication,
 * sealed bids, the opening with the demo committee's key files (two members of three; the third is absent), the
 * minutes, the evaluation, the award, the complaint — played in chronological order with the platform's clock stopped
 * at the instant the step would have happened, so that the bid periods, standstills and complaint windows are counted
 * by the rule pack as for real processes. The clock is released as soon as the history is written.
 *
 * <p>Runs once, in demo mode, after the demo accounts, profiles, committee keys and notices.
 */
@Component
@Order(70)
class DemoHistory implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoHistory.class);

    /** The passphrase of the public demo key files: the demo accounts' password. */
    private static final String PASSPHRASE = "Baobab-Demo-2026";

    private static final String BUYER = "acheteur@sante.demo";
    private static final String PRM = "prm@sante.demo";
    private static final List<String> MEMBERS =
            List.of("commission1@sante.demo", "commission2@sante.demo", "commission3@sante.demo");
    private static final String SAHEL = "offres@sahel-numerique.demo";
    private static final String TERANGA = "admin@teranga-bureautique.demo";
    private static final String DAKAR_MEDICAL = "admin@dakar-medical.demo";
    private static final String CRD = "crd@arcop.demo";

    /** The stage a demo process is left at. */
    enum Stage {
        OPENED,
        UNDER_EVALUATION,
        STANDSTILL,
        SUSPENDED,
        FINAL
    }

    /** A demo process: its notice, its bids (bidder, amount, rebate) and the stage it is left at. */
    record Story(
            String reference,
            String title,
            String description,
            Nature nature,
            String cpv,
            BigDecimal value,
            int deadlineDaysAgo,
            Stage stage,
            List<String[]> bids) {}

    static final List<Story> STORIES = List.of(
            new Story(
                    "MSAS-2026-AOO-101",
                    "Fourniture de réactifs et de consommables de laboratoire pour les hôpitaux régionaux",
                    "Réactifs d'hématologie et de biochimie, consommables de prélèvement, livrés aux laboratoires de"
                            + " six hôpitaux régionaux sur douze mois.",
                    Nature.GOODS,
                    "33696500",
                    new BigDecimal("95000000"),
                    2,
                    Stage.OPENED,
                    List.of(
                            new String[] {DAKAR_MEDICAL, "88400000", null},
                            new String[] {SAHEL, "91250000", "1,5 %"},
                            new String[] {TERANGA, "93800000", null})),
            new Story(
                    "MSAS-2026-AOO-102",
                    "Acquisition de mobilier de bureau pour les districts sanitaires",
                    "Bureaux, sièges, armoires et tables de réunion pour quatorze districts sanitaires.",
                    Nature.GOODS,
                    "39130000",
                    new BigDecimal("60000000"),
                    6,
                    Stage.UNDER_EVALUATION,
                    List.of(
                            new String[] {TERANGA, "54900000", null},
                            new String[] {SAHEL, "57300000", null},
                            new String[] {DAKAR_MEDICAL, "59800000", "2 %"})),
            new Story(
                    "MSAS-2026-AOO-103",
                    "Acquisition d'imprimantes et de photocopieurs pour l'administration centrale",
                    "Imprimantes réseau, photocopieurs multifonctions et trois ans de maintenance sur site.",
                    Nature.GOODS,
                    "30120000",
                    new BigDecimal("48000000"),
                    14,
                    Stage.STANDSTILL,
                    List.of(
                            new String[] {TERANGA, "43700000", null},
                            new String[] {SAHEL, "45100000", "2 %"},
                            new String[] {DAKAR_MEDICAL, "47600000", null})),
            new Story(
                    "MSAS-2026-AOO-104",
                    "Fourniture d'équipements d'imagerie médicale pour le centre hospitalier de Thiès",
                    "Un échographe, un appareil de radiographie numérique et leur installation, avec la formation"
                            + " des manipulateurs.",
                    Nature.GOODS,
                    "33110000",
                    new BigDecimal("210000000"),
                    18,
                    Stage.SUSPENDED,
                    List.of(new String[] {DAKAR_MEDICAL, "198500000", null}, new String[] {TERANGA, "204000000", "1 %"
                    })),
            new Story(
                    "MSAS-2026-AOO-105",
                    "Acquisition de tablettes pour le système d'information sanitaire communautaire",
                    "Tablettes durcies, housses et chargeurs solaires pour les agents de santé communautaire.",
                    Nature.GOODS,
                    "30213200",
                    new BigDecimal("36000000"),
                    55,
                    Stage.FINAL,
                    List.of(
                            new String[] {SAHEL, "33900000", null},
                            new String[] {TERANGA, "35200000", null},
                            new String[] {DAKAR_MEDICAL, "34950000", null})));

    private final DemoMode demoMode;
    private final Clock clock;
    private final Accounts accounts;
    private final Tendering tendering;
    private final Notices notices;
    private final SealingSets sealingSets;
    private final EnvelopeUploads uploads;
    private final Bids bids;
    private final OpeningSessions sessions;
    private final OpeningMinutes minutes;
    private final Evaluations evaluations;
    private final Awards awards;
    private final Complaints complaints;

    DemoHistory(
            DemoMode demoMode,
            Clock clock,
            Accounts accounts,
            Tendering tendering,
            Notices notices,
            SealingSets sealingSets,
            EnvelopeUploads uploads,
            Bids bids,
            OpeningSessions sessions,
            OpeningMinutes minutes,
            Evaluations evaluations,
            Awards awards,
            Complaints complaints) {
        this.demoMode = demoMode;
        this.clock = clock;
        this.accounts = accounts;
        this.tendering = tendering;
        this.notices = notices;
        this.sealingSets = sealingSets;
        this.uploads = uploads;
        this.bids = bids;
        this.sessions = sessions;
        this.minutes = minutes;
        this.evaluations = evaluations;
        this.awards = awards;
        this.complaints = complaints;
    }

    /** One step of the history, at the instant it happens. */
    private record Step(Instant at, String story, String what, Runnable action) {}

    @Override
    public void run(ApplicationArguments args) {
        if (!demoMode.enabled() || !(clock instanceof SettableClock settable)) {
            return;
        }
        if (!notices.withReference(STORIES.get(0).reference()).isEmpty()) {
            return;
        }
        if (accounts.currentUserByEmail(TERANGA).isEmpty()) {
            log.info("Demo history not played: this data folder predates its demo suppliers (start on a new one)");
            return;
        }
        Instant now = settable.instant().truncatedTo(ChronoUnit.HOURS);
        Map<String, String> ocids = new HashMap<>();
        List<Step> steps = new ArrayList<>();
        for (Story story : STORIES) {
            steps.addAll(steps(story, now, ocids));
        }
        steps.sort(Comparator.comparing(Step::at));
        java.util.Set<String> failed = new java.util.HashSet<>();
        try {
            for (Step step : steps) {
                if (failed.contains(step.story())) {
                    continue;
                }
                settable.stopAt(step.at());
                try {
                    step.action().run();
                } catch (BaobabException | IllegalStateException | java.util.NoSuchElementException e) {
                    // a data folder from an older version, say: leave that process where it stopped
                    failed.add(step.story());
                    log.warn("Demo history of {} stopped at \"{}\": {}", step.story(), step.what(), e.getMessage());
                }
            }
        } finally {
            settable.release();
            keys.clear();
        }
        log.info("Demo history played: {} processes after their deadline", STORIES.size() - failed.size());
    }

    private List<Step> steps(Story s, Instant now, Map<String, String> ocids) {
        Instant deadline = now.minus(Duration.ofDays(s.deadlineDaysAgo())).plus(Duration.ofHours(1));
        Instant published = deadline.minus(Duration.ofDays(35));
        Instant opening = deadline.plus(Duration.ofHours(1));
        String ref = s.reference();
        List<Step> steps = new ArrayList<>();
        steps.add(new Step(published, ref, "publication", () -> ocids.put(ref, publish(s, deadline))));
        for (int i = 0; i < s.bids().size(); i++) {
            String[] bid = s.bids().get(i);
            steps.add(new Step(
                    published.plus(Duration.ofDays(10 + 3L * i)).plus(Duration.ofHours(2)),
                    ref,
                    "bid of " + bid[0],
                    () -> bid(ocids.get(ref), bid[0], bid[1], bid[2])));
        }
        steps.add(new Step(deadline.plusSeconds(60), ref, "closing", tendering::closeDue));
        steps.add(new Step(opening, ref, "opening", () -> open(ocids.get(ref))));
        if (s.stage() == Stage.OPENED) {
            return steps;
        }
        Instant evaluation = opening.plus(Duration.ofDays(1));
        steps.add(new Step(evaluation, ref, "evaluation started", () -> startEvaluation(ocids.get(ref))));
        if (s.stage() == Stage.UNDER_EVALUATION) {
            steps.add(new Step(
                    evaluation.plus(Duration.ofHours(3)),
                    ref,
                    "first member's marks",
                    () -> marks(ocids.get(ref), MEMBERS.get(0), true)));
            steps.add(new Step(
                    evaluation.plus(Duration.ofHours(5)),
                    ref,
                    "second member's declaration",
                    () -> evaluations.declare(user(MEMBERS.get(1)), ocids.get(ref), false)));
            return steps;
        }
        steps.add(new Step(
                evaluation.plus(Duration.ofHours(3)),
                ref,
                "evaluation to the report",
                () -> evaluateToReport(ocids.get(ref))));
        Instant provisional = evaluation.plus(Duration.ofDays(s.stage() == Stage.FINAL ? 5 : 2));
        steps.add(new Step(
                provisional, ref, "provisional award", () -> awards.publishProvisional(user(PRM), ocids.get(ref))));
        if (s.stage() == Stage.SUSPENDED) {
            Map<String, UUID> complaint = new LinkedHashMap<>();
            steps.add(new Step(
                    provisional.plus(Duration.ofDays(1)),
                    ref,
                    "complaint",
                    () -> complaint.put("id", complain(ocids.get(ref), provisional))));
            steps.add(new Step(
                    provisional.plus(Duration.ofDays(2)),
                    ref,
                    "authority's answer",
                    () -> complaints.answer(
                            user(PRM),
                            complaint.get("id"),
                            "La commission a vérifié les références présentées par l'attributaire : elles portent"
                                    + " sur des équipements d'imagerie de même nature. Le recours est rejeté.")));
            steps.add(new Step(
                    provisional.plus(Duration.ofDays(3)),
                    ref,
                    "escalation",
                    () -> complaints.escalate(
                            user(TERANGA),
                            complaint.get("id"),
                            "La réponse de l'autorité ne discute pas l'attestation de service fait produite en"
                                    + " pièce 3 ; nous saisissons le CRD.")));
            steps.add(new Step(
                    provisional.plus(Duration.ofDays(4)),
                    ref,
                    "suspension",
                    () -> complaints.suspend(
                            user(CRD),
                            complaint.get("id"),
                            "Le CRD ordonne la suspension de la procédure jusqu'à sa décision au fond.")));
        }
        if (s.stage() == Stage.FINAL) {
            steps.add(new Step(
                    provisional.plus(Duration.ofDays(25)),
                    ref,
                    "final award",
                    () -> awards.finalise(user(PRM), ocids.get(ref))));
        }
        return steps;
    }

    private String publish(Story s, Instant deadline) {
        CurrentUser buyer = user(BUYER);
        UUID authority = buyer.primaryMembership().orElseThrow().organisationId();
        NoticeDraft notice = new NoticeDraft(
                s.reference(),
                s.title(),
                s.description(),
                "fr",
                new NoticeDraft.Classification(BuyerCategory.ALL, s.nature(), null, List.of(s.cpv())),
                new NoticeDraft.Procedure(
                        "AOO",
                        false,
                        "Entreprises régulièrement installées, à jour de leurs obligations fiscales et sociales.",
                        "Offre conforme évaluée la moins-disante ; délai de livraison de 60 jours au plus ; préférence"
                                + " communautaire UEMOA de 15 %.",
                        "priceOnly",
                        List.of()),
                new NoticeDraft.Value("XOF", s.value(), true, "2 % du montant de l'offre"),
                new NoticeDraft.Dates(
                        deadline.minus(Duration.ofDays(7)),
                        deadline,
                        deadline.plus(Duration.ofHours(1)),
                        "Salle de réunion, MSAS, Dakar"),
                new NoticeDraft.Contact("Cellule de passation des marchés", BUYER, "+221 33 800 00 00"),
                List.of());
        UUID id = tendering.createOutsidePlan(
                buyer, authority, "Besoin apparu après la publication du plan de passation.", notice);
        byte[] dao = ("%PDF-1.4\n% Baobab demo tender documents: " + s.reference() + "\n%%EOF\n")
                .getBytes(StandardCharsets.UTF_8);
        tendering.attachDocument(
                buyer,
                id,
                new ByteArrayInputStream(dao),
                s.reference() + "-DAO.pdf",
                "application/pdf",
                "Dossier d'appel d'offres",
                "biddingDocuments");
        tendering.publish(user(PRM), id);
        return tendering.forStaff(buyer, id).ocid();
    }

    private void bid(String ocid, String bidderEmail, String amount, @Nullable String rebate) {
        CurrentUser bidder = user(bidderEmail);
        SealingSet set = sealingSets.forProcess(ocid).orElseThrow();
        String form =
                "{\"declarations\":{\"honour\":true},\"form\":\"BBF1\",\"kind\":\"single\",\"lots\":[{\"amount\":\""
                        + amount + "\",\"currency\":\"XOF\",\"lot\":\"1\""
                        + (rebate == null ? "" : ",\"rebate\":\"" + rebate + "\"")
                        + "}],\"notes\":\"Délai de livraison : 45 jours.\",\"ocid\":\"" + ocid + "\"}";
        byte[] memo = ("Offre technique (démonstration) de " + bidder.organisationLabel() + "\n")
                .getBytes(StandardCharsets.UTF_8);
        EnvelopeContext context =
                new EnvelopeContext(UUID.randomUUID(), EnvelopeContext.Kind.SINGLE, List.of("1"), ocid);
        ByteArrayOutputStream ciphertext = new ByteArrayOutputStream();
        Manifest manifest = Sealer.seal(
                context,
                set.keys(),
                set.threshold(),
                form.getBytes(StandardCharsets.UTF_8),
                List.of(new org.baobab.bidding.sealing.Attachment(
                        "offre-technique.txt", "text/plain", memo.length, new ByteArrayInputStream(memo))),
                ciphertext,
                new SecureRandom());
        byte[] bytes = ciphertext.toByteArray();
        EnvelopeUpload upload = uploads.start(bidder, ocid, bytes.length, sha256(bytes));
        uploads.append(bidder, upload.id(), 0, new ByteArrayInputStream(bytes));
        bids.submit(bidder, upload.id(), manifest.toJson());
    }

    /** Members 1 and 2 open the envelopes with their key files (member 3 is absent) and approve the minutes. */
    private void open(String ocid) {
        CurrentUser first = user(MEMBERS.get(0));
        UUID session = sessions.start(first, ocid).id();
        SealingSet set = sealingSets.forProcess(ocid).orElseThrow();
        for (String email : MEMBERS.subList(0, 2)) {
            CurrentUser member = user(email);
            sessions.declare(member, session, false);
            MemberKey key = key(email);
            Map<UUID, byte[]> released = new LinkedHashMap<>();
            for (OpeningSessions.ToRelease r : sessions.toRelease(member, session)) {
                released.put(
                        r.envelopeId(), ShareOpener.releaseKey(Manifest.fromJson(r.manifest()), r.position(), key));
            }
            sessions.release(member, session, released);
        }
        // the state of the pieces: the notices ask no administrative document; the bid security is there
        for (org.baobab.opening.OpeningSession.Reading r :
                sessions.session(session).readings()) {
            minutes.recordPieces(
                    first,
                    session,
                    r.envelopeId(),
                    Map.of(),
                    new org.baobab.opening.Pieces.BidSecurity(true, null, null, "Banque de démonstration"));
        }
        minutes.recordRepresentatives(first, session, "Représentant de Sahel Numérique SARL (en ligne)");
        minutes.observe(
                first,
                session,
                "Plis reçus par voie électronique, intègres ; "
                        + set.members().size()
                        + " membres convoqués, deux présents. Aucune réserve des membres présents.");
        for (String email : MEMBERS.subList(0, 2)) {
            minutes.approve(user(email), session);
        }
    }

    private void startEvaluation(String ocid) {
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
    private void marks(String ocid, String email, boolean submit) {
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
    private void evaluateToReport(String ocid) {
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

    private UUID complain(String ocid, Instant provisional) {
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

    /** The demo members' keys, each opened once per run (the key files' PBKDF2 is slow on purpose). */
    private final Map<String, MemberKey> keys = new HashMap<>();

    private MemberKey key(String email) {
        return keys.computeIfAbsent(email, DemoHistory::openKeyFile);
    }

    private static MemberKey openKeyFile(String email) {
        String path = "/demo/committee-keys/" + email + ".bkf.json";
        try (InputStream in = DemoHistory.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("No demo key file for " + email);
            }
            return KeyFile.fromJson(new String(in.readAllBytes(), StandardCharsets.UTF_8))
                    .open(PASSPHRASE.toCharArray());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
