// SPDX-License-Identifier: Apache-2.0
package org.baobab.tendering;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.UUID;
import org.baobab.IntegrationTest;
import org.baobab.WebClient;
import org.baobab.identity.CurrentUser;
import org.baobab.opendata.OcdsSchema;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Every public fact of a process is an OCDS release, published with the fact: the notice, each addendum, each answer,
 * the cancellation; and none carries what the public must not see (a confidential estimate, who asked a question).
 */
@IntegrationTest
class TenderingOcdsTests {

    private final Tendering tendering;
    private final TenderingFixtures fixtures;
    private final WebClient web;
    private final JsonMapper json = JsonMapper.builder().build();

    TenderingOcdsTests(Tendering tendering, TenderingFixtures fixtures, MockMvc mvc) {
        this.tendering = tendering;
        this.fixtures = fixtures;
        this.web = new WebClient(mvc, "10.7.7.8");
    }

    private String lifeOfAProcess() {
        CurrentUser buyer = fixtures.user(TenderingFixtures.BUYER);
        CurrentUser prm = fixtures.user(TenderingFixtures.PRM);
        NoticeDraft n = fixtures.notice("SN", "Kits de dépistage " + UUID.randomUUID());
        NoticeDraft confidential = n.withEstimate(new BigDecimal("77700000"), false);
        UUID id = tendering.createOutsidePlan(
                buyer, fixtures.organisationOf(TenderingFixtures.BUYER), "Épidémie déclarée", confidential);
        tendering.publish(prm, id);
        String ocid = tendering.forStaff(prm, id).ocid();
        tendering.publishAddendum(
                prm,
                id,
                new Tendering.AddendumRequest(
                        "Report", n.submissionDeadline().plus(Duration.ofDays(3)), null, null, null, null, null));
        UUID question = tendering.ask(fixtures.user(TenderingFixtures.SUPPLIER), ocid, "Échantillons exigés ?");
        tendering.answer(buyer, id, question, "Non.");
        tendering.cancel(prm, id, "Besoin couvert par un don.");
        return ocid;
    }

    @Test
    void eachPublicFactIsAReleaseWithoutConfidentialData() throws Exception {
        String ocid = lifeOfAProcess();
        String body = web.body("/api/ocds/releases?ocid=" + ocid);
        JsonNode releases = json.readTree(body).get("releases");
        assertThat(releases).hasSize(4);
        // newest first
        assertThat(releases.get(3).get("tag").get(0).asString()).isEqualTo("tender");
        assertThat(releases.get(2).get("tag").get(0).asString()).isEqualTo("tenderAmendment");
        assertThat(releases.get(1).get("tag").get(0).asString()).isEqualTo("tenderUpdate");
        assertThat(releases.get(0).get("tag").get(0).asString()).isEqualTo("tenderCancellation");
        JsonNode last = releases.get(0);
        assertThat(last.get("tender").get("status").asString()).isEqualTo("cancelled");
        assertThat(last.get("tender").get("procurementMethod").asString()).isEqualTo("open");
        assertThat(last.get("tender").get("lots")).hasSize(2);
        assertThat(last.get("tender").get("amendments")).hasSize(2);
        assertThat(last.get("planning").get("rationale").asString()).isEqualTo("Épidémie déclarée");
        assertThat(last.get("tender").has("value")).isFalse();
        assertThat(body)
                .doesNotContain("77700000", TenderingFixtures.SUPPLIER, "Échantillons exigés")
                .contains(ocid);
        assertThat(releases.get(1).get("tender").get("hasEnquiries").asBoolean())
                .isTrue();
    }

    @Test
    @EnabledIfSystemProperty(named = OcdsSchema.ORACLES_PROPERTY, matches = ".+")
    void theReleasesAreValidAgainstTheOfficialSchema() throws Exception {
        String ocid = lifeOfAProcess();
        String body = web.body("/api/ocds/releases?ocid=" + ocid);
        assertThat(OcdsSchema.releasePackageErrors(body)).isEmpty();
        assertThat(OcdsSchema.emptyFields(body)).isEmpty();
    }
}
