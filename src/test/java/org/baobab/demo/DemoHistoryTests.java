// SPDX-License-Identifier: Apache-2.0
package org.baobab.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import org.baobab.IntegrationTest;
import org.baobab.award.AwardView;
import org.baobab.award.Awards;
import org.baobab.complaints.Complaints;
import org.baobab.evaluation.Evaluations;
import org.baobab.opendata.OpenData;
import org.baobab.opening.OpeningMinutes;
import org.baobab.tendering.NoticeSummary;
import org.baobab.tendering.Notices;
import org.junit.jupiter.api.Test;

/**
 * The demo portal holds a process at every stage after the bids, played through the real commands at startup (the
 * test context loads the demo data like the application does).
 */
@IntegrationTest
class DemoHistoryTests {

    private final Notices notices;
    private final OpeningMinutes minutes;
    private final Evaluations evaluations;
    private final Awards awards;
    private final Complaints complaints;
    private final OpenData openData;
    private final org.baobab.identity.Accounts accounts;

    DemoHistoryTests(
            Notices notices,
            OpeningMinutes minutes,
            Evaluations evaluations,
            Awards awards,
            Complaints complaints,
            OpenData openData,
            org.baobab.identity.Accounts accounts) {
        this.notices = notices;
        this.minutes = minutes;
        this.evaluations = evaluations;
        this.awards = awards;
        this.complaints = complaints;
        this.openData = openData;
        this.accounts = accounts;
    }

    private String ocid(String reference) {
        List<NoticeSummary> found = notices.withReference(reference);
        assertThat(found).as(reference).hasSize(1);
        return found.get(0).ocid();
    }

    @Test
    void everyStageAfterTheBidsHasADemoProcess() {
        // opening done: the minutes are published, no evaluation yet
        String opened = ocid("MSAS-2026-AOO-101");
        assertThat(minutes.published(opened)).hasSize(1);
        assertThat(minutes.published(opened).get(0).session().readings()).hasSize(3);
        assertThat(minutes.published(opened).get(0).pieces()).hasSize(3);
        assertThat(minutes.published(opened).get(0).representatives()).hasSize(1);
        assertThat(evaluations.evaluation(opened)).isEmpty();

        // under evaluation: one member submitted, the second declared
        String evaluating = ocid("MSAS-2026-AOO-102");
        assertThat(evaluations.evaluation(evaluating).orElseThrow().stage().code())
                .isEqualTo("technical");
        assertThat(evaluations.evaluation(evaluating).orElseThrow().submittedCount())
                .isEqualTo(1);

        // provisionally awarded, the standstill still running
        String standstill = ocid("MSAS-2026-AOO-103");
        AwardView provisional = awards.published(standstill).orElseThrow();
        assertThat(provisional.status()).isEqualTo("PROVISIONAL");
        assertThat(provisional.standstillEnds()).isAfterOrEqualTo(LocalDate.now(java.time.ZoneOffset.UTC));
        assertThat(provisional.lots().get(0).winnerName()).isEqualTo("Teranga Bureautique SA");
        // its admin, who also signs for it, reads the company's result once
        assertThat(awards.mine(
                        accounts.currentUserByEmail("admin@teranga-bureautique.demo")
                                .orElseThrow(),
                        standstill))
                .hasSize(1);

        // under complaint, suspended by the regulator's committee
        String suspended = ocid("MSAS-2026-AOO-104");
        assertThat(complaints.suspended(suspended)).isTrue();
        assertThat(awards.published(suspended).orElseThrow().status()).isEqualTo("PROVISIONAL");

        // finally awarded, with its OCDS award release
        String awarded = ocid("MSAS-2026-AOO-105");
        assertThat(awards.published(awarded).orElseThrow().status()).isEqualTo("FINAL");
        assertThat(openData.releases(awarded))
                .anySatisfy(r -> assertThat(r.tag()).contains("awardUpdate"));
    }
}
