// SPDX-License-Identifier: Apache-2.0
package org.baobab.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.baobab.IntegrationTest;
import org.baobab.SignedIn;
import org.baobab.identity.Accounts;
import org.baobab.identity.CurrentUser;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

/**
 * No dead link for the demo's committee: every link of the work list ({@code /evaluation}) and of the opening pages it
 * leads to answers, whatever the stage of the process (not opened yet, opening, evaluating, awarded), never a 404 or an
 * error.
 */
@IntegrationTest
class EvaluationLinksTests {

    private static final Pattern HREF = Pattern.compile("href=\"([^\"#]+)\"");

    private final MockMvc mvc;
    private final Accounts accounts;

    EvaluationLinksTests(MockMvc mvc, Accounts accounts) {
        this.mvc = mvc;
        this.accounts = accounts;
    }

    private static List<String> links(String html) {
        List<String> links = new ArrayList<>();
        Matcher m = HREF.matcher(html);
        while (m.find()) {
            String link = m.group(1).replace("&amp;", "&");
            if (link.startsWith("/") && !link.startsWith("//")) {
                links.add(link);
            }
        }
        return links;
    }

    private MvcResult fetch(CurrentUser user, String path) throws Exception {
        return mvc.perform(get(path).with(SignedIn.as(user))).andReturn();
    }

    @ParameterizedTest
    @ValueSource(strings = {"commission1@sante.demo", "commission3@sante.demo", "prm@sante.demo"})
    void everyLinkOfTheWorkListAndOfTheOpeningPagesAnswers(String email) throws Exception {
        CurrentUser user = accounts.currentUserByEmail(email).orElseThrow();
        MvcResult list = fetch(user, "/evaluation");
        assertThat(list.getResponse().getStatus()).isEqualTo(200);
        String html = list.getResponse().getContentAsString();
        List<String> fromList = links(html);
        assertThat(fromList).as("the work list links to the demo's processes").anyMatch(l -> l.startsWith("/opening/"));
        assertThat(fromList).anyMatch(l -> l.matches("/evaluation/[^/]+"));

        Set<String> toVisit = new LinkedHashSet<>(fromList);
        for (String link : fromList) {
            if (link.matches("/opening/[^/?]+")) {
                MvcResult opening = fetch(user, link);
                if (opening.getResponse().getStatus() == 200) {
                    toVisit.addAll(links(opening.getResponse().getContentAsString()));
                }
            }
        }
        Map<String, Integer> broken = new LinkedHashMap<>();
        for (String link : toVisit) {
            int status = fetch(user, link).getResponse().getStatus();
            if (status == 404 || status >= 500) {
                broken.put(link, status);
            }
        }
        assertThat(broken)
                .as("links of /evaluation and the opening pages for " + email)
                .isEmpty();
    }
}
