// SPDX-License-Identifier: Apache-2.0
package org.baobab.portal.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.baobab.IntegrationTest;
import org.baobab.SignedIn;
import org.baobab.identity.Accounts;
import org.baobab.identity.CurrentUser;
import org.baobab.shared.TextInput;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * Text that PostgreSQL or a page cannot take (U+0000, other control characters, lone surrogates) is refused at the
 * edge, for every endpoint, with the usual translated 400: a page in the site's layout for people, an RFC 9457 problem
 * with the stable code {@code SHARED-0005} under {@code /api/}. Nothing reaches a module, so nothing is changed.
 */
@IntegrationTest
class BadInputTests {

    private final MockMvc mvc;
    private final JdbcClient jdbc;
    private final Accounts accounts;
    private final int port;

    BadInputTests(MockMvc mvc, JdbcClient jdbc, Accounts accounts, @LocalServerPort int port) {
        this.mvc = mvc;
        this.jdbc = jdbc;
        this.accounts = accounts;
        this.port = port;
    }

    @Test
    void theTextRuleRefusesControlCharactersAndLoneSurrogatesOnly() {
        assertThat(TextInput.acceptable("Fournitures de bureau, lot 2 : 5 000 FCFA\r\n\tà Dakar"))
                .isTrue();
        assertThat(TextInput.acceptable("مناقصة 😀 ؟")).isTrue();
        assertThat(TextInput.acceptable("a\u0000b")).isFalse();
        assertThat(TextInput.acceptable("\u0007")).isFalse();
        assertThat(TextInput.acceptable("\u007f")).isFalse();
        assertThat(TextInput.acceptable("\u0085")).isFalse();
        assertThat(TextInput.acceptable("x\ud800")).isFalse();
        assertThat(TextInput.acceptable("\udc00x")).isFalse();
        assertThat(TextInput.acceptable("\ud83d\ude00")).isTrue();
        assertThat(TextInput.acceptable("\uffff")).isFalse();
    }

    @Test
    void aNulInTheNoticeSearchIsA400PageInTheLayoutTranslated() throws Exception {
        MockHttpServletResponse fr = call(get(URI.create("/notices?q=%00")));
        assertThat(fr.getStatus()).isEqualTo(400);
        assertThat(fr.getContentType()).startsWith("text/html");
        assertThat(fr.getContentAsString())
                .contains("<nav", "caractères invisibles", "SHARED-0005")
                .doesNotContain("\u0000");

        MockHttpServletResponse en = call(get(URI.create("/notices?q=%00")).header("Accept-Language", "en"));
        assertThat(en.getStatus()).isEqualTo(400);
        assertThat(en.getContentAsString()).contains("invisible characters");
        MockHttpServletResponse ar = call(get(URI.create("/notices?q=%00")).header("Accept-Language", "ar"));
        assertThat(ar.getContentAsString()).contains("أحرف غير مرئية", "dir=\"rtl\"");
    }

    @Test
    void theSameOnARealServer() throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/notices?q=%00"))
                                .header("Accept-Language", "fr")
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("caractères invisibles", "SHARED-0005");
    }

    @Test
    void theApiAnswersAProblemWithAStableCode() throws Exception {
        for (String q : new String[] {"%00", "a%01b", "%7F"}) {
            MockHttpServletResponse response =
                    call(get(URI.create("/api/notices?q=" + q)).header("Accept-Language", "en"));
            assertThat(response.getStatus()).as(q).isEqualTo(400);
            assertThat(response.getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
            assertThat(response.getContentAsString())
                    .contains("\"code\":\"SHARED-0005\"", "invisible characters", "Invalid request");
        }
        // a lone surrogate, as a client that builds the request itself may send it
        MockHttpServletResponse surrogate = call(get("/api/notices").param("q", "abc\ud800"));
        assertThat(surrogate.getStatus()).isEqualTo(400);
        assertThat(surrogate.getContentAsString()).contains("SHARED-0005");
        // in a path variable too
        MockHttpServletResponse path = call(get(URI.create("/api/notices/ocds-%01-x")));
        assertThat(path.getStatus()).isEqualTo(400);
        assertThat(path.getContentAsString()).contains("SHARED-0005");
        // ordinary text still searches
        assertThat(call(get("/api/notices").param("q", "fournitures\tde bureau"))
                        .getStatus())
                .isEqualTo(200);
    }

    @Test
    void aQuestionWithANulIsRefusedAndNothingIsWritten() throws Exception {
        String ocid = jdbc.sql("select ocid from tendering_process where status = 'PUBLISHED' order by ocid limit 1")
                .query(String.class)
                .single();
        long before = questions();
        CurrentUser preparer =
                accounts.currentUserByEmail("offres@sahel-numerique.demo").orElseThrow();
        MockHttpServletResponse response = call(post("/notices/" + ocid + "/questions")
                .param("question", "Le lot 2 est-il\u0000 divisible ?")
                .with(SignedIn.as(preparer)));
        assertThat(response.getStatus()).isEqualTo(400);
        assertThat(response.getContentAsString()).contains("SHARED-0005");
        assertThat(questions()).isEqualTo(before);
        // a parameter name with a control character is refused too
        assertThat(call(post("/notices/" + ocid + "/questions")
                                .param("question\u0001", "x")
                                .with(SignedIn.as(preparer)))
                        .getStatus())
                .isEqualTo(400);
    }

    @Test
    void aJsonStringWithANulIsRefusedWithTheSameCode() throws Exception {
        CurrentUser preparer =
                accounts.currentUserByEmail("offres@sahel-numerique.demo").orElseThrow();
        long before = jdbc.sql("select count(*) from bidding_upload")
                .query(Long.class)
                .single();
        MockHttpServletResponse response = call(post("/api/bids/uploads")
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"ocid\":\"ocds-\\u0000x\",\"size\":10,\"sha256\":\"" + "0".repeat(64) + "\"}")
                .with(SignedIn.as(preparer)));
        assertThat(response.getStatus()).isEqualTo(400);
        assertThat(response.getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        assertThat(response.getContentAsString()).contains("\"code\":\"SHARED-0005\"");
        MockHttpServletResponse surrogate = call(post("/api/bids/uploads")
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"ocid\":\"ocds-\\ud800\",\"size\":10,\"sha256\":\"" + "0".repeat(64) + "\"}")
                .with(SignedIn.as(preparer)));
        assertThat(surrogate.getStatus()).isEqualTo(400);
        assertThat(jdbc.sql("select count(*) from bidding_upload")
                        .query(Long.class)
                        .single())
                .isEqualTo(before);
    }

    private long questions() {
        return jdbc.sql("select count(*) from tendering_question")
                .query(Long.class)
                .single();
    }

    private MockHttpServletResponse call(MockHttpServletRequestBuilder request) throws Exception {
        return mvc.perform(request.with(csrf()).with(r -> {
                    r.setRemoteAddr("10.5.0.15");
                    return r;
                }))
                .andReturn()
                .getResponse();
    }
}
