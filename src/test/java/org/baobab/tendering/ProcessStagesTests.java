// SPDX-License-Identifier: Apache-2.0
package org.baobab.tendering;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.baobab.IntegrationTest;
import org.baobab.SignedIn;
import org.baobab.identity.CurrentUser;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

/**
 * "Mes procédures" shows how far each published process has gone after its notice, as the modules after tendering
 * tell it (issue 17: every closed process read « Clos (date limite passée) » whatever its real stage).
 */
@IntegrationTest
class ProcessStagesTests {

    @Autowired
    Tendering tendering;

    @Autowired
    TenderingFixtures fixtures;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    MockMvc mvc;

    private ProcessView published(String title) {
        CurrentUser buyer = fixtures.user(TenderingFixtures.BUYER);
        UUID id = tendering.createOutsidePlan(
                buyer, fixtures.organisationOf(TenderingFixtures.BUYER), "Hors plan", fixtures.notice("SN", title));
        tendering.publish(fixtures.user(TenderingFixtures.PRM), id);
        return tendering.forStaff(buyer, id);
    }

    /** The facts the opening and evaluation modules record when a session and an evaluation start. */
    private void opened(String ocid) {
        jdbc.sql("insert into opening_session (id, ocid, kind, started_by, started_at) values (:id, :o, 'single', 'x',"
                        + " :at)")
                .param("id", UUID.randomUUID())
                .param("o", ocid)
                .param("at", Timestamp.from(Instant.parse("2026-01-10T10:00:00Z")))
                .update();
    }

    private void underEvaluation(String ocid) {
        jdbc.sql("""
                        insert into evaluation_evaluation (id, ocid, country, authority_id, method, two_stage,
                            low_bid_percent, stage, started_by, started_at)
                        values (:id, :o, 'SN', :a, 'priceOnly', false, 20, 'technical', 'x', :at)
                        """)
                .param("id", UUID.randomUUID())
                .param("o", ocid)
                .param("a", fixtures.organisationOf(TenderingFixtures.BUYER))
                .param("at", Timestamp.from(Instant.parse("2026-01-11T10:00:00Z")))
                .update();
    }

    @Test
    void theLatestStageOfEachPublishedProcessIsShownInTheThreeLanguages() throws Exception {
        String marker = UUID.randomUUID().toString().substring(0, 8);
        ProcessView opened = published("Ouvert " + marker);
        ProcessView evaluated = published("Évalué " + marker);
        ProcessView untouched = published("Sans suite " + marker);
        opened(opened.ocid());
        opened(evaluated.ocid());
        underEvaluation(evaluated.ocid());

        Map<String, ProcessStage> stages = tendering.stages(List.of(opened, evaluated, untouched));
        assertThat(stages)
                .containsEntry(opened.ocid(), ProcessStage.OPENED)
                .containsEntry(evaluated.ocid(), ProcessStage.UNDER_EVALUATION)
                .doesNotContainKey(untouched.ocid());

        assertThat(row("fr", evaluated.notice().title())).contains("En évaluation");
        assertThat(row("en", opened.notice().title())).contains("Bids opened");
        assertThat(row("ar", evaluated.notice().title())).contains("قيد التقييم");
        assertThat(row("fr", untouched.notice().title())).contains("Publié").doesNotContain("Clos");
    }

    /** The table row of the process titled so on the buyer's list, on whichever page it is. */
    private String row(String language, String title) throws Exception {
        CurrentUser buyer = fixtures.user(TenderingFixtures.BUYER);
        for (int page = 0; page < 1000; page++) {
            String body = mvc.perform(MockMvcRequestBuilders.get("/buyer/processes")
                            .param("page", String.valueOf(page))
                            .param("lang", language)
                            .with(SignedIn.as(buyer)))
                    .andReturn()
                    .getResponse()
                    .getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
            int at = body.indexOf(title);
            if (at >= 0) {
                return body.substring(at, body.indexOf("</tr>", at));
            }
            if (!body.contains("rel=\"next\"")) {
                break;
            }
        }
        throw new AssertionError("not on any page: " + title);
    }
}
