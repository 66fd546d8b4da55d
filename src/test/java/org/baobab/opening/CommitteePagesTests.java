// SPDX-License-Identifier: Apache-2.0
package org.baobab.opening;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import org.baobab.FormPage;
import org.baobab.IntegrationTest;
import org.baobab.SignedIn;
import org.baobab.bidding.SealingSet;
import org.baobab.bidding.sealing.MemberKey;
import org.baobab.identity.CurrentUser;
import org.baobab.tendering.ProcessView;
import org.baobab.tendering.Tendering;
import org.baobab.tendering.TenderingFixtures;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

/** The opening pages over HTTP: the committee designation page, the public notice's sealing set, the JSON API. */
@IntegrationTest
class CommitteePagesTests {

    private final MockMvc mvc;
    private final Tendering tendering;
    private final Committees committees;
    private final TenderingFixtures fixtures;
    private final OpeningFixtures opening;
    private final org.baobab.bidding.BidFixtures bids;
    private final org.baobab.identity.Accounts accounts;

    CommitteePagesTests(
            MockMvc mvc,
            Tendering tendering,
            Committees committees,
            TenderingFixtures fixtures,
            OpeningFixtures opening,
            org.baobab.bidding.BidFixtures bids,
            org.baobab.identity.Accounts accounts) {
        this.bids = bids;
        this.accounts = accounts;
        this.mvc = mvc;
        this.tendering = tendering;
        this.committees = committees;
        this.fixtures = fixtures;
        this.opening = opening;
    }

    private MockHttpServletResponse get(String path, CurrentUser user, String lang) throws Exception {
        var request = MockMvcRequestBuilders.get(path).param("lang", lang);
        if (user != null) {
            request = request.with(SignedIn.as(user));
        }
        return mvc.perform(request).andReturn().getResponse();
    }

    @Test
    void tooFewMembersAndAWordAsThresholdAreBothShownByTheirLabelsInFrenchAndArabicAndNothingChanges()
            throws Exception {
        CurrentUser prm = fixtures.user(TenderingFixtures.PRM);
        UUID id = tendering.createOutsidePlan(
                prm,
                fixtures.organisationOf(TenderingFixtures.PRM),
                "Besoin urgent",
                fixtures.notice("SN", "Commission incomplète " + UUID.randomUUID()));
        String member = fixtures.user(OpeningFixtures.SANTE_MEMBERS.get(0)).id().toString();
        for (String language : new String[] {"fr", "ar"}) {
            var refused = mvc.perform(MockMvcRequestBuilders.post("/buyer/processes/" + id + "/committee")
                    .param("member", member)
                    .param("threshold", "deux")
                    .param("lang", language)
                    .with(csrf())
                    .with(SignedIn.as(prm)));
            assertThat(refused.andReturn().getResponse().getStatus()).isEqualTo(400);
            FormPage page = FormPage.of(refused);
            var items = language.equals("fr")
                    ? page.assertErrors(
                            "member", "Membres de la commission", "threshold", "Membres nécessaires à l'ouverture")
                    : page.assertErrors("member", "أعضاء اللجنة", "threshold", "عدد الأعضاء اللازمين للفتح");
            assertThat(items).hasSize(2);
            assertThat(page.html()).doesNotContain("??", "designation.");
        }
        assertThat(committees.proposal(tendering.forStaff(prm, id)).designated())
                .as("nothing changed")
                .isFalse();
    }

    @Test
    void thePrmDesignatesTheCommitteeOnAPageAndBadInputChangesNothing() throws Exception {
        CurrentUser prm = fixtures.user(TenderingFixtures.PRM);
        UUID id = tendering.createOutsidePlan(
                prm,
                fixtures.organisationOf(TenderingFixtures.PRM),
                "Besoin urgent",
                fixtures.notice("SN", "Véhicules de la commission " + UUID.randomUUID()));
        ProcessView process = tendering.forStaff(prm, id);
        String path = "/buyer/processes/" + id + "/committee";
        assertThat(get("/buyer/processes/" + id, prm, "fr").getContentAsString())
                .contains(path);

        MockHttpServletResponse page = get(path, prm, "fr");
        assertThat(page.getStatus()).isEqualTo(200);
        assertThat(page.getContentAsString())
                .contains("Commission par défaut", "Mariama Sow", "Désigner la commission");

        List<String> members = OpeningFixtures.SANTE_MEMBERS.stream()
                .map(e -> fixtures.user(e).id().toString())
                .toList();
        for (String[] bad : new String[][] {
            {"1", "Le nombre de membres nécessaires"},
            {"9", "entre 2 et 3"},
            {"deux", "Le nombre de membres nécessaires"}
        }) {
            MockHttpServletResponse refused = mvc.perform(MockMvcRequestBuilders.post(path)
                            .param("member", members.toArray(String[]::new))
                            .param("threshold", bad[0])
                            .param("lang", "fr")
                            .with(csrf())
                            .with(SignedIn.as(prm)))
                    .andReturn()
                    .getResponse();
            assertThat(refused.getStatus()).isEqualTo(400);
            assertThat(refused.getContentAsString()).contains(bad[1]).contains("aria-invalid=\"true\"");
        }
        MockHttpServletResponse arabic = mvc.perform(MockMvcRequestBuilders.post(path)
                        .param("member", members.get(0))
                        .param("threshold", "2")
                        .param("lang", "ar")
                        .with(csrf())
                        .with(SignedIn.as(prm)))
                .andReturn()
                .getResponse();
        assertThat(arabic.getStatus()).isEqualTo(400);
        assertThat(arabic.getContentAsString()).contains("يجب أن تضم لجنة فتح الأظرفة");
        assertThat(committees.proposal(process).designated())
                .as("nothing changed")
                .isFalse();

        MockHttpServletResponse buyer = mvc.perform(MockMvcRequestBuilders.post(path)
                        .param("member", members.toArray(String[]::new))
                        .param("threshold", "2")
                        .with(csrf())
                        .with(SignedIn.as(fixtures.user(TenderingFixtures.BUYER))))
                .andReturn()
                .getResponse();
        assertThat(buyer.getStatus()).isEqualTo(400);
        assertThat(committees.proposal(process).designated()).isFalse();

        MockHttpServletResponse saved = mvc.perform(MockMvcRequestBuilders.post(path)
                        .param("member", members.get(1), members.get(2))
                        .param("threshold", "2")
                        .with(csrf())
                        .with(SignedIn.as(prm)))
                .andReturn()
                .getResponse();
        assertThat(saved.getStatus()).isEqualTo(302);
        assertThat(committees.proposal(process).members()).hasSize(2);

        tendering.publish(prm, id);
        SealingSet set = opening.sealingSet(process.ocid());
        String notice = get("/notices/" + process.ocid(), null, "fr").getContentAsString();
        assertThat(notice)
                .contains("Commission d&#39;ouverture et scellement des offres")
                .contains("2 de ses 2 membres")
                .contains(set.members().get(0).key().shortFingerprint())
                .doesNotContain("Ousmane Kane");
        assertThat(get("/notices/" + process.ocid(), null, "ar").getContentAsString())
                .contains("لجنة فتح الأظرفة وختم العروض");
        assertThat(get(path, prm, "fr").getContentAsString())
                .contains("Commission fixée à la publication")
                .doesNotContain("Désigner la commission");
    }

    @Test
    void theKeyPageListsFromTheLogEveryKeyOfTheMemberAndEverySetTheirKeyIsIn() throws Exception {
        String ocid = bids.openNotice("Jeu listé sur la page de clé " + java.util.UUID.randomUUID());
        org.baobab.bidding.SealingSet set = opening.sealingSet(ocid);
        for (org.baobab.bidding.SealingSet.Member member : set.members()) {
            CurrentUser user = accounts.currentUser(member.userId()).orElseThrow();
            String page = get("/committee/key", user, "en").getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
            assertThat(page)
                    .contains("Keys enrolled in your name")
                    .contains("Fingerprint " + member.key().fingerprint())
                    .contains(ocid + ": share " + member.position() + " of "
                            + set.members().size() + " (" + set.threshold() + " to open), key "
                            + member.key().fingerprint());
        }
        CurrentUser first = accounts.currentUser(set.members().get(0).userId()).orElseThrow();
        assertThat(get("/committee/key", first, "fr").getContentAsString(java.nio.charset.StandardCharsets.UTF_8))
                .contains("Jeux de scellement qui contiennent votre clé")
                .contains(ocid + " : part 1 sur " + set.members().size());
    }

    @Test
    void theJsonApiEnrolsAKeyAndAnswersProblemsInTheUsersLanguage() throws Exception {
        CurrentUser member = fixtures.user("commission3@mintp.demo");
        MockHttpServletResponse problem = mvc.perform(MockMvcRequestBuilders.post("/api/committee/key")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"challengeId\":\"nope\",\"publicKey\":\"AAAA\",\"proof\":\"AAAA\"}")
                        .header("Accept-Language", "en")
                        .param("lang", "en")
                        .with(csrf())
                        .with(SignedIn.as(member)))
                .andReturn()
                .getResponse();
        assertThat(problem.getStatus()).isEqualTo(409);
        assertThat(problem.getContentAsString()).contains("OPENING-0002").contains("no longer valid");

        MockHttpServletResponse noCsrf = mvc.perform(MockMvcRequestBuilders.post("/api/committee/key/challenge")
                        .with(SignedIn.as(member)))
                .andReturn()
                .getResponse();
        assertThat(noCsrf.getStatus()).isEqualTo(403);

        MockHttpServletResponse challenge = mvc.perform(MockMvcRequestBuilders.post("/api/committee/key/challenge")
                        .with(csrf())
                        .with(SignedIn.as(member)))
                .andReturn()
                .getResponse();
        assertThat(challenge.getStatus()).isEqualTo(200);
        assertThat(challenge.getContentAsString()).contains("challengeId", "serverPoint");
        assertThat(MemberKey.generate(new SecureRandom()).publicKey().point()).hasSize(65);
        assertThat(Base64.getDecoder()
                        .decode(challenge.getContentAsString().replaceAll(".*\"challenge\":\"([^\"]+)\".*", "$1")))
                .hasSize(32);
    }
}
