// SPDX-License-Identifier: Apache-2.0
package org.baobab.tendering;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.UUID;
import javax.xml.parsers.DocumentBuilderFactory;
import org.baobab.IntegrationTest;
import org.baobab.WebClient;
import org.baobab.identity.CurrentUser;
import org.junit.jupiter.api.Test;
import org.springframework.test.web.servlet.MockMvc;
import org.w3c.dom.Document;
import org.w3c.dom.NodeList;

/** The Atom feed follows any search; the calendar file holds a notice's deadlines; the sitemap lists the notices. */
@IntegrationTest
class NoticeFeedsTests {

    private final Tendering tendering;
    private final TenderingFixtures fixtures;
    private final WebClient web;

    NoticeFeedsTests(Tendering tendering, TenderingFixtures fixtures, MockMvc mvc) {
        this.tendering = tendering;
        this.fixtures = fixtures;
        this.web = new WebClient(mvc, "10.7.7.9");
    }

    private ProcessView publish(String title, boolean publish) {
        CurrentUser buyer = fixtures.user(TenderingFixtures.BUYER);
        UUID id = tendering.createOutsidePlan(
                buyer, fixtures.organisationOf(TenderingFixtures.BUYER), "motif", fixtures.notice("SN", title));
        if (publish) {
            tendering.publish(fixtures.user(TenderingFixtures.PRM), id);
        }
        return tendering.forStaff(buyer, id);
    }

    private static Document xml(String body) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        return factory.newDocumentBuilder().parse(new ByteArrayInputStream(body.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void theAtomFeedFollowsASearch() throws Exception {
        String marker = "zq" + UUID.randomUUID().toString().substring(0, 6);
        ProcessView published = publish("Équipements de radiologie & scanners <Lot> " + marker, true);
        publish("Brouillon de radiologie " + marker, false);
        web.perform(get("/notices.atom").param("q", "equipement radiologie " + marker))
                .andExpect(status().isOk())
                .andExpect(content().contentTypeCompatibleWith("application/atom+xml"));
        String atom = web.perform(get("/notices.atom").param("q", "equipement radiologie " + marker))
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        Document feed = xml(atom);
        assertThat(feed.getDocumentElement().getNamespaceURI()).isEqualTo("http://www.w3.org/2005/Atom");
        NodeList entries = feed.getElementsByTagNameNS("http://www.w3.org/2005/Atom", "entry");
        assertThat(entries.getLength()).as(atom).isEqualTo(1);
        assertThat(entries.item(0).getTextContent())
                .contains("Équipements de radiologie & scanners <Lot> " + marker, published.ocid());
        Document other = xml(web.body("/notices.atom?q=" + marker + "&country=CM"));
        assertThat(other.getElementsByTagNameNS("http://www.w3.org/2005/Atom", "entry")
                        .getLength())
                .isZero();
        web.get("/notices.atom?minValue=beaucoup").andExpect(status().isBadRequest());
        web.get("/notices.atom?sort=NOPE").andExpect(status().isBadRequest());
    }

    @Test
    void theCalendarHoldsTheDeadlines() throws Exception {
        ProcessView published = publish("Groupes froids, chaînes de froid; vaccins, " + UUID.randomUUID(), true);
        String ics = web.body("/notices/" + published.ocid() + ".ics");
        assertThat(ics).startsWith("BEGIN:VCALENDAR\r\n").endsWith("END:VCALENDAR\r\n");
        assertThat(ics.split("BEGIN:VEVENT", -1)).hasSize(4);
        assertThat(ics.replace("\r\n ", ""))
                .contains("UID:" + published.ocid() + "-deadline@baobab")
                .contains("DTSTART:"
                        + DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'")
                                .withZone(ZoneOffset.UTC)
                                .format(published.notice().submissionDeadline()))
                .contains("chaînes de froid\\; vaccins\\,");
        for (String line : ics.split("\r\n")) {
            assertThat(line.getBytes(StandardCharsets.UTF_8).length).as(line).isLessThanOrEqualTo(75);
        }
        assertThat(ics.replace("\r\n", "")).doesNotContain("\n");
        ProcessView draft = publish("Brouillon " + UUID.randomUUID(), false);
        web.get("/notices/" + draft.ocid() + ".ics").andExpect(status().isNotFound());
        web.get("/notices/ocds-baobab-SN-1999-00000.ics").andExpect(status().isNotFound());
    }

    @Test
    void theSitemapListsPublishedNoticesAndRobotsNameIt() throws Exception {
        ProcessView published = publish("Imagerie " + UUID.randomUUID(), true);
        ProcessView draft = publish("Imagerie brouillon " + UUID.randomUUID(), false);
        String sitemap = web.body("/sitemap.xml");
        Document document = xml(sitemap);
        assertThat(document.getDocumentElement().getLocalName()).isEqualTo("urlset");
        assertThat(sitemap)
                .contains("/notices/" + published.ocid() + "</loc>", "/rules/SN</loc>")
                .doesNotContain(draft.ocid());
        assertThat(web.body("/robots.txt")).contains("Sitemap: ").contains("/sitemap.xml");
        assertThat(Instant.now()).isNotNull();
    }

    @Test
    void foldingNeverSplitsACharacter() {
        String line = "SUMMARY:" + "é".repeat(100);
        String folded = FeedsControllerAccess.fold(line);
        for (String part : folded.split("\r\n")) {
            assertThat(part.getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(75);
        }
        assertThat(folded.replace("\r\n ", "")).isEqualTo(line);
    }
}
