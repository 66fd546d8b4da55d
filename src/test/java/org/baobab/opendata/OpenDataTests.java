// SPDX-License-Identifier: Apache-2.0
package org.baobab.opendata;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.baobab.IntegrationTest;
import org.baobab.Operator;
import org.baobab.WebClient;
import org.baobab.opendata.ocds.Address;
import org.baobab.opendata.ocds.ContactPoint;
import org.baobab.opendata.ocds.Party;
import org.baobab.opendata.ocds.Release;
import org.baobab.opendata.ocds.Tender;
import org.baobab.shared.BaobabException;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.IllegalTransactionStateException;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Publishing releases in the producer's transaction, and reading them back through the public OCDS API. */
@IntegrationTest
class OpenDataTests {

    static final JsonMapper JSON = JsonMapper.builder().build();

    private final OpenData openData;
    private final TransactionTemplate transactions;
    private final Operator operator;
    private final JdbcClient jdbc;
    private final WebClient web;

    OpenDataTests(
            OpenData openData, TransactionTemplate transactions, JdbcClient jdbc, MockMvc mvc, Operator operator) {
        this.operator = operator;
        this.openData = openData;
        this.transactions = transactions;
        this.jdbc = jdbc;
        this.web = new WebClient(mvc, "10.7.0.1");
    }

    private String newOcid() {
        return openData.ocid("test-" + UUID.randomUUID().toString().substring(0, 8));
    }

    private PublishedRelease publish(Release release) {
        return transactions.execute(tx -> openData.publish(release));
    }

    private MockHttpServletResponse get(String url) throws Exception {
        return web.get(url).andReturn().getResponse();
    }

    private static JsonNode json(MockHttpServletResponse response) throws Exception {
        return JSON.readTree(response.getContentAsString(java.nio.charset.StandardCharsets.UTF_8));
    }

    private static List<PublishedRelease> newestFirst(List<PublishedRelease> releases) {
        List<PublishedRelease> copy = new ArrayList<>(releases);
        java.util.Collections.reverse(copy);
        return copy;
    }

    @Test
    void theOcidIsThePrefixADashAndTheLocalId() {
        assertThat(openData.ocidPrefix()).isEqualTo("ocds-baobab");
        assertThat(openData.ocid("2026-000123")).isEqualTo("ocds-baobab-2026-000123");
        for (String bad : List.of(" ", "", "2026/AOO/041", " 12", "-12", "é")) {
            assertThatThrownBy(() -> openData.ocid(bad)).as(bad).isInstanceOf(BaobabException.class);
        }
    }

    @Test
    void publishesInTheCallersTransactionAndServesTheReleaseToEveryone() throws Exception {
        String ocid = newOcid();
        PublishedRelease planning = publish(OcdsSamples.planning(ocid));
        PublishedRelease tender = publish(OcdsSamples.tender(ocid));

        assertThat(planning.id()).isEqualTo(ocid + "-0001");
        assertThat(tender.id()).isEqualTo(ocid + "-0002");
        assertThat(tender.sequence()).isEqualTo(planning.sequence() + 1);
        assertThat(tender.tags()).containsExactly("tender");
        assertThat(openData.releases(ocid)).extracting(Release::id).containsExactly(planning.id(), tender.id());
        Release latest = openData.latest(ocid).orElseThrow();
        assertThat(latest.id()).isEqualTo(tender.id());
        assertThat(latest.initiationType()).isEqualTo("tender");
        assertThat(latest.tender().lots()).hasSize(2);
        assertThat(latest.tender().value().amount()).isEqualByComparingTo("420000000");
        assertThat(openData.latest(newOcid())).isEmpty();

        MockHttpServletResponse response = get("/api/ocds/releases/" + tender.id());
        assertThat(response.getStatus()).isEqualTo(200);
        assertThat(response.getContentType()).startsWith("application/json");
        JsonNode pkg = json(response);
        assertThat(pkg.path("version").asString()).isEqualTo("1.1");
        assertThat(pkg.path("publisher").path("name").asString()).isEqualTo("Baobab");
        assertThat(pkg.path("license").asString()).isEqualTo("https://creativecommons.org/licenses/by/4.0/");
        assertThat(pkg.path("publicationPolicy").asString()).isEqualTo("http://localhost/open-data");
        assertThat(pkg.path("extensions").get(0).asString()).contains("ocds_lots_extension");
        assertThat(pkg.path("releases")).hasSize(1);
        JsonNode release = pkg.path("releases").get(0);
        assertThat(release.path("ocid").asString()).isEqualTo(ocid);
        assertThat(release.path("tender").path("title").asString())
                .isEqualTo("Fourniture d'équipements d'imagerie médicale");
        // served byte for byte as stored
        assertThat(response.getContentAsString(java.nio.charset.StandardCharsets.UTF_8))
                .contains(tender.json());
        assertThat(pkg.path("publishedDate").asString())
                .isEqualTo(tender.publishedAt().toString());

        // the publication is journaled, without the release itself
        String payload = jdbc.sql("""
                select payload from audit_entry
                 where action = 'opendata.release-published' and subject_id = :ocid order by seq desc limit 1""").param("ocid", ocid).query(String.class).single();
        assertThat(JSON.readTree(payload).path("releaseId").asString()).isEqualTo(tender.id());
        assertThat(payload).contains("\"tender\"").doesNotContain("imagerie");
    }

    @Test
    void aReleaseCommitsOrRollsBackWithTheProducersChange() {
        String ocid = newOcid();
        assertThatThrownBy(() -> transactions.executeWithoutResult(tx -> {
                    openData.publish(OcdsSamples.planning(ocid));
                    throw new IllegalStateException("the producer's change failed");
                }))
                .isInstanceOf(IllegalStateException.class);
        assertThat(openData.releases(ocid)).isEmpty();
    }

    @Test
    void publishingOutsideATransactionIsRefused() {
        assertThatThrownBy(() -> openData.publish(OcdsSamples.planning(newOcid())))
                .isInstanceOf(IllegalTransactionStateException.class);
    }

    @Test
    void aReleaseIdIsNeverReusedForTheSameProcess() {
        String ocid = newOcid();
        publish(OcdsSamples.planning(ocid).withId("plan-1"));
        assertThatThrownBy(() -> publish(OcdsSamples.tender(ocid).withId("plan-1")))
                .isInstanceOfSatisfying(
                        BaobabException.class,
                        e -> assertThat(e.errorCode()).isEqualTo(OpenDataErrorCode.DUPLICATE_RELEASE));
        assertThat(openData.releases(ocid)).extracting(Release::tag).containsExactly(List.of("planning"));
        // an explicit id does not disturb the numbering of assigned ones
        PublishedRelease next = publish(OcdsSamples.tender(ocid));
        assertThat(next.id()).isEqualTo(ocid + "-0002");
        // the same id in another process is another release
        assertThat(publish(OcdsSamples.planning(newOcid()).withId("plan-1")).id())
                .isEqualTo("plan-1");
    }

    @Test
    void releasesOfAnotherPublisherOrWithoutTagAreRefused() {
        assertThatThrownBy(() -> publish(OcdsSamples.planning("ocds-213czf-000-00001")))
                .isInstanceOfSatisfying(
                        BaobabException.class,
                        e -> assertThat(e.errorCode()).isEqualTo(OpenDataErrorCode.FOREIGN_OCID));
        assertThatThrownBy(() -> publish(OcdsSamples.planning(newOcid()).toBuilder()
                        .tag(List.of())
                        .build()))
                .isInstanceOfSatisfying(
                        BaobabException.class,
                        e -> assertThat(e.errorCode()).isEqualTo(OpenDataErrorCode.INVALID_RELEASE));
    }

    @Test
    void publishedReleasesCannotBeChangedOrDeleted() {
        PublishedRelease release = publish(OcdsSamples.planning(newOcid()));
        assertThatThrownBy(() -> jdbc.sql("update opendata_release set release = '{}' where seq = :seq")
                        .param("seq", release.sequence())
                        .update())
                .isInstanceOf(DataAccessException.class)
                .rootCause()
                .hasMessageContaining("never changed");
        assertThatThrownBy(() -> jdbc.sql("delete from opendata_release where seq = :seq")
                        .param("seq", release.sequence())
                        .update())
                .isInstanceOf(DataAccessException.class)
                .rootCause()
                .hasMessageContaining("never changed");
        // as the database's superuser: the application's own role may not even truncate
        assertThatThrownBy(
                        () -> operator.jdbc().sql("truncate opendata_release").update())
                .isInstanceOf(DataAccessException.class)
                .rootCause()
                .hasMessageContaining("never changed");
        assertThat(openData.published(release.ocid()))
                .extracting(PublishedRelease::json)
                .containsExactly(release.json());
    }

    @Test
    void emptyFieldsAreOmittedDatesAreInstantsAndAmountsExact() {
        String ocid = newOcid();
        Party bare = new Party(
                "p1",
                "Fournisseur",
                null,
                new Address(null, "", null, null, null),
                new ContactPoint("", null, null, null),
                List.of());
        Release release = Release.builder()
                .ocid(ocid)
                .tag("tender")
                .language("")
                .parties(bare)
                .tender(Tender.builder()
                        .id("t1")
                        .title("")
                        .value(org.baobab.opendata.ocds.Value.of("1000000.50", "XOF"))
                        .minValue(org.baobab.opendata.ocds.Value.of("1E+6", "XOF"))
                        .tenderPeriod(
                                org.baobab.opendata.ocds.Period.between(Instant.parse("2026-11-23T10:00:00Z"), null))
                        .hasEnquiries(false)
                        .build())
                .build();
        PublishedRelease published = publish(release);
        String json = published.json();
        assertThat(OcdsSchema.emptyFields(json)).isEmpty();
        assertThat(json)
                .doesNotContain("address", "contactPoint", "language", "\"title\"", "roles", "null", "E+")
                .contains("\"amount\":1000000.50", "\"amount\":1000000", "\"startDate\":\"2026-11-23T10:00:00Z\"")
                .contains("\"hasEnquiries\":false")
                .contains("\"initiationType\":\"tender\"")
                .startsWith("{\"date\":\"");
        assertThat(JSON.readTree(json).path("date").asString()).endsWith("Z");
    }

    @Test
    void pagesNewestFirstWithNextLinksAndFiltersByOcidAndTime() throws Exception {
        String ocid = newOcid();
        List<PublishedRelease> published = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            published.add(publish(i == 0 ? OcdsSamples.planning(ocid) : OcdsSamples.tender(ocid)));
        }
        List<String> seen = new ArrayList<>();
        String url = "/api/ocds/releases?ocid=" + ocid + "&size=2";
        int pages = 0;
        while (url != null) {
            MockHttpServletResponse response = get(url);
            assertThat(response.getStatus()).isEqualTo(200);
            JsonNode pkg = json(response);
            pkg.path("releases").forEach(r -> {
                assertThat(r.path("ocid").asString()).isEqualTo(ocid);
                seen.add(r.path("id").asString());
            });
            JsonNode link = pkg.path("links").path("next");
            String next = link.isMissingNode() ? null : link.asString();
            if (next != null) {
                assertThat(response.getHeader("Link")).isEqualTo("<" + next + ">; rel=\"next\"");
                assertThat(pkg.path("releases")).hasSize(2);
                url = next.replace("http://localhost", "");
            } else {
                assertThat(response.getHeader("Link")).isNull();
                url = null;
            }
            pages++;
        }
        assertThat(pages).isEqualTo(3);
        assertThat(seen)
                .containsExactlyElementsOf(newestFirst(published).stream()
                        .map(PublishedRelease::id)
                        .toList());

        Instant since = published.get(2).publishedAt();
        JsonNode recent = json(get("/api/ocds/releases?ocid=" + ocid + "&since=" + since));
        List<String> expected = newestFirst(published).stream()
                .filter(p -> p.publishedAt().isAfter(since))
                .map(PublishedRelease::id)
                .toList();
        List<String> ids = new ArrayList<>();
        recent.path("releases").forEach(r -> ids.add(r.path("id").asString()));
        assertThat(ids).containsExactlyElementsOf(expected);

        // size is capped at 100
        MockHttpServletResponse all = get("/api/ocds/releases?size=1000");
        assertThat(json(all).path("releases").size()).isLessThanOrEqualTo(100);
    }

    @Test
    void unknownReleasesAndBadQueriesAreProblems() throws Exception {
        MockHttpServletResponse missing = get("/api/ocds/releases/no-such-release");
        assertThat(missing.getStatus()).isEqualTo(404);
        assertThat(missing.getContentType()).startsWith("application/problem+json");
        assertThat(json(missing).path("code").asString()).isEqualTo("SHARED-0001");
        assertThat(get("/api/ocds/records/ocds-baobab-none").getStatus()).isEqualTo(404);

        MockHttpServletResponse badSince = get("/api/ocds/releases?since=yesterday");
        assertThat(badSince.getStatus()).isEqualTo(400);
        assertThat(json(badSince).path("code").asString()).isEqualTo("OPENDATA-0004");
        assertThat(get("/api/ocds/releases?size=0").getStatus()).isEqualTo(400);
    }

    @Test
    void theRecordLinksEveryReleaseOfTheProcess() throws Exception {
        String ocid = newOcid();
        PublishedRelease planning = publish(OcdsSamples.planning(ocid));
        PublishedRelease tender = publish(OcdsSamples.tender(ocid));
        JsonNode pkg = json(get("/api/ocds/records/" + ocid));
        JsonNode record = pkg.path("records").get(0);
        assertThat(record.path("ocid").asString()).isEqualTo(ocid);
        assertThat(record.path("releases")).hasSize(2);
        assertThat(record.path("releases").get(0).path("url").asString())
                .isEqualTo(
                        "http://localhost/api/ocds/releases/" + planning.id() + "?ocid=" + ocid + "#" + planning.id());
        assertThat(record.path("releases").get(1).path("tag").get(0).asString()).isEqualTo("tender");
        assertThat(get(record.path("releases").get(1).path("url").asString().replace("http://localhost", ""))
                        .getContentAsString(java.nio.charset.StandardCharsets.UTF_8))
                .contains(tender.json());
    }

    @Test
    void theOpenDataPageExplainsThePolicyInEveryLanguage() throws Exception {
        for (String lang : List.of("fr", "en", "ar")) {
            MockHttpServletResponse page = get("/open-data?lang=" + lang);
            assertThat(page.getStatus()).isEqualTo(200);
            assertThat(page.getContentAsString(java.nio.charset.StandardCharsets.UTF_8))
                    .contains("ocds-baobab", "/api/ocds/releases", "https://creativecommons.org/licenses/by/4.0/");
        }
    }
}
