// SPDX-License-Identifier: Apache-2.0
package org.baobab.tendering;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.baobab.IntegrationTest;
import org.baobab.documents.Samples;
import org.baobab.identity.CurrentUser;
import org.baobab.rules.Nature;
import org.baobab.shared.BaobabException;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The life of a procurement process through the service, on real PostgreSQL: creation outside the plan, editing with
 * optimistic locking, documents, prior review, publication, addenda, questions, closing and cancellation; who may do
 * what; and that every change leaves an audit entry.
 */
@IntegrationTest
class TenderingWorkflowTests {

    private final Tendering tendering;
    private final Notices notices;
    private final TenderingFixtures fixtures;
    private final JdbcClient jdbc;

    TenderingWorkflowTests(Tendering tendering, Notices notices, TenderingFixtures fixtures, JdbcClient jdbc) {
        this.tendering = tendering;
        this.notices = notices;
        this.fixtures = fixtures;
        this.jdbc = jdbc;
    }

    private UUID draft(String title) {
        CurrentUser buyer = fixtures.user(TenderingFixtures.BUYER);
        return tendering.createOutsidePlan(
                buyer,
                fixtures.organisationOf(TenderingFixtures.BUYER),
                "Besoin urgent apparu en cours d'exercice",
                fixtures.notice("SN", title));
    }

    private long journalEntries(String ocid, String action) {
        return jdbc.sql("select count(*) from audit_entry where subject_id = :ocid and action = :action")
                .param("ocid", ocid)
                .param("action", action)
                .query(Long.class)
                .single();
    }

    @Test
    void aDraftIsPrivateUntilThePrmPublishesIt() {
        UUID id = draft("Équipements informatiques pour les districts sanitaires " + UUID.randomUUID());
        CurrentUser buyer = fixtures.user(TenderingFixtures.BUYER);
        CurrentUser prm = fixtures.user(TenderingFixtures.PRM);
        ProcessView process = tendering.forStaff(buyer, id);
        assertThat(process.status()).isEqualTo(ProcessStatus.DRAFT);
        assertThat(process.ocid()).matches("ocds-baobab-SN-\\d{4}-\\d{5}");
        assertThat(process.procurementMethod()).isEqualTo("open");
        assertThat(process.notice().lots()).extracting(NoticeDraft.Lot::number).containsExactly(1, 2);
        assertThat(notices.notice(process.ocid())).isEmpty();
        assertThat(journalEntries(process.ocid(), "tendering.process-created")).isEqualTo(1);

        tendering.attachDocument(
                buyer,
                id,
                new ByteArrayInputStream(Samples.pdf("DAO")),
                "DAO.pdf",
                "application/pdf",
                "Dossier d'appel d'offres",
                "biddingDocuments");

        assertThatThrownBy(() -> tendering.publish(buyer, id))
                .isInstanceOfSatisfying(
                        BaobabException.class,
                        e -> assertThat(e.errorCode()).isEqualTo(TenderingErrorCode.NOT_AUTHORITY_STAFF));
        tendering.publish(prm, id);

        ProcessView published = notices.notice(process.ocid()).orElseThrow();
        assertThat(published.status()).isEqualTo(ProcessStatus.PUBLISHED);
        assertThat(published.documents())
                .singleElement()
                .satisfies(d -> assertThat(d.title()).isEqualTo("Dossier d'appel d'offres"));
        assertThat(journalEntries(process.ocid(), "tendering.notice-published")).isEqualTo(1);
        assertThatThrownBy(() -> tendering.edit(buyer, id, published.version(), published.notice()))
                .isInstanceOfSatisfying(
                        BaobabException.class,
                        e -> assertThat(e.errorCode()).isEqualTo(TenderingErrorCode.WRONG_STATUS));
    }

    @Test
    void anotherAuthorityOrASupplierCannotTouchTheProcess() {
        UUID id = draft("Mobilier de bureau " + UUID.randomUUID());
        ProcessView process = tendering.forStaff(fixtures.user(TenderingFixtures.BUYER), id);
        CurrentUser other = fixtures.user(TenderingFixtures.CM_BUYER);
        CurrentUser supplier = fixtures.user(TenderingFixtures.SUPPLIER);
        for (CurrentUser intruder : List.of(other, supplier)) {
            assertThatThrownBy(() -> tendering.edit(intruder, id, process.version(), process.notice()))
                    .isInstanceOf(BaobabException.class);
            assertThatThrownBy(() -> tendering.forStaff(intruder, id)).isInstanceOf(BaobabException.class);
            assertThatThrownBy(() -> tendering.cancel(intruder, id, "x")).isInstanceOf(BaobabException.class);
        }
        assertThatThrownBy(() -> tendering.createOutsidePlan(
                        supplier, fixtures.organisationOf(TenderingFixtures.BUYER), "x", process.notice()))
                .isInstanceOf(BaobabException.class);
        assertThat(tendering
                        .forStaff(fixtures.user(TenderingFixtures.BUYER), id)
                        .version())
                .isEqualTo(process.version());
    }

    @Test
    void editingUsesTheVersionTheEditorStartedFrom() {
        UUID id = draft("Fournitures de bureau " + UUID.randomUUID());
        CurrentUser buyer = fixtures.user(TenderingFixtures.BUYER);
        ProcessView process = tendering.forStaff(buyer, id);
        NoticeDraft n = process.notice();
        NoticeDraft changed = new NoticeDraft(
                n.reference(),
                n.title() + " (révisé)",
                n.description(),
                "fr",
                new NoticeDraft.Classification(n.classification().buyerCategory(), Nature.GOODS, null, List.of()),
                new NoticeDraft.Procedure(
                        n.procedure().code(),
                        false,
                        n.procedure().eligibility(),
                        n.procedure().evaluationCriteria(),
                        n.procedure().awardCriteria(),
                        List.of("NINEA", "RCCM")),
                new NoticeDraft.Value(
                        "xof", n.value().estimated(), false, n.value().bidSecurity()),
                new NoticeDraft.Dates(
                        n.dates().clarificationDeadline(),
                        n.dates().submissionDeadline(),
                        n.dates().openingAt(),
                        n.dates().openingPlace()),
                new NoticeDraft.Contact(
                        n.contact().name(), n.contact().email(), n.contact().phone()),
                List.of());
        tendering.edit(buyer, id, process.version(), changed);
        ProcessView edited = tendering.forStaff(buyer, id);
        assertThat(edited.notice().title()).endsWith("(révisé)");
        assertThat(edited.notice().value().currency()).isEqualTo("XOF");
        assertThat(edited.notice().procedure().requiredDocuments()).containsExactly("NINEA", "RCCM");
        assertThat(edited.notice().lots()).isEmpty();
        assertThat(edited.version()).isEqualTo(process.version() + 1);
        assertThatThrownBy(() -> tendering.edit(buyer, id, process.version(), changed))
                .isInstanceOfSatisfying(
                        BaobabException.class, e -> assertThat(e.errorCode()).isEqualTo(TenderingErrorCode.STALE));
    }

    @Test
    void badInputIsRefusedAndChangesNothing() {
        CurrentUser buyer = fixtures.user(TenderingFixtures.BUYER);
        UUID authority = fixtures.organisationOf(TenderingFixtures.BUYER);
        long before = jdbc.sql("select count(*) from tendering_process")
                .query(Long.class)
                .single();
        NoticeDraft good = fixtures.notice("SN", "Véhicules " + UUID.randomUUID());
        NoticeDraft unknownProcedure = good.withProcedure("NOPE");
        assertThatThrownBy(() -> tendering.createOutsidePlan(buyer, authority, "motif", unknownProcedure))
                .isInstanceOfSatisfying(
                        BaobabException.class,
                        e -> assertThat(e.errorCode()).isEqualTo(TenderingErrorCode.UNKNOWN_PROCEDURE));
        assertThatThrownBy(() -> tendering.createOutsidePlan(buyer, authority, " ", good))
                .isInstanceOfSatisfying(
                        BaobabException.class, e -> assertThat(e.errorCode()).isEqualTo(TenderingErrorCode.REQUIRED));
        assertThat(jdbc.sql("select count(*) from tendering_process")
                        .query(Long.class)
                        .single())
                .isEqualTo(before);
    }

    @Test
    void blockingChecksPreventPublication() {
        CurrentUser buyer = fixtures.user(TenderingFixtures.BUYER);
        CurrentUser prm = fixtures.user(TenderingFixtures.PRM);
        NoticeDraft n = fixtures.notice("SN", "Réhabilitation " + UUID.randomUUID());
        Instant now = Instant.now();
        NoticeDraft openingFirst = n.withDates(
                        now.plus(Duration.ofDays(20)), now.plus(Duration.ofDays(10)), now.plus(Duration.ofDays(5)))
                .withDocumentsAndLots(List.of(), List.of());
        UUID id = tendering.createOutsidePlan(
                buyer, fixtures.organisationOf(TenderingFixtures.BUYER), "motif", openingFirst);
        assertThat(tendering.checks(id).findings())
                .filteredOn(Finding::blocking)
                .extracting(Finding::messageKey)
                .contains("check.opening-before-deadline", "check.clarification-after-deadline");
        assertThatThrownBy(() -> tendering.publish(prm, id))
                .isInstanceOfSatisfying(
                        BaobabException.class,
                        e -> assertThat(e.errorCode()).isEqualTo(TenderingErrorCode.CHECKS_FAILED));
        assertThat(tendering.forStaff(prm, id).status()).isEqualTo(ProcessStatus.DRAFT);
    }

    @Test
    void theControlBodyReturnsThenApprovesANotice() {
        UUID id = draft("Construction d'un centre de santé " + UUID.randomUUID());
        CurrentUser buyer = fixtures.user(TenderingFixtures.BUYER);
        CurrentUser prm = fixtures.user(TenderingFixtures.PRM);
        CurrentUser controller = fixtures.user(TenderingFixtures.CONTROLLER);
        tendering.submitForReview(buyer, id);
        assertThat(tendering.reviewQueue(controller))
                .extracting(ProcessView::id)
                .contains(id);
        assertThat(tendering.reviewQueue(fixtures.user(TenderingFixtures.CM_BUYER)))
                .isEmpty();
        assertThatThrownBy(() -> tendering.publish(prm, id)).isInstanceOf(BaobabException.class);
        assertThatThrownBy(() -> tendering.decideReview(prm, id, true, ""))
                .isInstanceOfSatisfying(
                        BaobabException.class,
                        e -> assertThat(e.errorCode()).isEqualTo(TenderingErrorCode.NOT_CONTROLLER));
        assertThatThrownBy(() -> tendering.decideReview(controller, id, false, " "))
                .isInstanceOf(BaobabException.class);

        tendering.decideReview(controller, id, false, "Préciser les spécifications techniques du lot 2.");
        ProcessView returned = tendering.forStaff(buyer, id);
        assertThat(returned.status()).isEqualTo(ProcessStatus.DRAFT);
        assertThat(returned.reviews()).singleElement().satisfies(r -> {
            assertThat(r.decision()).isEqualTo("RETURNED");
            assertThat(r.comments()).contains("lot 2");
        });
        tendering.edit(buyer, id, returned.version(), returned.notice());
        tendering.submitForReview(buyer, id);
        tendering.decideReview(controller, id, true, "");
        assertThat(tendering.forStaff(buyer, id).status()).isEqualTo(ProcessStatus.APPROVED);
        tendering.publish(prm, id);
        ProcessView published = tendering.forStaff(buyer, id);
        assertThat(published.status()).isEqualTo(ProcessStatus.PUBLISHED);
        assertThat(journalEntries(published.ocid(), "tendering.review-returned"))
                .isEqualTo(1);
        assertThat(journalEntries(published.ocid(), "tendering.review-approved"))
                .isEqualTo(1);
        assertThat(notices.notice(published.ocid()).orElseThrow().reviews()).isEmpty();
    }

    @Test
    void prmPublishesAddendaThatMoveTheDeadline() {
        UUID id = draft("Produits pharmaceutiques " + UUID.randomUUID());
        CurrentUser prm = fixtures.user(TenderingFixtures.PRM);
        tendering.publish(prm, id);
        ProcessView before = tendering.forStaff(prm, id);
        Instant deadline = before.notice().dates().submissionDeadline();
        assertThatThrownBy(() -> tendering.publishAddendum(
                        prm,
                        id,
                        new Tendering.AddendumRequest(
                                "Report", deadline.minusSeconds(60), null, null, null, null, null)))
                .isInstanceOfSatisfying(
                        BaobabException.class,
                        e -> assertThat(e.errorCode()).isEqualTo(TenderingErrorCode.DEADLINE_NOT_LATER));
        Instant later = deadline.plus(Duration.ofDays(7));
        int number = tendering.publishAddendum(
                prm,
                id,
                new Tendering.AddendumRequest(
                        "Report de la date limite et précisions sur le lot 1.",
                        later,
                        null,
                        new ByteArrayInputStream(Samples.pdf("additif")),
                        "additif-1.pdf",
                        "application/pdf",
                        "Additif n° 1"));
        assertThat(number).isEqualTo(1);
        ProcessView after = notices.notice(before.ocid()).orElseThrow();
        assertThat(after.notice().dates().submissionDeadline()).isEqualTo(later);
        assertThat(after.notice().dates().openingAt()).isAfterOrEqualTo(later);
        assertThat(after.addenda()).singleElement().satisfies(a -> {
            assertThat(a.previousDeadline()).isEqualTo(deadline);
            assertThat(a.newDeadline()).isEqualTo(later);
        });
        assertThat(after.documents()).anySatisfy(d -> assertThat(d.addendum()).isEqualTo(1));
        assertThat(journalEntries(before.ocid(), "tendering.addendum-published"))
                .isEqualTo(1);
    }

    @Test
    void questionsAreAnsweredPubliclyWithoutTheAskersIdentity() {
        UUID id = draft("Services de nettoyage " + UUID.randomUUID());
        CurrentUser prm = fixtures.user(TenderingFixtures.PRM);
        CurrentUser buyer = fixtures.user(TenderingFixtures.BUYER);
        CurrentUser supplier = fixtures.user(TenderingFixtures.SUPPLIER);
        String ocid = tendering.forStaff(prm, id).ocid();
        assertThatThrownBy(() -> tendering.ask(supplier, ocid, "Avant publication ?"))
                .isInstanceOf(BaobabException.class);
        tendering.publish(prm, id);
        assertThatThrownBy(() -> tendering.ask(buyer, ocid, "Je suis acheteur"))
                .isInstanceOfSatisfying(
                        BaobabException.class,
                        e -> assertThat(e.errorCode()).isEqualTo(TenderingErrorCode.NOT_SUPPLIER));
        UUID question = tendering.ask(supplier, ocid, "La visite des locaux est-elle obligatoire ?");
        UUID unanswered = tendering.ask(supplier, ocid, "Question restée sans réponse");
        assertThat(notices.notice(ocid).orElseThrow().questions()).isEmpty();
        ProcessView staffView = tendering.forStaff(buyer, id);
        assertThat(staffView.questions())
                .extracting(ProcessView.Question::askedBy)
                .contains(TenderingFixtures.SUPPLIER);

        tendering.answer(buyer, id, question, "Oui, le 12 du mois, à 10 heures.");
        assertThatThrownBy(() -> tendering.answer(buyer, id, question, "encore"))
                .isInstanceOfSatisfying(
                        BaobabException.class,
                        e -> assertThat(e.errorCode()).isEqualTo(TenderingErrorCode.UNKNOWN_QUESTION));
        ProcessView published = notices.notice(ocid).orElseThrow();
        assertThat(published.questions()).singleElement().satisfies(q -> {
            assertThat(q.answer()).startsWith("Oui");
            assertThat(q.askedBy()).isNull();
            assertThat(q.askerOrganisation()).isNull();
        });
        assertThat(published.questions()).extracting(ProcessView.Question::id).doesNotContain(unanswered);
    }

    @Test
    void theDeadlineJobClosesSubmissionsAndCancellationStaysPublic() {
        UUID id = draft("Matériel de laboratoire " + UUID.randomUUID());
        CurrentUser prm = fixtures.user(TenderingFixtures.PRM);
        tendering.publish(prm, id);
        String ocid = tendering.forStaff(prm, id).ocid();
        // the deadline passes (the clock cannot be moved in a shared context, so the deadline is)
        jdbc.sql("update tendering_process set submission_deadline = now() - interval '1 minute' where id = :id")
                .param("id", id)
                .update();
        assertThat(tendering.closeDue()).isGreaterThanOrEqualTo(1);
        assertThat(notices.notice(ocid).orElseThrow().status()).isEqualTo(ProcessStatus.CLOSED);
        assertThat(journalEntries(ocid, "tendering.submission-closed")).isEqualTo(1);
        assertThatThrownBy(() -> tendering.publishAddendum(
                        prm, id, new Tendering.AddendumRequest("trop tard", null, null, null, null, null, null)))
                .isInstanceOf(BaobabException.class);

        tendering.cancel(prm, id, "Infructuosité : aucune offre reçue.");
        ProcessView cancelled = notices.notice(ocid).orElseThrow();
        assertThat(cancelled.status()).isEqualTo(ProcessStatus.CANCELLED);
        assertThat(cancelled.cancelReason()).startsWith("Infructuosité");
        assertThat(journalEntries(ocid, "tendering.process-cancelled")).isEqualTo(1);
    }

    @Test
    void aConfidentialEstimateNeverReachesThePublic() {
        CurrentUser buyer = fixtures.user(TenderingFixtures.BUYER);
        NoticeDraft n = fixtures.notice("SN", "Étude confidentielle " + UUID.randomUUID());
        NoticeDraft confidential = n.withEstimate(new BigDecimal("90000000"), false);
        UUID id = tendering.createOutsidePlan(
                buyer, fixtures.organisationOf(TenderingFixtures.BUYER), "motif", confidential);
        tendering.publish(fixtures.user(TenderingFixtures.PRM), id);
        ProcessView published =
                notices.notice(tendering.forStaff(buyer, id).ocid()).orElseThrow();
        assertThat(published.notice().value().estimated()).isNull();
        assertThat(published.notice().lots())
                .allSatisfy(l -> assertThat(l.estimatedValue()).isNull());
        assertThat(notices.search(new NoticeSearch(
                                published.ocid(),
                                null,
                                null,
                                null,
                                null,
                                null,
                                new BigDecimal("1"),
                                null,
                                null,
                                null,
                                NoticeSearch.Sort.RELEVANCE,
                                0,
                                10))
                        .items())
                .isEmpty();
    }
}
