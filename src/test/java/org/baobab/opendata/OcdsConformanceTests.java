// SPDX-License-Identifier: Apache-2.0
package org.baobab.opendata;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import org.baobab.IntegrationTest;
import org.baobab.WebClient;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Everything the platform publishes is valid OCDS 1.1: every release stored (by this test's scenario, by the other
 * tests and by the demo data) is served by {@code /api/ocds/releases} in packages valid against the OCDS 1.1.5
 * release-package schema, with no empty field and no (ocid, id) pair twice.
 */
@IntegrationTest
@Order(Integer.MAX_VALUE) // after the other test classes, so that it checks what they published too
@EnabledIfSystemProperty(named = OcdsSchema.ORACLES_PROPERTY, matches = ".+")
class OcdsConformanceTests {

    static final JsonMapper JSON = JsonMapper.builder().build();

    private final OpenData openData;
    private final TransactionTemplate transactions;
    private final JdbcClient jdbc;
    private final WebClient web;

    OcdsConformanceTests(OpenData openData, TransactionTemplate transactions, JdbcClient jdbc, MockMvc mvc) {
        this.openData = openData;
        this.transactions = transactions;
        this.jdbc = jdbc;
        this.web = new WebClient(mvc, "10.7.0.2");
    }

    private String body(String url) throws Exception {
        MockHttpServletResponse response = web.get(url).andReturn().getResponse();
        assertThat(response.getStatus()).as(url).isEqualTo(200);
        return response.getContentAsString(StandardCharsets.UTF_8);
    }

    /** A process with planning, tender (lots, items, documents, milestones) and an addendum. */
    private String publishScenario() {
        String ocid =
                openData.ocid("conformance-" + UUID.randomUUID().toString().substring(0, 8));
        transactions.executeWithoutResult(tx -> {
            openData.publish(OcdsSamples.planning(ocid));
            String tenderId = openData.publish(OcdsSamples.tender(ocid)).id();
            openData.publish(OcdsSamples.amendment(ocid, tenderId, ocid + "-addendum-1"));
        });
        return ocid;
    }

    @Test
    void everyStoredReleaseIsServedInValidPackages() throws Exception {
        String scenario = publishScenario();
        long stored = jdbc.sql("select count(*) from opendata_release")
                .query(Long.class)
                .single();

        Set<String> keys = new HashSet<>();
        long served = 0;
        String url = "/api/ocds/releases?size=25";
        while (url != null) {
            String pkg = body(url);
            assertThat(OcdsSchema.releasePackageErrors(pkg)).as(url).isEmpty();
            assertThat(OcdsSchema.emptyFields(pkg)).as(url).isEmpty();
            assertThat(OcdsSchema.duplicateReleaseIds(pkg)).as(url).isEmpty();
            JsonNode tree = JSON.readTree(pkg);
            for (JsonNode release : tree.path("releases")) {
                assertThat(keys.add(release.path("ocid").asString() + "/"
                                + release.path("id").asString()))
                        .as("(ocid, id) served twice")
                        .isTrue();
                served++;
            }
            JsonNode next = tree.path("links").path("next");
            url = next.isMissingNode() ? null : next.asString().replace("http://localhost", "");
        }
        assertThat(served).isEqualTo(stored);
        assertThat(keys).contains(scenario + "/" + scenario + "-0001", scenario + "/" + scenario + "-addendum-1");
    }

    @Test
    void theScenarioIsValidPerProcessAndAsARecord() throws Exception {
        String ocid = publishScenario();
        String releases = body("/api/ocds/releases?ocid=" + ocid);
        assertThat(OcdsSchema.releasePackageErrors(releases)).isEmpty();
        assertThat(JSON.readTree(releases).path("releases")).hasSize(3);
        for (PublishedRelease release : openData.published(ocid)) {
            assertThat(OcdsSchema.releaseErrors(release.json()))
                    .as(release.id())
                    .isEmpty();
            String single = body("/api/ocds/releases/" + release.id() + "?ocid=" + ocid);
            assertThat(OcdsSchema.releasePackageErrors(single)).isEmpty();
        }
        String record = body("/api/ocds/records/" + ocid);
        assertThat(OcdsSchema.recordPackageErrors(record)).isEmpty();
        assertThat(OcdsSchema.emptyFields(record)).isEmpty();
    }
}
