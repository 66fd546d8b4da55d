// SPDX-License-Identifier: Apache-2.0
package org.baobab.opening;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.SecureRandom;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.function.Consumer;
import org.baobab.IntegrationTest;
import org.baobab.bidding.SealingSet;
import org.baobab.bidding.sealing.MemberKey;
import org.baobab.identity.CurrentUser;
import org.baobab.shared.BaobabException;
import org.baobab.shared.ErrorCode;
import org.baobab.tendering.Finding;
import org.baobab.tendering.ProcessView;
import org.baobab.tendering.Tendering;
import org.baobab.tendering.TenderingErrorCode;
import org.baobab.tendering.TenderingFixtures;
import org.junit.jupiter.api.Test;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/** The committee of a process: proposed, designated by the PRM, and fixed as the sealing set at publication. */
@IntegrationTest
class CommitteesTests {

    private final Committees committees;
    private final CommitteeKeys keys;
    private final Tendering tendering;
    private final TenderingFixtures fixtures;
    private final OpeningFixtures opening;
    private final MessageSource messages;
    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;

    CommitteesTests(
            Committees committees,
            CommitteeKeys keys,
            Tendering tendering,
            TenderingFixtures fixtures,
            OpeningFixtures opening,
            MessageSource messages,
            JdbcClient jdbc,
            TransactionTemplate transactions) {
        this.committees = committees;
        this.keys = keys;
        this.tendering = tendering;
        this.fixtures = fixtures;
        this.opening = opening;
        this.messages = messages;
        this.jdbc = jdbc;
        this.transactions = transactions;
    }

    private UUID draft(String prmEmail, String country) {
        CurrentUser prm = fixtures.user(prmEmail);
        return tendering.createOutsidePlan(
                prm,
                fixtures.organisationOf(prmEmail),
                "Besoin urgent",
                fixtures.notice(country, "Matériel pour la commission " + UUID.randomUUID()));
    }

    private static Consumer<Throwable> code(ErrorCode code) {
        return e -> assertThat(((BaobabException) e).errorCode()).isEqualTo(code);
    }

    private List<String> demoFingerprints(List<String> emails) {
        return emails.stream()
                .map(e -> OpeningFixtures.demoKeyFile(e).fingerprint())
                .toList();
    }

    @Test
    void publicationFixesTheDefaultCommitteeWithThePacksQuorumAndALaterKeyChangeDoesNotAlterIt() {
        CurrentUser prm = fixtures.user(TenderingFixtures.PRM);
        UUID id = draft(TenderingFixtures.PRM, "SN");
        String ocid = tendering.forStaff(prm, id).ocid();
        assertThat(committees.forProcess(ocid)).isEmpty();
        assertThat(tendering.checks(id).findings())
                .extracting(Finding::messageKey)
                .contains("check.opening-committee-default")
                .doesNotContain("check.no-opening-committee");

        tendering.publish(prm, id);

        SealingSet set = opening.sealingSet(ocid);
        assertThat(set.fingerprints()).containsExactlyElementsOf(demoFingerprints(OpeningFixtures.SANTE_MEMBERS));
        assertThat(set.threshold()).as("majority of 3, from the SN pack").isEqualTo(2);
        assertThat(set.members())
                .extracting(SealingSet.Member::name)
                .containsExactly("Mariama Sow", "Ousmane Kane", "Khady Gueye");
        assertThat(OpeningFixtures.memberKeys(set)).containsOnlyKeys(1, 2, 3);
        assertThat(jdbc.sql("select count(*) from audit_entry where action = 'opening.sealing-set-fixed'"
                                + " and subject_id = :o")
                        .param("o", ocid)
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
        assertThat(tendering.checks(id).findings())
                .extracting(Finding::messageKey)
                .doesNotContain("check.opening-committee-default");

        transactions.executeWithoutResult(status -> {
            CurrentUser member = fixtures.user(OpeningFixtures.SANTE_MEMBERS.get(0));
            MemberKey fresh = MemberKey.generate(new SecureRandom());
            CommitteeKeys.Enrolment e = keys.startEnrolment(member);
            keys.enrol(member, e.challengeId(), fresh.publicKey().base64(), CommitteeKeysTests.answer(fresh, e));
            assertThat(committees.forProcess(ocid).orElseThrow().fingerprints())
                    .as("a fixed set keeps the keys it was fixed with")
                    .isEqualTo(set.fingerprints());
            assertThatThrownBy(() -> jdbc.sql("update opening_sealing_set set threshold = 3 where ocid = :o")
                            .param("o", ocid)
                            .update())
                    .as("the database refuses to change a fixed set");
            status.setRollbackOnly();
        });
    }

    @Test
    void theCameroonianAuthorityHasItsOwnCommittee() {
        CurrentUser prm = fixtures.user(TenderingFixtures.CM_BUYER);
        UUID id = draft(TenderingFixtures.CM_BUYER, "CM");
        tendering.publish(prm, id);
        SealingSet set = opening.sealingSet(tendering.forStaff(prm, id).ocid());
        assertThat(set.fingerprints()).containsExactlyElementsOf(demoFingerprints(OpeningFixtures.MINTP_MEMBERS));
        assertThat(set.threshold()).isEqualTo(2);
    }

    @Test
    void publicationIsRefusedWithoutACommitteeWithATranslatedFinding() {
        transactions.executeWithoutResult(status -> {
            try {
                CurrentUser prm = fixtures.user(TenderingFixtures.PRM);
                UUID id = draft(TenderingFixtures.PRM, "SN");
                // two of the three members lose their keys: one key alone never opens a bid
                jdbc.sql("""
                                update opening_committee_key set revoked_at = now()
                                where revoked_at is null and user_id in (select id from identity_user
                                    where email in ('commission1@sante.demo', 'commission2@sante.demo'))
                                """).update();
                Finding finding = tendering.checks(id).findings().stream()
                        .filter(f -> f.messageKey().equals("check.no-opening-committee"))
                        .findFirst()
                        .orElseThrow();
                assertThat(finding.blocking()).isTrue();
                Object[] args = finding.arguments().toArray();
                assertThat(messages.getMessage(finding.messageKey(), args, Locale.FRENCH))
                        .startsWith("Pas de commission d'ouverture")
                        .contains("il y en a 1");
                assertThat(messages.getMessage(finding.messageKey(), args, Locale.ENGLISH))
                        .startsWith("No opening committee");
                assertThat(messages.getMessage(finding.messageKey(), args, Locale.forLanguageTag("ar")))
                        .startsWith("لا توجد لجنة فتح أظرفة");

                assertThatThrownBy(() -> tendering.publish(prm, id)).satisfies(code(TenderingErrorCode.CHECKS_FAILED));
                assertThat(committees.forProcess(tendering.forStaff(prm, id).ocid()))
                        .isEmpty();
            } finally {
                status.setRollbackOnly();
            }
        });
    }

    @Test
    void thePrmDesignatesTheCommitteeAndThresholdWithinBounds() {
        CurrentUser prm = fixtures.user(TenderingFixtures.PRM);
        CurrentUser buyer = fixtures.user(TenderingFixtures.BUYER);
        UUID id = draft(TenderingFixtures.PRM, "SN");
        ProcessView process = tendering.forStaff(prm, id);
        List<UUID> all = OpeningFixtures.SANTE_MEMBERS.stream()
                .map(e -> fixtures.user(e).id())
                .toList();
        assertThat(committees.eligible(process.authorityId()))
                .extracting(Committees.Candidate::userId)
                .containsExactlyElementsOf(all);

        assertThatThrownBy(() -> committees.designate(prm, id, all, 1)).satisfies(code(OpeningErrorCode.BAD_THRESHOLD));
        assertThatThrownBy(() -> committees.designate(prm, id, all, 4)).satisfies(code(OpeningErrorCode.BAD_THRESHOLD));
        assertThatThrownBy(() -> committees.designate(prm, id, List.of(all.get(0)), 2))
                .satisfies(code(OpeningErrorCode.TOO_FEW_MEMBERS));
        assertThatThrownBy(() -> committees.designate(prm, id, List.of(all.get(0), prm.id()), 2))
                .satisfies(code(OpeningErrorCode.NOT_ELIGIBLE));
        assertThatThrownBy(() -> committees.designate(
                        prm,
                        id,
                        List.of(
                                all.get(0),
                                fixtures.user("commission1@mintp.demo").id()),
                        2))
                .as("a committee member of another authority")
                .satisfies(code(OpeningErrorCode.NOT_ELIGIBLE));
        assertThatThrownBy(() -> committees.designate(buyer, id, all, 2)).satisfies(code(OpeningErrorCode.NOT_PRM));
        assertThat(committees.proposal(process).designated())
                .as("nothing changed")
                .isFalse();

        committees.designate(prm, id, List.of(all.get(2), all.get(0)), 2);
        Committees.Proposal proposal = committees.proposal(process);
        assertThat(proposal.designated()).isTrue();
        assertThat(proposal.members()).extracting(Committees.Candidate::userId).containsExactly(all.get(2), all.get(0));

        tendering.publish(prm, id);
        SealingSet set = opening.sealingSet(process.ocid());
        assertThat(set.members()).extracting(SealingSet.Member::userId).containsExactly(all.get(2), all.get(0));
        assertThat(set.threshold()).isEqualTo(2);
        assertThatThrownBy(() -> committees.designate(prm, id, all, 3)).satisfies(code(OpeningErrorCode.ALREADY_FIXED));
    }
}
