// SPDX-License-Identifier: Apache-2.0
package org.baobab.portal.web;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.cookie;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import jakarta.servlet.http.Cookie;
import org.baobab.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.test.web.servlet.MockMvc;

/** The frame every page shares: language choice and direction, security headers, translated errors. */
@IntegrationTest
class PortalTests {

    private final MockMvc mvc;

    PortalTests(MockMvc mvc) {
        this.mvc = mvc;
    }

    @Test
    void frenchByDefaultTheBrowsersLanguageWhenBaobabSpeaksItAndTheChoiceIsRemembered() throws Exception {
        mvc.perform(get("/"))
                .andExpect(content().string(containsString("<html lang=\"fr\" dir=\"ltr\">")))
                .andExpect(content().string(containsString("Les marchés publics, ouverts à tous")));
        mvc.perform(get("/").header("Accept-Language", "de-DE,de;q=0.9"))
                .andExpect(content().string(containsString("lang=\"fr\"")));
        mvc.perform(get("/").header("Accept-Language", "en-GB,en;q=0.9"))
                .andExpect(content().string(containsString("Public procurement, open to everyone")));
        mvc.perform(get("/?lang=ar"))
                .andExpect(content().string(containsString("<html lang=\"ar\" dir=\"rtl\">")))
                .andExpect(cookie().value("BAOBAB_LANG", "ar"));
        mvc.perform(get("/").cookie(new Cookie("BAOBAB_LANG", "ar")))
                .andExpect(content().string(containsString("dir=\"rtl\"")));
        // a language Baobab does not speak is ignored
        mvc.perform(get("/?lang=xx").cookie(new Cookie("BAOBAB_LANG", "en")))
                .andExpect(content().string(containsString("lang=\"en\"")));
    }

    @Test
    void everyResponseCarriesTheSecurityHeaders() throws Exception {
        mvc.perform(get("/"))
                .andExpect(header().string("Content-Security-Policy", containsString("script-src 'self'")))
                .andExpect(header().string("Content-Security-Policy", containsString("frame-ancestors 'none'")))
                .andExpect(header().string("Content-Security-Policy", not(containsString("unsafe-inline"))))
                .andExpect(header().string("X-Frame-Options", "DENY"))
                .andExpect(header().string("X-Content-Type-Options", "nosniff"))
                .andExpect(header().string("Referrer-Policy", "strict-origin-when-cross-origin"))
                .andExpect(header().doesNotExist("Strict-Transport-Security"));
        mvc.perform(get("/").secure(true))
                .andExpect(header().string("Strict-Transport-Security", containsString("max-age=31536000")));
    }

    @Test
    void aMissingPageIsTranslatedAndAnApiRefusalIsAProblem() throws Exception {
        mvc.perform(
                        get("/rien-ici")
                                .header("Accept", "text/html")
                                .with(org.springframework.security.test.web.servlet.request
                                        .SecurityMockMvcRequestPostProcessors.user("x")
                                        .authorities(
                                                new org.springframework.security.core.authority.SimpleGrantedAuthority(
                                                        "SESSION_FULL"))))
                .andExpect(status().isNotFound());
        mvc.perform(get("/api/rien").header("Accept", "application/json")).andExpect(status().isUnauthorized());
        mvc.perform(get("/error")
                        .requestAttr("jakarta.servlet.error.status_code", 404)
                        .header("Accept", "text/html"))
                .andExpect(content().string(containsString("Page introuvable")));
        mvc.perform(get("/error?lang=ar")
                        .requestAttr("jakarta.servlet.error.status_code", 404)
                        .header("Accept", "text/html"))
                .andExpect(content().string(containsString("الصفحة غير موجودة")));
    }

    @Test
    void theHealthProbeIsPublicAndMetricsAreNot() throws Exception {
        mvc.perform(get("/actuator/health")).andExpect(status().isOk());
        mvc.perform(get("/actuator/prometheus").header("Accept", "text/plain"))
                .andExpect(status().is(org.hamcrest.Matchers.anyOf(
                        org.hamcrest.Matchers.is(401), org.hamcrest.Matchers.is(302), org.hamcrest.Matchers.is(403))));
    }
}
