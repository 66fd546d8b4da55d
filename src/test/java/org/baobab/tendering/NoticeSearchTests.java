// SPDX-License-Identifier: Apache-2.0
package org.baobab.tendering;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import java.util.UUID;
import org.baobab.IntegrationTest;
import org.baobab.WebClient;
import org.baobab.identity.CurrentUser;
import org.baobab.rules.Nature;
import org.junit.jupiter.api.Test;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The public side: search that ignores accents and case in French, English and Arabic, filters and pages; the notice
 * page and the JSON API show published notices only, never a draft, an asker or a confidential estimate.
 */
@IntegrationTest
class NoticeSearchTests {

    private final Tendering tendering;
    private final Notices notices;
    private final TenderingFixtures fixtures;
    private final WebClient web;

    NoticeSearchTests(Tendering tendering, Notices notices, TenderingFixtures fixtures, MockMvc mvc) {
        this.tendering = tendering;
        this.notices = notices;
        this.fixtures = fixtures;
        this.web = new WebClient(mvc, "10.7.7.7");
    }

    private String publish(String title) {
        CurrentUser buyer = fixtures.user(TenderingFixtures.BUYER);
        UUID id = tendering.createOutsidePlan(
                buyer, fixtures.organisationOf(TenderingFixtures.BUYER), "motif", fixtures.notice("SN", title));
        tendering.publish(fixtures.user(TenderingFixtures.PRM), id);
        return tendering.forStaff(buyer, id).ocid();
    }

    private static NoticeSearch words(String q) {
        return new NoticeSearch(
                q, null, null, null, null, null, null, null, null, null, NoticeSearch.Sort.RELEVANCE, 0, 100);
    }

    @Test
    void searchIgnoresAccentsCaseAndInflection() {
        String marker = "zq" + UUID.randomUUID().toString().substring(0, 6);
        String ocid = publish("Équipements informatiques " + marker);
        assertThat(notices.search(words("equipement informatique " + marker)).items())
                .extracting(NoticeSummary::ocid)
                .containsExactly(ocid);
        assertThat(notices.search(words("ÉQUIPEMENTS " + marker)).items())
                .extracting(NoticeSummary::ocid)
                .containsExactly(ocid);
        assertThat(notices.search(words("ordinateurs " + marker)).items()).isEmpty();
    }

    @Test
    void injectionLookingInputIsOnlyEverAValue() {
        String marker = "zq" + UUID.randomUUID().toString().substring(0, 6);
        String ocid = publish("Groupes électrogènes " + marker);
        // as words: searched as words (every one must match), so nothing is found
        for (String attack : List.of(
                "'; drop table tendering_process; --", "\\'); select pg_sleep(0); --", ":q) || to_tsquery('x")) {
            assertThat(notices.search(words(attack)).items()).isEmpty();
        }
        // as filters: compared as values, so no notice has them
        for (String attack : List.of(
                "'; drop table tendering_process; --", marker + "' or '1'='1", "AOO' or 'x'='x", "open' or true --")) {
            assertThat(notices.search(new NoticeSearch(
                                    null,
                                    attack,
                                    null,
                                    null,
                                    attack,
                                    attack,
                                    null,
                                    null,
                                    null,
                                    null,
                                    NoticeSearch.Sort.DEADLINE,
                                    0,
                                    20,
                                    List.of(attack)))
                            .items())
                    .isEmpty();
            assertThat(notices.search(new NoticeSearch(
                                    null,
                                    null,
                                    null,
                                    null,
                                    attack,
                                    null,
                                    null,
                                    null,
                                    null,
                                    null,
                                    NoticeSearch.Sort.DEADLINE,
                                    0,
                                    20))
                            .items())
                    .isEmpty();
        }
        // the table is whole and the notice still found by its words
        assertThat(notices.search(words("groupes electrogenes " + marker)).items())
                .extracting(NoticeSummary::ocid)
                .containsExactly(ocid);
    }

    @Test
    void searchFindsEnglishAndArabicTitles() {
        String marker = "zq" + UUID.randomUUID().toString().substring(0, 6);
        String english = publish("Supply of medical equipment " + marker);
        String arabic = publish("توريد معدات طبية " + marker);
        assertThat(notices.search(words("equipments " + marker)).items())
                .extracting(NoticeSummary::ocid)
                .contains(english);
        assertThat(notices.search(words("معدات " + marker)).items())
                .extracting(NoticeSummary::ocid)
                .containsExactly(arabic);
    }

    @Test
    void filtersNarrowTheResults() {
        String marker = "zq" + UUID.randomUUID().toString().substring(0, 6);
        String ocid = publish("Groupes électrogènes " + marker);
        NoticeSearch sn = new NoticeSearch(
                marker,
                "sn",
                null,
                Nature.GOODS,
                "AOO",
                "open",
                null,
                null,
                null,
                null,
                NoticeSearch.Sort.DEADLINE,
                0,
                10);
        assertThat(notices.search(sn).items()).extracting(NoticeSummary::ocid).containsExactly(ocid);
        NoticeSearch cm = new NoticeSearch(
                marker, "CM", null, null, null, null, null, null, null, null, NoticeSearch.Sort.DEADLINE, 0, 10);
        assertThat(notices.search(cm).total()).isZero();
        NoticeSearch works = new NoticeSearch(
                marker,
                null,
                null,
                Nature.WORKS,
                null,
                null,
                null,
                null,
                null,
                null,
                NoticeSearch.Sort.DEADLINE,
                0,
                10);
        assertThat(notices.search(works).total()).isZero();
        NoticeSearch closed = new NoticeSearch(
                marker, null, null, null, null, "closed", null, null, null, null, NoticeSearch.Sort.DEADLINE, 0, 10);
        assertThat(notices.search(closed).total()).isZero();
    }

    @Test
    void resultsArePaged() {
        String marker = "zq" + UUID.randomUUID().toString().substring(0, 6);
        for (int i = 0; i < 3; i++) {
            publish("Consommables " + i + " " + marker);
        }
        NoticeSearch first = new NoticeSearch(
                marker, null, null, null, null, null, null, null, null, null, NoticeSearch.Sort.PUBLISHED, 0, 2);
        SearchResult<NoticeSummary> page = notices.search(first);
        assertThat(page.total()).isEqualTo(3);
        assertThat(page.items()).hasSize(2);
        assertThat(page.hasNext()).isTrue();
        NoticeSearch second = new NoticeSearch(
                marker, null, null, null, null, null, null, null, null, null, NoticeSearch.Sort.PUBLISHED, 1, 2);
        SearchResult<NoticeSummary> last = notices.search(second);
        assertThat(last.items()).hasSize(1).doesNotContainAnyElementsOf(page.items());
        assertThat(last.total()).isEqualTo(3);
        assertThat(last.hasNext()).isFalse();
        NoticeSearch beyond = new NoticeSearch(
                marker, null, null, null, null, null, null, null, null, null, NoticeSearch.Sort.RELEVANCE, 5, 2);
        SearchResult<NoticeSummary> empty = notices.search(beyond);
        assertThat(empty.items()).isEmpty();
        assertThat(empty.total())
                .as("a page past the end still tells the total")
                .isEqualTo(3);
    }

    @Test
    void aBilingualTitleIsFoundInEachOfItsLanguages() {
        String marker = "zq" + UUID.randomUUID().toString().substring(0, 6);
        String ocid = publish("Réhabilitation des pistes rurales – تأهيل المسالك الريفية " + marker);
        assertThat(notices.search(words("piste rurale " + marker)).items())
                .extracting(NoticeSummary::ocid)
                .containsExactly(ocid);
        assertThat(notices.search(words("المسالك " + marker)).items())
                .extracting(NoticeSummary::ocid)
                .containsExactly(ocid);
        assertThat(notices.search(words("الريفية pistes " + marker)).items())
                .extracting(NoticeSummary::ocid)
                .containsExactly(ocid);
        assertThat(notices.search(words("المسالك -pistes " + marker)).items())
                .as("a word excluded is excluded in every language")
                .isEmpty();
        assertThat(notices.search(words("pistes -\"المسالك الريفية\" " + marker))
                        .items())
                .isEmpty();
        assertThat(notices.search(words("pistes -routes " + marker)).items())
                .extracting(NoticeSummary::ocid)
                .containsExactly(ocid);
    }

    @Test
    void cpvCodesAreCheckedShownSearchedByFieldAndPublishedAsItemClassifications() throws Exception {
        String marker = "zq" + UUID.randomUUID().toString().substring(0, 6);
        CurrentUser buyer = fixtures.user(TenderingFixtures.BUYER);
        UUID wrong = tendering.createOutsidePlan(
                buyer,
                fixtures.organisationOf(TenderingFixtures.BUYER),
                "motif",
                fixtures.notice("SN", "Codes faux " + marker).withClassification(java.util.List.of("12345678")));
        assertThat(tendering.checks(wrong).findings())
                .filteredOn(Finding::blocking)
                .extracting(Finding::messageKey)
                .contains("check.unknown-cpv");
        UUID none = tendering.createOutsidePlan(
                buyer, fixtures.organisationOf(TenderingFixtures.BUYER), "motif", fixtures.notice("SN", "Sans code"));
        assertThat(tendering.checks(none).findings())
                .extracting(Finding::messageKey)
                .contains("check.no-cpv");

        UUID id = tendering.createOutsidePlan(
                buyer,
                fixtures.organisationOf(TenderingFixtures.BUYER),
                "motif",
                fixtures.notice("SN", "Routes rurales " + marker)
                        .withClassification(java.util.List.of("45233120", "71311220")));
        tendering.publish(fixtures.user(TenderingFixtures.PRM), id);
        String ocid = tendering.forStaff(buyer, id).ocid();

        NoticeSearch byWords = words(marker);
        assertThat(notices.search(byWords.withCpv(java.util.List.of("45000000")))
                        .items())
                .extracting(NoticeSummary::ocid)
                .containsExactly(ocid);
        assertThat(notices.search(byWords.withCpv(java.util.List.of("33000000", "71300000")))
                        .items())
                .extracting(NoticeSummary::ocid)
                .containsExactly(ocid);
        assertThat(notices.search(byWords.withCpv(java.util.List.of("45100000")))
                        .total())
                .isZero();
        assertThat(web.body("/notices?cpv=45230000&q=" + marker)).contains("Routes rurales " + marker);
        assertThat(web.body("/notices?cpv=72000000&q=" + marker)).doesNotContain("Routes rurales " + marker);
        assertThat(web.body("/notices?cpv=abc&q=" + marker)).doesNotContain("Routes rurales " + marker);

        assertThat(web.body("/notices/" + ocid))
                .contains("45233120", "Travaux de construction de routes", "href=\"/classification/71311220\"");
        web.get("/api/ocds/releases?ocid=" + ocid)
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.releases[0].tender.items[0].classification.scheme")
                        .value("CPV"))
                .andExpect(jsonPath("$.releases[0].tender.items[0].classification.id")
                        .value("45233120"))
                .andExpect(jsonPath("$.releases[0].tender.items[0].classification.description")
                        .value("Travaux de construction de routes"))
                .andExpect(jsonPath("$.releases[0].tender.items[0].additionalClassifications[0].id")
                        .value("71311220"));
    }

    @Test
    void theNoticePageAndApiShowPublishedNoticesOnly() throws Exception {
        String marker = "zq" + UUID.randomUUID().toString().substring(0, 6);
        String ocid = publish("Ambulances médicalisées " + marker);
        CurrentUser buyer = fixtures.user(TenderingFixtures.BUYER);
        UUID draft = tendering.createOutsidePlan(
                buyer,
                fixtures.organisationOf(TenderingFixtures.BUYER),
                "motif",
                fixtures.notice("SN", "Brouillon " + marker));
        String draftOcid = tendering.forStaff(buyer, draft).ocid();

        String list = web.perform(get("/notices").param("q", "ambulance medicalisee " + marker))
                .andReturn()
                .getResponse()
                .getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
        assertThat(list).contains("Ambulances médicalisées " + marker).doesNotContain("Brouillon " + marker);
        String page = web.body("/notices/" + ocid);
        assertThat(page).contains("Ambulances médicalisées", ocid, "Lot 1 : ordinateurs portables", "(Africa/Dakar)");
        web.get("/notices/" + draftOcid).andExpect(status().isNotFound());
        web.get("/api/notices/" + ocid)
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.ocid").value(ocid))
                .andExpect(jsonPath("$.notice.lots.length()").value(2))
                // the API's published shape: the notice's fields side by side, whatever groups the code keeps
                .andExpect(jsonPath("$.notice.procedureCode").isString())
                .andExpect(jsonPath("$.notice.currency").isString())
                .andExpect(jsonPath("$.notice.submissionDeadline").isString())
                .andExpect(jsonPath("$.notice.contactEmail").isString())
                .andExpect(jsonPath("$.notice.classification").isArray())
                .andExpect(jsonPath("$.notice.procedure").doesNotExist());
        web.get("/api/notices/" + draftOcid)
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.code").value("TENDERING-0001"));
        web.get("/api/notices?q=" + marker + "&country=SN")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.total").value(1))
                .andExpect(jsonPath("$.items[0].ocid").value(ocid));
        assertThat(web.body("/notices?lang=en")).contains("Procurement notices");
        assertThat(web.body("/notices?lang=ar")).contains("dir=\"rtl\"");
    }
}
