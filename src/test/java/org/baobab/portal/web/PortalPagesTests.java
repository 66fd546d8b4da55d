// SPDX-License-Identifier: Apache-2.0
package org.baobab.portal.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.baobab.IntegrationTest;
import org.baobab.SignedIn;
import org.baobab.identity.Accounts;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The first minutes of a visitor: the home page searches and shows the latest notices, the navigation offers each role
 * its pages and reflects the signed-in state, the API has a page for people and a real description, and static assets
 * are versioned and cached for a year while pages are not cached.
 */
@IntegrationTest
class PortalPagesTests {

    private static final long YEAR = 31_536_000;

    private final MockMvc mvc;
    private final Accounts accounts;

    PortalPagesTests(MockMvc mvc, Accounts accounts) {
        this.mvc = mvc;
        this.accounts = accounts;
    }

    @Test
    void theStylesheetLinkCarriesItsContentHashAndIsCachedForAYearWhileThePageIsNot() throws Exception {
        MockHttpServletResponse home = mvc.perform(get("/")).andReturn().getResponse();
        assertThat(home.getHeader("Cache-Control")).contains("no-store");
        Matcher css =
                Pattern.compile("href=\"(/css/baobab-[0-9a-f]{32}\\.css)\"").matcher(body(home));
        assertThat(css.find())
                .as("a versioned stylesheet link in %s", body(home))
                .isTrue();
        MockHttpServletResponse stylesheet =
                mvc.perform(get(css.group(1))).andReturn().getResponse();
        assertThat(stylesheet.getStatus()).isEqualTo(200);
        assertThat(stylesheet.getContentType()).startsWith("text/css");
        assertThat(maxAge(stylesheet)).isGreaterThanOrEqualTo(YEAR);
        assertThat(stylesheet.getHeader("Cache-Control")).contains("immutable").doesNotContain("no-store");
        // the favicon too
        Matcher icon = Pattern.compile("href=\"(/favicon-[0-9a-f]{32}\\.svg)\"").matcher(body(home));
        assertThat(icon.find()).isTrue();
        assertThat(maxAge(mvc.perform(get(icon.group(1))).andReturn().getResponse()))
                .isGreaterThanOrEqualTo(YEAR);
    }

    @Test
    void scriptsShareOneVersionSoThatTheirRelativeImportsResolveToTheSameVersion() throws Exception {
        String page = body(mvc.perform(get("/transparency")).andReturn().getResponse());
        Matcher script =
                Pattern.compile("src=\"/([0-9a-f]{16})/js/transparency\\.js\"").matcher(page);
        assertThat(script.find()).as("a versioned script in %s", page).isTrue();
        String version = script.group(1);
        MockHttpServletResponse transparency = mvc.perform(get("/" + version + "/js/transparency.js"))
                .andReturn()
                .getResponse();
        assertThat(transparency.getStatus()).isEqualTo(200);
        assertThat(maxAge(transparency)).isGreaterThanOrEqualTo(YEAR);
        // what it imports ("./transparency-log.js") is found under the same version
        assertThat(body(transparency)).contains("./transparency-log.js");
        MockHttpServletResponse imported = mvc.perform(get("/" + version + "/js/transparency-log.js"))
                .andReturn()
                .getResponse();
        assertThat(imported.getStatus()).isEqualTo(200);
        assertThat(maxAge(imported)).isGreaterThanOrEqualTo(YEAR);
        // a version that is not the scripts' is not served
        assertThat(mvc.perform(get("/0000000000000000/js/transparency.js"))
                        .andReturn()
                        .getResponse()
                        .getStatus())
                .isEqualTo(404);
    }

    @Test
    void theHomePageSearchesNoticesShowsTheLatestAndLinksOpenData() throws Exception {
        String home = body(mvc.perform(get("/")).andReturn().getResponse());
        assertThat(home)
                .contains("role=\"search\"", "action=\"/notices\"", "name=\"q\"")
                .contains("Derniers avis ouverts", "href=\"/notices/ocds-")
                .contains("href=\"/open-data\"", "href=\"/developers\"")
                .contains("href=\"/login\"");
        // the footer no longer opens the raw OpenAPI JSON
        assertThat(home).doesNotContain("href=\"/api/docs\"");
    }

    @Test
    void signedInTheHomePageAndHeaderShowTheAccountNotTheSignIn() throws Exception {
        String home = body(
                mvc.perform(get("/").with(as("prm@sante.demo"))).andReturn().getResponse());
        assertThat(home).contains("href=\"/account\"", "Se déconnecter").doesNotContain("href=\"/login\"");
    }

    @Test
    void theAuditJournalAndTheOrganisationsAreInTheNavigationOfTheRolesThatUseThem() throws Exception {
        assertThat(body(mvc.perform(get("/notices").with(as("auditeur@arcop.demo")))
                        .andReturn()
                        .getResponse()))
                .contains("href=\"/audit\"")
                .doesNotContain("href=\"/admin/organisations\"");
        assertThat(body(mvc.perform(get("/notices").with(as("admin@arcop.demo")))
                        .andReturn()
                        .getResponse()))
                .contains("href=\"/admin/organisations\"")
                .doesNotContain("href=\"/audit\"");
        assertThat(body(mvc.perform(get("/notices").with(as("acheteur@sante.demo")))
                        .andReturn()
                        .getResponse()))
                .doesNotContain("href=\"/audit\"", "href=\"/admin/organisations\"");
    }

    @Test
    void theApiHasAPageForPeopleAndARealDescription() throws Exception {
        for (String language : new String[] {"fr", "en", "ar"}) {
            MockHttpServletResponse page = mvc.perform(get("/developers").header("Accept-Language", language))
                    .andReturn()
                    .getResponse();
            assertThat(page.getStatus()).isEqualTo(200);
            assertThat(body(page))
                    .contains("lang=\"" + language + "\"", "href=\"/api/docs\"", "href=\"/open-data\"")
                    .contains("/api/notices", "/api/ocds/releases");
        }
        JsonNode description = JsonMapper.builder()
                .build()
                .readTree(body(mvc.perform(get("/api/docs")).andReturn().getResponse()));
        JsonNode info = description.path("info");
        assertThat(info.path("title").asString()).isEqualTo("Baobab API");
        assertThat(info.path("version").asString())
                .isNotEqualTo("v0")
                .isNotBlank()
                .doesNotContain("@");
        assertThat(info.path("description").asString()).contains("RFC 9457");
        assertThat(info.path("contact").path("email").asString()).contains("@");
    }

    private RequestPostProcessor as(String email) {
        return SignedIn.as(accounts.currentUserByEmail(email).orElseThrow());
    }

    private static long maxAge(MockHttpServletResponse response) {
        String header = response.getHeader("Cache-Control");
        assertThat(header).as("Cache-Control").isNotNull();
        Matcher m = Pattern.compile("max-age=(\\d+)").matcher(header);
        assertThat(m.find()).as(header).isTrue();
        return Long.parseLong(m.group(1));
    }

    private static String body(MockHttpServletResponse response) throws Exception {
        return response.getContentAsString(StandardCharsets.UTF_8);
    }
}
