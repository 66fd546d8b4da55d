// SPDX-License-Identifier: Apache-2.0
package org.baobab.tendering;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.baobab.IntegrationTest;
import org.baobab.SignedIn;
import org.baobab.WebClient;
import org.baobab.identity.CurrentUser;
import org.baobab.rules.RulePacks;
import org.baobab.shared.BaobabException;
import org.baobab.shared.CountryCode;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

/**
 * When the platform fails near a deadline: a regulator (or a platform admin) declares the outage afterwards; every
 * published process of the country whose deadline fell inside it is extended by the pack's INCIDENT_EXTENSION through
 * a public addendum, a closed one opens again, and the incident is public on the list and on each notice.
 */
@IntegrationTest
class IncidentsTests {

    private static final ZoneId DAKAR = ZoneId.of("Africa/Dakar");
    private static final String REGULATOR = "crd@arcop.demo";

    private final Incidents incidents;
    private final Tendering tendering;
    private final Notices notices;
    private final TenderingFixtures fixtures;
    private final RulePacks packs;
    private final JdbcClient jdbc;
    private final MockMvc mvc;
    private final WebClient web;

    IncidentsTests(
            Incidents incidents,
            Tendering tendering,
            Notices notices,
            TenderingFixtures fixtures,
            RulePacks packs,
            JdbcClient jdbc,
            MockMvc mvc) {
        this.incidents = incidents;
        this.tendering = tendering;
        this.notices = notices;
        this.fixtures = fixtures;
        this.packs = packs;
        this.jdbc = jdbc;
        this.mvc = mvc;
        this.web = new WebClient(mvc, "10.9.9.9");
    }

    /** A published notice whose deadline is then set to the given instant, closed if it has passed (as the job does). */
    private UUID publishedWithDeadline(String country, String title, Instant deadline) {
        String buyer = country.equals("CM") ? TenderingFixtures.CM_BUYER : TenderingFixtures.BUYER;
        String prm = country.equals("CM") ? TenderingFixtures.CM_BUYER : TenderingFixtures.PRM;
        UUID id = tendering.createOutsidePlan(
                fixtures.user(buyer), fixtures.organisationOf(buyer), "motif", fixtures.notice(country, title));
        tendering.publish(fixtures.user(prm), id);
        jdbc.sql("""
                        update tendering_process set submission_deadline = :d, opening_at = :o,
                            status = case when :d < now() then 'CLOSED' else status end
                        where id = :id
                        """)
                .param("d", Timestamp.from(deadline))
                .param("o", Timestamp.from(deadline.plus(Duration.ofHours(1))))
                .param("id", id)
                .update();
        return id;
    }

    private ProcessView staffView(UUID id, String country) {
        return tendering.forStaff(
                fixtures.user(country.equals("CM") ? TenderingFixtures.CM_BUYER : TenderingFixtures.BUYER), id);
    }

    @Test
    void theDeadlinesInsideTheOutageAreExtendedByThePackAndClosedProcessesOpenAgain() throws Exception {
        String marker = "zq" + UUID.randomUUID().toString().substring(0, 6);
        Instant now = Instant.now().truncatedTo(ChronoUnit.MINUTES);
        Instant start = now.minus(Duration.ofHours(5));
        Instant end = now.minus(Duration.ofHours(1));
        UUID passed = publishedWithDeadline("SN", "Échue pendant la panne " + marker, now.minus(Duration.ofHours(3)));
        UUID before = publishedWithDeadline("SN", "Échue avant " + marker, now.minus(Duration.ofHours(8)));
        UUID cameroon = publishedWithDeadline("CM", "Cameroun " + marker, now.minus(Duration.ofHours(3)));
        Instant oldOpening = staffView(passed, "SN").notice().openingAt();

        UUID id = incidents.declare(
                fixtures.user(REGULATOR),
                new Incident.Draft("SN", start, end, "Panne du centre de données principal " + marker));

        ProcessView extended = staffView(passed, "SN");
        assertThat(extended.status()).isEqualTo(ProcessStatus.PUBLISHED);
        LocalDate endDay = end.atZone(DAKAR).toLocalDate();
        LocalDate expectedDay = packs.pack(new CountryCode("SN"))
                .lastDay(
                        packs.pack(new CountryCode("SN"))
                                .timeLimit("INCIDENT_EXTENSION")
                                .orElseThrow(),
                        endDay)
                .lastDay();
        Instant oldDeadline = now.minus(Duration.ofHours(3));
        Instant newDeadline = extended.notice().submissionDeadline();
        assertThat(newDeadline.atZone(DAKAR).toLocalDate()).isEqualTo(expectedDay);
        assertThat(newDeadline.atZone(DAKAR).toLocalTime())
                .isEqualTo(oldDeadline.atZone(DAKAR).toLocalTime());
        assertThat(extended.notice().openingAt())
                .isEqualTo(oldOpening.plus(Duration.between(oldDeadline, newDeadline)));
        assertThat(extended.addenda())
                .singleElement()
                .satisfies(a -> assertThat(a.description())
                        .startsWith("Prolongation à la suite d'un incident de la plateforme")
                        .contains("Panne du centre de données principal " + marker));

        assertThat(staffView(before, "SN").status()).isEqualTo(ProcessStatus.CLOSED);
        assertThat(staffView(before, "SN").addenda()).isEmpty();
        assertThat(staffView(cameroon, "CM").addenda()).as("another country").isEmpty();

        Incident incident = incidents.all().stream()
                .filter(i -> i.id().equals(id))
                .findFirst()
                .orElseThrow();
        assertThat(incident.extensions()).singleElement().satisfies(x -> {
            assertThat(x.ocid()).isEqualTo(extended.ocid());
            assertThat(x.oldDeadline()).isEqualTo(oldDeadline);
            assertThat(x.newDeadline()).isEqualTo(newDeadline);
        });
        assertThat(web.body("/notices/" + extended.ocid()))
                .contains("Incidents de la plateforme", "Panne du centre de données principal " + marker);
        assertThat(web.body("/incidents")).contains("Échue pendant la panne " + marker);
        assertThat(web.body("/incidents?lang=ar")).contains("dir=\"rtl\"").doesNotContain("??");
        assertThat(jdbc.sql(
                                "select count(*) from audit_entry where action = 'tendering.incident-declared' and subject_id = :id")
                        .param("id", id.toString())
                        .query(Long.class)
                        .single())
                .isEqualTo(1L);
        assertThat(web.body("/api/ocds/releases?ocid=" + extended.ocid())).contains("tenderAmendment");
        assertThat(notices.notice(extended.ocid()).orElseThrow().notice().submissionDeadline())
                .isEqualTo(newDeadline);
    }

    @Test
    void onlyAPlatformAdminOrTheCountrysRegulatorDeclaresAndOnlyAPastRecentPeriod() {
        Instant now = Instant.now();
        Incident.Draft good = new Incident.Draft(
                "SN", now.minus(Duration.ofHours(2)), now.minus(Duration.ofHours(1)), "Coupure réseau");
        CurrentUser buyer = fixtures.user(TenderingFixtures.PRM);
        assertThatThrownBy(() -> incidents.declare(buyer, good))
                .isInstanceOfSatisfying(
                        BaobabException.class,
                        e -> assertThat(e.errorCode()).isEqualTo(TenderingErrorCode.NOT_INCIDENT_DECLARER));
        assertThatThrownBy(() -> incidents.declare(
                        fixtures.user(REGULATOR),
                        new Incident.Draft("CM", good.startsAt(), good.endsAt(), good.description())))
                .as("Senegal's regulator does not speak for Cameroon")
                .isInstanceOfSatisfying(
                        BaobabException.class,
                        e -> assertThat(e.errorCode()).isEqualTo(TenderingErrorCode.NOT_INCIDENT_DECLARER));
        for (Incident.Draft bad : List.of(
                new Incident.Draft(
                        "SN", now.minus(Duration.ofHours(1)), now.plus(Duration.ofHours(1)), "Pas finie encore"),
                new Incident.Draft(
                        "SN", now.minus(Duration.ofHours(1)), now.minus(Duration.ofHours(2)), "À l'envers !!"),
                new Incident.Draft(
                        "SN", now.minus(Duration.ofDays(40)), now.minus(Duration.ofDays(39)), "Trop ancienne"))) {
            assertThatThrownBy(() -> incidents.declare(fixtures.user(REGULATOR), bad))
                    .isInstanceOfSatisfying(
                            BaobabException.class,
                            e -> assertThat(e.errorCode()).isEqualTo(TenderingErrorCode.INCIDENT_PERIOD));
        }
        long before = jdbc.sql("select count(*) from tendering_incident")
                .query(Long.class)
                .single();
        assertThat(incidents.mayDeclare(fixtures.user("admin@arcop.demo"), null))
                .isTrue();
        assertThat(jdbc.sql("select count(*) from tendering_incident")
                        .query(Long.class)
                        .single())
                .isEqualTo(before);
    }

    @Test
    void theFormDeclaresInTheCountrysTime() throws Exception {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MINUTES);
        DateTimeFormatter local = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm");
        mvc.perform(MockMvcRequestBuilders.post("/incidents")
                        .with(SignedIn.as(fixtures.user(REGULATOR)))
                        .with(csrf())
                        .param("country", "SN")
                        .param(
                                "startsAt",
                                now.minus(Duration.ofMinutes(50)).atZone(DAKAR).format(local))
                        .param(
                                "endsAt",
                                now.minus(Duration.ofMinutes(40)).atZone(DAKAR).format(local))
                        .param("description", "Coupure d'électricité au centre de données"))
                .andExpect(redirectedUrl("/incidents"))
                .andExpect(flash().attributeExists("message"));
        assertThat(incidents.all().get(0).startsAt()).isEqualTo(now.minus(Duration.ofMinutes(50)));
        mvc.perform(MockMvcRequestBuilders.post("/incidents")
                        .with(SignedIn.as(fixtures.user(REGULATOR)))
                        .with(csrf())
                        .param("country", "SN")
                        .param(
                                "startsAt",
                                now.plus(Duration.ofHours(1)).atZone(DAKAR).format(local))
                        .param(
                                "endsAt",
                                now.plus(Duration.ofHours(2)).atZone(DAKAR).format(local))
                        .param("description", "Dans le futur, impossible"))
                .andExpect(redirectedUrl("/incidents/declare"))
                .andExpect(flash().attribute(
                                "error",
                                "Période impossible : la fin doit suivre le début, l'incident doit être terminé et avoir"
                                        + " commencé il y a moins de 30 jours."));
    }
}
