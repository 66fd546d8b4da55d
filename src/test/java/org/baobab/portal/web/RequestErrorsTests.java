// SPDX-License-Identifier: Apache-2.0
package org.baobab.portal.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.baobab.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;

/**
 * A request Spring MVC cannot read (a filter that is not a number or a date, an unknown order, a page number beyond
 * an int, a malformed identifier in the address, words longer than the search takes) is answered in the reader's
 * language: a page in the site's layout for a person, an RFC 9457 problem for an API client. No framework message
 * ("Invalid request content.", "Failed to convert…", the servlet container's error page) reaches anyone.
 */
@IntegrationTest
class RequestErrorsTests {

    private static final List<String> LANGUAGES = List.of("fr", "en", "ar");

    /** Words of Spring's and Tomcat's own English error texts. */
    private static final List<String> FRAMEWORK = List.of(
            "Invalid request content", "Failed to convert", "typeMismatch", "HTTP Status", "Bad Request", "Exception");

    private final MockMvc mvc;
    private final int port;

    RequestErrorsTests(MockMvc mvc, @LocalServerPort int port) {
        this.mvc = mvc;
        this.port = port;
    }

    @Test
    void aBadNoticeFilterKeepsTheListAndSaysWhatIsWrongNextToTheFilter() throws Exception {
        Map<String, Map<String, String>> expected = Map.of(
                "minValue=abc",
                Map.of("fr", "Saisissez un nombre", "en", "Enter a number", "ar", "أدخل رقمًا"),
                "deadlineFrom=2026-13-45",
                Map.of("fr", "Saisissez une date valide", "en", "Enter a valid date", "ar", "أدخل تاريخًا صالحًا"),
                "sort=BOGUS",
                Map.of("fr", "Choisissez un ordre", "en", "Choose an order", "ar", "اختر ترتيبًا"),
                "page=999999999999",
                Map.of("fr", "numéro de page", "en", "page number does not exist", "ar", "رقم الصفحة"));
        for (var filter : expected.entrySet()) {
            String field = filter.getKey().substring(0, filter.getKey().indexOf('='));
            for (String language : LANGUAGES) {
                MockHttpServletResponse page = mvc.perform(get(URI.create("/notices?" + filter.getKey()))
                                .header("Accept", "text/html,application/xhtml+xml,*/*;q=0.8")
                                .header("Accept-Language", language))
                        .andReturn()
                        .getResponse();
                String html = page.getContentAsString(StandardCharsets.UTF_8);
                assertThat(page.getStatus()).as(filter.getKey()).isEqualTo(400);
                assertThat(page.getContentType()).startsWith("text/html");
                assertThat(html)
                        .as("%s in %s", filter.getKey(), language)
                        .contains("lang=\"" + language + "\"", "class=\"site-header\"", "class=\"error-summary\"")
                        .contains(filter.getValue().get(language))
                        // the list is still there, with the other filters
                        .contains("class=\"notice-list\"", "href=\"/notices/ocds-");
                assertThat(FRAMEWORK).noneMatch(html::contains);
                if (!field.equals("page")) {
                    // next to its field, which the field points to
                    assertThat(html).contains("id=\"" + field + "-error\"", "aria-describedby=\"" + field + "-error\"");
                }
            }
        }
        // right to left in Arabic
        assertThat(mvc.perform(get("/notices?minValue=abc").header("Accept-Language", "ar"))
                        .andReturn()
                        .getResponse()
                        .getContentAsString(StandardCharsets.UTF_8))
                .contains("dir=\"rtl\"");
    }

    @Test
    void theNoticeApiAnswersATranslatedProblemForTheSameFilters() throws Exception {
        for (String query : List.of("minValue=abc", "deadlineFrom=2026-13-45", "sort=BOGUS", "page=999999999999")) {
            MockHttpServletResponse problem = mvc.perform(
                            get(URI.create("/api/notices?" + query)).header("Accept-Language", "en"))
                    .andReturn()
                    .getResponse();
            assertThat(problem.getStatus()).as(query).isEqualTo(400);
            assertThat(problem.getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
            String json = problem.getContentAsString(StandardCharsets.UTF_8);
            // the field errors keep Spring's machine codes ("typeMismatch"), each with a translated message
            assertThat(json)
                    .contains("\"code\":\"SHARED-0002\"", "Some data is invalid")
                    .doesNotContain("Invalid request content", "Failed to convert");
        }
    }

    @Test
    void aProgramAskingTheNoticesPageForJsonGetsTheProblem() throws Exception {
        MockHttpServletResponse problem = mvc.perform(get("/notices?minValue=abc")
                        .header("Accept", "application/json")
                        .header("Accept-Language", "fr"))
                .andReturn()
                .getResponse();
        assertThat(problem.getStatus()).isEqualTo(400);
        assertThat(problem.getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        assertThat(problem.getContentAsString(StandardCharsets.UTF_8))
                .contains("\"code\":\"SHARED-0002\"", "Saisissez un nombre")
                .doesNotContain("Invalid request content", "Failed to convert");
    }

    @Test
    void aMalformedIdentifierInTheAddressIsATranslatedPageOrProblem() throws Exception {
        Map<String, String> expected =
                Map.of("fr", "pas un identifiant valide", "en", "not a valid identifier", "ar", "ليس معرّفًا صالحًا");
        for (String language : LANGUAGES) {
            MockHttpServletResponse page = mvc.perform(
                            get("/plans/garbage").header("Accept", "text/html").header("Accept-Language", language))
                    .andReturn()
                    .getResponse();
            String html = page.getContentAsString(StandardCharsets.UTF_8);
            assertThat(page.getStatus()).isEqualTo(404);
            assertThat(page.getContentType()).startsWith("text/html");
            assertThat(html)
                    .contains("lang=\"" + language + "\"", "class=\"site-header\"", "garbage", "SHARED-0006")
                    .contains(expected.get(language));
            assertThat(FRAMEWORK).noneMatch(html::contains);
        }
        // a client asking for JSON gets a problem
        MockHttpServletResponse problem = mvc.perform(get("/plans/garbage")
                        .header("Accept", "application/json")
                        .header("Accept-Language", "fr"))
                .andReturn()
                .getResponse();
        assertThat(problem.getStatus()).isEqualTo(404);
        assertThat(problem.getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        assertThat(problem.getContentAsString(StandardCharsets.UTF_8))
                .contains("\"code\":\"SHARED-0006\"", "pas un identifiant valide")
                .doesNotContain("Failed to convert");
    }

    @Test
    void tenThousandCharactersOfSearchReachTheApplicationAndAreAnsweredInTheReadersLanguage() throws Exception {
        Map<String, String> expected =
                Map.of("fr", "200 caractères au plus", "en", "at most 200 characters", "ar", "كلمات البحث");
        HttpClient client = HttpClient.newHttpClient();
        for (String language : LANGUAGES) {
            HttpResponse<String> response = client.send(
                    HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/notices?q=" + "a".repeat(10_000)))
                            .header("Accept", "text/html")
                            .header("Accept-Language", language)
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).isEqualTo(400);
            assertThat(response.body())
                    .contains("lang=\"" + language + "\"", "class=\"site-header\"", "id=\"q-error\"")
                    .contains(expected.get(language))
                    .contains("class=\"notice-list\"");
            assertThat(FRAMEWORK).noneMatch(response.body()::contains);
        }
    }
}
