// SPDX-License-Identifier: Apache-2.0
package org.baobab.tendering;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.regex.Pattern;
import org.baobab.IntegrationTest;
import org.baobab.SignedIn;
import org.baobab.identity.CurrentUser;
import org.baobab.shared.BaobabException;
import org.baobab.shared.OrganisationKind;
import org.baobab.shared.Role;
import org.junit.jupiter.api.Test;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/**
 * What a reader sees in the pages: French content inside an Arabic page keeps its language and its direction, a
 * country whose pack asks for Latin digits shows only Latin digits in Arabic (amounts, dates and the countdown alike),
 * counts agree in number, times are in the pack's zone, and codes (procedures, countries, journal actions) are words.
 */
@IntegrationTest
class ReadingPagesTests {

    private static final Pattern ARABIC_INDIC_DIGIT = Pattern.compile("[\u0660-\u0669]");

    private final Tendering tendering;
    private final Notices notices;
    private final TenderingFixtures fixtures;
    private final JdbcClient jdbc;
    private final MockMvc mvc;
    private final MessageSource messages;

    ReadingPagesTests(
            Tendering tendering,
            Notices notices,
            TenderingFixtures fixtures,
            JdbcClient jdbc,
            MockMvc mvc,
            MessageSource messages) {
        this.messages = messages;
        this.tendering = tendering;
        this.notices = notices;
        this.fixtures = fixtures;
        this.jdbc = jdbc;
        this.mvc = mvc;
    }

    /** A published notice of the country, its deadline moved to the given instant. */
    private String published(String country, String title, Instant deadline) {
        String buyer = country.equals("CM") ? TenderingFixtures.CM_BUYER : TenderingFixtures.BUYER;
        String prm = country.equals("CM") ? TenderingFixtures.CM_BUYER : TenderingFixtures.PRM;
        UUID id = tendering.createOutsidePlan(
                fixtures.user(buyer), fixtures.organisationOf(buyer), "motif", fixtures.notice(country, title));
        tendering.publish(fixtures.user(prm), id);
        jdbc.sql("update tendering_process set submission_deadline = :d, opening_at = :o where id = :id")
                .param("d", Timestamp.from(deadline))
                .param("o", Timestamp.from(deadline.plus(Duration.ofHours(1))))
                .param("id", id)
                .update();
        return tendering.forStaff(fixtures.user(buyer), id).ocid();
    }

    private String page(String url) throws Exception {
        return mvc.perform(get(url))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
    }

    private String page(String url, CurrentUser user) throws Exception {
        return mvc.perform(get(url).with(SignedIn.as(user)))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
    }

    @Test
    void aSenegalNoticeInArabicShowsItsFrenchTextLeftToRightAndOnlyLatinDigits() throws Exception {
        String title = "Fournitures de bureau " + UUID.randomUUID();
        // 37 days and 5 hours from the platform's clock (plus a margin the page's clock cannot eat)
        Instant deadline =
                notices.now().plus(Duration.ofDays(37)).plus(Duration.ofHours(5).plusMinutes(30));
        String ocid = published("SN", title, deadline);

        String arabic = page("/notices/" + ocid + "?lang=ar");
        assertThat(arabic).contains("<html lang=\"ar\" dir=\"rtl\"");
        assertThat(arabic).containsPattern("<h1[^>]*lang=\"fr\"[^>]*dir=\"ltr\"[^>]*>" + Pattern.quote(title));
        assertThat(ARABIC_INDIC_DIGIT.matcher(arabic).find())
                .as("Senegal's pack asks for Latin digits: none in Arabic-Indic")
                .isFalse();
        assertThat(arabic).contains("يتبقى 37 يومًا و5 ساعات.");

        String french = page("/notices/" + ocid + "?lang=fr");
        assertThat(french).contains("Reste 37 jours et 5 heures.");
        String english = page("/notices/" + ocid + "?lang=en");
        assertThat(english).contains("37 days and 5 hours left.");
    }

    @Test
    void timesAreInTheCountryTimeZone() throws Exception {
        // Douala is UTC+1
        Instant deadline = Instant.parse("2031-03-10T09:00:00Z");
        String ocid = published("CM", "Travaux routiers " + UUID.randomUUID(), deadline);
        assertThat(page("/notices/" + ocid + "?lang=fr")).contains("10 mars 2031 10:00 (Africa/Douala)");
    }

    @Test
    void anAddendumThatDoesNotPostponeNamesTheCurrentDeadlineInTheCountryZoneAndTheReaderLanguage() {
        // Douala is UTC+1: the current deadline, 09:00 UTC, is 10:00 there
        Instant deadline = Instant.parse("2031-04-14T09:00:00Z");
        String ocid = published("CM", "Additif refusé " + UUID.randomUUID(), deadline);
        UUID id = notices.notice(ocid).orElseThrow().id();
        Tendering.AddendumRequest earlier = new Tendering.AddendumRequest(
                "Avancer la date", deadline.minus(Duration.ofDays(1)), null, null, null, null, null);
        BaobabException refused = catchThrowableOfType(
                BaobabException.class,
                () -> tendering.publishAddendum(fixtures.user(TenderingFixtures.CM_BUYER), id, earlier));
        assertThat(messages.getMessage(refused.errorCode().messageKey(), refused.arguments(), Locale.FRENCH))
                .isEqualTo("La nouvelle date limite doit être postérieure à la date limite actuelle"
                        + " (14 avr. 2031 10:00 (Africa/Douala)).");
    }

    @Test
    void theProcedureFilterNamesTheProceduresInTheReaderLanguage() throws Exception {
        String french = page("/notices?lang=fr");
        assertThat(french)
                .contains("<option value=\"AOO\">Appel d&#39;offres ouvert")
                .contains("<option value=\"AOO_PQ\">Appel d&#39;offres avec préqualification</option>");
        assertThat(page("/notices?lang=en")).contains("<option value=\"AOO\">Open call for tenders");
        assertThat(french).doesNotContain(">AOO</option>").doesNotContain(">AOO_PQ</option>");
    }

    @Test
    void theOrganisationsTableNamesCountries() throws Exception {
        CurrentUser admin = new CurrentUser(
                UUID.randomUUID(),
                "admin-" + UUID.randomUUID() + "@plateforme.test",
                "Admin",
                "fr",
                List.of(new CurrentUser.Membership(
                        UUID.randomUUID(), "Plateforme", OrganisationKind.REGULATOR, "SN", Role.PLATFORM_ADMIN)));
        String french = page("/admin/organisations?lang=fr", admin);
        assertThat(french).contains("<td>Sénégal</td>").doesNotContain("<td>SN</td>");
        assertThat(page("/admin/organisations?lang=en", admin)).contains("<td>Senegal</td>");
    }

    @Test
    void theJournalSaysEachActionInWordsAndKeepsTheRawData() throws Exception {
        String title = "Journal en mots " + UUID.randomUUID();
        published("SN", title, notices.now().plus(Duration.ofDays(40)));
        String journal = page("/audit?action=tendering.notice-published&lang=fr", fixtures.user("auditeur@arcop.demo"));
        assertThat(journal).contains("Avis publié");
        assertThat(journal).contains("<details><summary>Données brutes (JSON)</summary>");
        assertThat(page("/audit?action=tendering.notice-published&lang=en", fixtures.user("auditeur@arcop.demo")))
                .contains("Notice published");
    }
}
