// SPDX-License-Identifier: Apache-2.0
package org.baobab.planning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.baobab.IntegrationTest;
import org.baobab.identity.CurrentUser;
import org.baobab.opendata.OpenData;
import org.baobab.opendata.ocds.Release;
import org.baobab.rules.Nature;
import org.baobab.shared.BaobabException;
import org.baobab.shared.ErrorCode;
import org.baobab.tendering.ProcessView;
import org.baobab.tendering.Tendering;
import org.baobab.tendering.TenderingFixtures;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Procurement plans on real PostgreSQL: drawing up, validation and publication by the PRM only, revisions with their
 * history, spreadsheet imports that import everything or nothing, the OCDS planning releases, and the launch of a
 * process from a published line.
 */
@IntegrationTest
class PlanningTests {

    /** Each test takes its own fiscal year, so that the plans of the tests (and the demo's) never meet. */
    private static final AtomicInteger YEARS = new AtomicInteger(2040);

    private final Plans plans;
    private final Tendering tendering;
    private final OpenData openData;
    private final TenderingFixtures fixtures;
    private final JdbcClient jdbc;

    PlanningTests(Plans plans, Tendering tendering, OpenData openData, TenderingFixtures fixtures, JdbcClient jdbc) {
        this.plans = plans;
        this.tendering = tendering;
        this.openData = openData;
        this.fixtures = fixtures;
        this.jdbc = jdbc;
    }

    private CurrentUser buyer() {
        return fixtures.user(TenderingFixtures.BUYER);
    }

    private CurrentUser prm() {
        return fixtures.user(TenderingFixtures.PRM);
    }

    private UUID authority() {
        return fixtures.organisationOf(TenderingFixtures.BUYER);
    }

    private static PlanLine.Draft line(String reference, String title, String amount, int year) {
        return new PlanLine.Draft(
                reference,
                title,
                "",
                Nature.GOODS,
                "AOO",
                new BigDecimal(amount),
                "XOF",
                "Budget national",
                LocalDate.of(year, 2, 15),
                LocalDate.of(year, 4, 1),
                LocalDate.of(year, 5, 15),
                LocalDate.of(year, 6, 1));
    }

    private static void assertError(Runnable action, ErrorCode code) {
        assertThatThrownBy(action::run)
                .isInstanceOfSatisfying(
                        BaobabException.class, e -> assertThat(e.errorCode()).isEqualTo(code));
    }

    /** A published plan of the demo health ministry with the given lines. */
    private UUID publishedPlan(int year, PlanLine.Draft... lines) {
        UUID plan = plans.create(buyer(), authority(), year);
        for (PlanLine.Draft line : lines) {
            plans.saveLine(buyer(), plan, null, line);
        }
        plans.validate(prm(), plan);
        plans.publish(prm(), plan);
        return plan;
    }

    private long journal(UUID plan, String action) {
        return jdbc.sql("select count(*) from audit_entry where subject_id = :id and action = :action")
                .param("id", plan.toString())
                .param("action", action)
                .query(Long.class)
                .single();
    }

    @Test
    void buyersDrawUpAPlanThatOnlyThePrmValidatesAndPublishes() {
        int year = YEARS.getAndIncrement();
        UUID plan = plans.create(buyer(), authority(), year);
        assertError(() -> plans.create(buyer(), authority(), year), PlanningErrorCode.PLAN_EXISTS);
        plans.saveLine(buyer(), plan, null, line("PPM-1", "Matériel informatique", "125000000", year));
        UUID second = plans.saveLine(buyer(), plan, null, line("PPM-2", "Véhicules de liaison", "80000000", year));
        assertError(
                () -> plans.saveLine(buyer(), plan, null, line("PPM-2", "Doublon", "1000", year)),
                PlanningErrorCode.DUPLICATE_REFERENCE);
        PlanLine.Draft backwards = new PlanLine.Draft(
                "PPM-3",
                "Dates à l'envers",
                "",
                Nature.WORKS,
                "AOO",
                BigDecimal.TEN,
                "XOF",
                "",
                null,
                LocalDate.of(year, 5, 1),
                LocalDate.of(year, 4, 1),
                null);
        assertError(() -> plans.saveLine(buyer(), plan, null, backwards), PlanningErrorCode.DATES_OUT_OF_ORDER);
        PlanLine.Draft unknown = new PlanLine.Draft(
                "PPM-3",
                "Procédure inconnue",
                "",
                Nature.WORKS,
                "XYZ",
                BigDecimal.TEN,
                "XOF",
                "",
                null,
                null,
                null,
                null);
        assertError(() -> plans.saveLine(buyer(), plan, null, unknown), PlanningErrorCode.UNKNOWN_PROCEDURE);

        // another country's buyer sees nothing of it, and a draft is not public
        CurrentUser stranger = fixtures.user(TenderingFixtures.CM_BUYER);
        assertError(() -> plans.forStaff(stranger, plan), PlanningErrorCode.NOT_STAFF);
        assertError(
                () -> plans.saveLine(stranger, plan, null, line("X", "Intrus", "1", year)),
                PlanningErrorCode.NOT_STAFF);
        assertThat(plans.published(plan)).isEmpty();

        assertError(() -> plans.validate(buyer(), plan), PlanningErrorCode.NOT_STAFF);
        plans.validate(prm(), plan);
        assertError(() -> plans.removeLine(buyer(), plan, second), PlanningErrorCode.WRONG_STATUS);
        assertError(() -> plans.publish(buyer(), plan), PlanningErrorCode.NOT_STAFF);
        plans.publish(prm(), plan);

        PlanView published = plans.published(plan).orElseThrow();
        assertThat(published.status()).isEqualTo(PlanStatus.PUBLISHED);
        assertThat(published.totals()).containsEntry("XOF", new BigDecimal("205000000.00"));
        assertThat(published.lines()).allSatisfy(l -> {
            assertThat(l.ocid()).matches("ocds-baobab-SN-" + year + "-P\\d{5}");
            assertThat(l.launched()).isFalse();
        });
        assertThat(plans.latestPublished("sn", year, null))
                .extracting(PlanView::id)
                .containsExactly(plan);
        assertError(
                () -> plans.saveLine(prm(), plan, null, line("PPM-9", "Trop tard", "1", year)),
                PlanningErrorCode.WRONG_STATUS);

        // each line is one future contracting process in open data, with its budget and planned dates
        PlanLine first = published.lines().get(0);
        List<Release> releases = openData.releases(first.ocid());
        assertThat(releases).singleElement().satisfies(r -> {
            assertThat(r.tag()).containsExactly("planning");
            assertThat(r.planning().budget().amount().amount()).isEqualByComparingTo("125000000");
            assertThat(r.planning().budget().description()).isEqualTo("Budget national");
            assertThat(r.tender().status()).isEqualTo("planned");
            assertThat(r.tender().procurementMethod()).isEqualTo("open");
            assertThat(r.tender().tenderPeriod().startDate()).isNotNull();
        });

        assertThat(journal(plan, "planning.plan-created")).isEqualTo(1);
        assertThat(journal(plan, "planning.line-saved")).isEqualTo(2);
        assertThat(journal(plan, "planning.plan-validated")).isEqualTo(1);
        assertThat(journal(plan, "planning.plan-published")).isEqualTo(1);
    }

    @Test
    void aRevisionKeepsTheHistoryAndPublishesWhatChanged() {
        int year = YEARS.getAndIncrement();
        UUID first = publishedPlan(
                year,
                line("R-1", "Réhabilitation du centre de santé", "300000000", year),
                line("R-2", "Groupes électrogènes", "45000000", year));
        PlanView before = plans.published(first).orElseThrow();

        assertError(() -> plans.revise(prm(), first, " "), PlanningErrorCode.REQUIRED);
        assertError(() -> plans.revise(buyer(), first, "Arbitrage"), PlanningErrorCode.NOT_STAFF);
        UUID second = plans.revise(prm(), first, "Arbitrage budgétaire de la loi de finances rectificative");
        assertError(() -> plans.revise(prm(), first, "Encore"), PlanningErrorCode.REVISION_OPEN);

        PlanView draft = plans.forStaff(buyer(), second);
        assertThat(draft.revision()).isEqualTo(2);
        PlanLine rehab = draft.lines().stream()
                .filter(l -> l.reference().equals("R-1"))
                .findFirst()
                .orElseThrow();
        PlanLine generators = draft.lines().stream()
                .filter(l -> l.reference().equals("R-2"))
                .findFirst()
                .orElseThrow();
        plans.saveLine(buyer(), second, rehab.id(), line("R-1", rehab.title(), "350000000", year));
        plans.removeLine(buyer(), second, generators.id());
        plans.saveLine(buyer(), second, null, line("R-3", "Ambulances médicalisées", "90000000", year));
        assertThat(plans.published(first)).isPresent();
        plans.validate(prm(), second);
        plans.publish(prm(), second);

        assertThat(plans.history(second)).extracting(PlanView::revision).containsExactly(2, 1);
        PlanView after = plans.published(second).orElseThrow();
        assertThat(after.revisionReason()).isEqualTo("Arbitrage budgétaire de la loi de finances rectificative");
        Plans.Changes changes = Plans.changes(before, after);
        assertThat(changes.added()).extracting(PlanLine::reference).containsExactly("R-3");
        assertThat(changes.removed()).extracting(PlanLine::reference).containsExactly("R-2");
        assertThat(changes.changed()).extracting(PlanLine::reference).containsExactly("R-1");
        // the first revision stays as it was published
        assertThat(plans.published(first).orElseThrow().lines())
                .extracting(PlanLine::reference)
                .containsExactly("R-1", "R-2");

        String rehabOcid = before.lines().get(0).ocid();
        assertThat(after.lines().get(0).ocid()).isEqualTo(rehabOcid);
        assertThat(openData.releases(rehabOcid))
                .extracting(r -> r.tag().get(0))
                .containsExactly("planning", "planningUpdate");
        assertThat(openData.latest(rehabOcid)
                        .orElseThrow()
                        .planning()
                        .budget()
                        .amount()
                        .amount())
                .isEqualByComparingTo("350000000");
        Release withdrawn = openData.latest(before.lines().get(1).ocid()).orElseThrow();
        assertThat(withdrawn.tender().status()).isEqualTo("withdrawn");
        assertThat(openData.releases(after.lines().get(1).ocid()))
                .singleElement()
                .satisfies(r -> assertThat(r.tag()).containsExactly("planning"));
        assertThat(journal(second, "planning.plan-revised")).isEqualTo(1);
    }

    @Test
    void anImportErrorNamesTheColumnOfTheValueRefused() throws IOException {
        int year = YEARS.getAndIncrement();
        UUID plan = plans.create(buyer(), authority(), year);
        String csv = "Référence;Objet;Nature;Mode de passation;Montant estimé;Devise;Source de financement;"
                + "Lancement;Ouverture;Attribution;Signature\r\n"
                + "C-1;Fournitures;fournitures;AOO;1000000;EURO;BN;;;;\r\n"
                + "C-2;" + "x".repeat(501) + ";fournitures;AOO;1000000;XOF;BN;;;;\r\n";
        assertThat(plans.importLines(
                        buyer(), plan, "ppm.csv", new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8))))
                .extracting(Plans.RowError::row, Plans.RowError::column)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(2, "currency"),
                        org.assertj.core.groups.Tuple.tuple(3, "object"));
    }

    @Test
    void aSpreadsheetWithOneBadRowImportsNothingAndSaysWhereEveryErrorIs() throws IOException {
        int year = YEARS.getAndIncrement();
        UUID plan = plans.create(buyer(), authority(), year);
        String bad = "\uFEFFRéférence;Objet;Nature;Mode de passation;Montant estimé;Devise;Source de financement;"
                + "Lancement;Ouverture;Attribution;Signature\r\n"
                + "I-1;Fournitures de bureau;fournitures;DRP_OUVERTE;12 500 000;XOF;Budget national;"
                + "15/02/" + year + ";01/04/" + year + ";;\r\n"
                + "I-2;\"Entretien des locaux; lot unique\";services courants;AOX;30000000;;BN;;;;\r\n"
                + "I-3;Étude de faisabilité;prestations intellectuelles;PI_AMI;douze millions;XOF;BID;;;;\r\n"
                + "I-4;Pont;travaux;AOO;900000000;XOF;;31/13/" + year + ";;;\r\n";
        List<Plans.RowError> errors = plans.importLines(
                buyer(), plan, "ppm.csv", new ByteArrayInputStream(bad.getBytes(StandardCharsets.UTF_8)));
        assertThat(errors)
                .extracting(Plans.RowError::row, Plans.RowError::column)
                .containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple(3, "procedure"),
                        org.assertj.core.groups.Tuple.tuple(4, "amount"),
                        org.assertj.core.groups.Tuple.tuple(5, "launch"));
        assertThat(plans.forStaff(buyer(), plan).lines()).isEmpty();

        String good = bad.replace("AOX", "AOO")
                .replace("douze millions", "12000000,50")
                .replace("31/13/", "31/12/");
        assertThat(plans.importLines(
                        buyer(), plan, "ppm.csv", new ByteArrayInputStream(good.getBytes(StandardCharsets.UTF_8))))
                .isEmpty();
        List<PlanLine> lines = plans.forStaff(buyer(), plan).lines();
        assertThat(lines).extracting(PlanLine::reference).containsExactly("I-1", "I-2", "I-3", "I-4");
        assertThat(lines.get(0).amount()).isEqualByComparingTo("12500000");
        assertThat(lines.get(0).launchDate()).isEqualTo(LocalDate.of(year, 2, 15));
        assertThat(lines.get(1).title()).isEqualTo("Entretien des locaux; lot unique");
        assertThat(lines.get(1).nature()).isEqualTo(Nature.SERVICES);
        assertThat(lines.get(1).currency()).isEqualTo("XOF");
        assertThat(lines.get(2).nature()).isEqualTo(Nature.CONSULTING);
        assertThat(lines.get(2).amount()).isEqualByComparingTo("12000000.50");

        // the same file again: every reference is taken, so nothing more is imported
        assertThat(plans.importLines(
                        buyer(), plan, "ppm.csv", new ByteArrayInputStream(good.getBytes(StandardCharsets.UTF_8))))
                .hasSize(4)
                .allSatisfy(e -> assertThat(e.column()).isEqualTo("reference"));
        assertThat(plans.forStaff(buyer(), plan).lines()).hasSize(4);
        assertThat(journal(plan, "planning.lines-imported")).isEqualTo(1);
    }

    @Test
    void anExcelWorkbookImportsWithRealDateCells() throws IOException {
        int year = YEARS.getAndIncrement();
        UUID plan = plans.create(buyer(), authority(), year);
        ByteArrayOutputStream file = new ByteArrayOutputStream();
        Workbook workbook = new Workbook(file, "Baobab", "1.0");
        Worksheet sheet = workbook.newWorksheet("PPM");
        String[] header = {"Reference", "Object", "Nature", "Procedure", "Amount", "Currency", "Funding", "Launch"};
        for (int c = 0; c < header.length; c++) {
            sheet.value(0, c, header[c]);
        }
        sheet.value(1, 0, "X-1");
        sheet.value(1, 1, "Réactifs de laboratoire");
        sheet.value(1, 2, "goods");
        sheet.value(1, 3, "AOO");
        sheet.value(1, 4, 75000000);
        sheet.value(1, 5, "XOF");
        sheet.value(1, 6, "Fonds mondial");
        sheet.value(1, 7, LocalDate.of(year, 3, 31));
        sheet.style(1, 7).format("dd/mm/yyyy").set();
        workbook.finish();

        assertThat(plans.importLines(buyer(), plan, "PPM.xlsx", new ByteArrayInputStream(file.toByteArray())))
                .isEmpty();
        assertThat(plans.forStaff(buyer(), plan).lines()).singleElement().satisfies(l -> {
            assertThat(l.title()).isEqualTo("Réactifs de laboratoire");
            assertThat(l.amount()).isEqualByComparingTo("75000000");
            assertThat(l.launchDate()).isEqualTo(LocalDate.of(year, 3, 31));
            assertThat(l.fundingSource()).isEqualTo("Fonds mondial");
        });

        assertThat(plans.importLines(
                        buyer(),
                        plan,
                        "PPM.xlsx",
                        new ByteArrayInputStream("not a workbook".getBytes(StandardCharsets.UTF_8))))
                .singleElement()
                .satisfies(e -> assertThat(e.messageKey()).isEqualTo("error.planning.import.unreadable"));
    }

    @Test
    void aPublishedLineIsLaunchedOnceAsAProcessUnderItsOwnOcid() {
        int year = YEARS.getAndIncrement();
        UUID plan = plans.create(buyer(), authority(), year);
        UUID draftLine = plans.saveLine(buyer(), plan, null, line("L-1", "Équipements de bloc opératoire", "1", year));
        assertError(
                () -> tendering.createFromPlanLine(
                        buyer(), authority(), draftLine, fixtures.notice("SN", "Équipements de bloc opératoire")),
                PlanningErrorCode.LINE_UNAVAILABLE);
        plans.removeLine(buyer(), plan, draftLine);
        plans.saveLine(buyer(), plan, null, line("L-1", "Équipements de bloc opératoire", "400000000", year));
        plans.validate(prm(), plan);
        plans.publish(prm(), plan);
        PlanLine published = plans.published(plan).orElseThrow().lines().get(0);

        assertError(
                () -> tendering.createFromPlanLine(
                        fixtures.user(TenderingFixtures.CM_BUYER),
                        fixtures.organisationOf(TenderingFixtures.CM_BUYER),
                        published.id(),
                        fixtures.notice("CM", "Intrus")),
                PlanningErrorCode.LINE_UNAVAILABLE);

        UUID process = tendering.createFromPlanLine(
                buyer(), authority(), published.id(), fixtures.notice("SN", "Équipements de bloc opératoire"));
        ProcessView view = tendering.forStaff(buyer(), process);
        assertThat(view.ocid()).isEqualTo(published.ocid());
        assertThat(view.planLineId()).isEqualTo(published.id());
        assertThat(view.outOfPlanReason()).isNull();
        assertThat(plans.published(plan).orElseThrow().lines().get(0).launched())
                .isTrue();
        assertError(
                () -> tendering.createFromPlanLine(
                        buyer(), authority(), published.id(), fixtures.notice("SN", "Deuxième lancement")),
                PlanningErrorCode.LINE_UNAVAILABLE);
        assertThat(journal(plan, "planning.line-launched")).isEqualTo(1);

        // the launched line stays launched in the next revision and cannot be removed from it
        UUID revision = plans.revise(prm(), plan, "Ajout d'une ligne");
        PlanLine carried = plans.forStaff(buyer(), revision).lines().get(0);
        assertThat(carried.launched()).isTrue();
        assertThat(carried.ocid()).isEqualTo(published.ocid());
        assertError(() -> plans.removeLine(buyer(), revision, carried.id()), PlanningErrorCode.LINE_LAUNCHED);
    }
}
