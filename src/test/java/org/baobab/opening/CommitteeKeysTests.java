// SPDX-License-Identifier: Apache-2.0
package org.baobab.opening;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.UUID;
import java.util.function.Consumer;
import org.baobab.IntegrationTest;
import org.baobab.bidding.sealing.MemberKey;
import org.baobab.bidding.sealing.ProofOfPossession;
import org.baobab.identity.CurrentUser;
import org.baobab.shared.BaobabException;
import org.baobab.tendering.TenderingFixtures;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Enrolment of committee keys with a proof of possession. Tests that change a demo member's key run in a transaction
 * rolled back at the end, so that the demo keys stay the enrolled ones for the other tests.
 */
@IntegrationTest
class CommitteeKeysTests {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final CommitteeKeys keys;
    private final TenderingFixtures fixtures;
    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;

    CommitteeKeysTests(
            CommitteeKeys keys, TenderingFixtures fixtures, JdbcClient jdbc, TransactionTemplate transactions) {
        this.keys = keys;
        this.fixtures = fixtures;
        this.jdbc = jdbc;
        this.transactions = transactions;
    }

    private void rolledBack(Runnable test) {
        transactions.executeWithoutResult(status -> {
            try {
                test.run();
            } finally {
                status.setRollbackOnly();
            }
        });
    }

    static String answer(MemberKey key, CommitteeKeys.Enrolment enrolment) {
        return ProofOfPossession.answer(
                key,
                Base64.getDecoder().decode(enrolment.challenge()),
                Base64.getDecoder().decode(enrolment.serverPoint()));
    }

    private static Consumer<Throwable> code(OpeningErrorCode code) {
        return e -> assertThat(((BaobabException) e).errorCode()).isEqualTo(code);
    }

    private long journal(String action, String subject) {
        return jdbc.sql("select count(*) from audit_entry where action = :a and subject_id = :s")
                .param("a", action)
                .param("s", subject)
                .query(Long.class)
                .single();
    }

    @Test
    void theDemoMembersHaveTheirDemoKeys() {
        for (String email : OpeningFixtures.demoMembers()) {
            CurrentUser member = fixtures.user(email);
            assertThat(keys.currentKey(member.id()))
                    .as(email)
                    .hasValueSatisfying(k -> assertThat(k.fingerprint())
                            .isEqualTo(OpeningFixtures.demoKeyFile(email).fingerprint()));
        }
    }

    @Test
    void aMemberEnrolsWithAValidProofAndReEnrolmentRevokesTheOldKey() {
        rolledBack(() -> {
            CurrentUser member = fixtures.user("commission2@sante.demo");
            String old = keys.currentKey(member.id()).orElseThrow().fingerprint();
            MemberKey fresh = MemberKey.generate(RANDOM);
            CommitteeKeys.Enrolment enrolment = keys.startEnrolment(member);
            assertThat(Base64.getDecoder().decode(enrolment.challenge())).hasSize(32);
            assertThat(Base64.getDecoder().decode(enrolment.serverPoint())).hasSize(65);

            CommitteeKeys.EnrolledKey enrolled = keys.enrol(
                    member, enrolment.challengeId(), fresh.publicKey().base64(), answer(fresh, enrolment));

            assertThat(enrolled.fingerprint()).isEqualTo(fresh.publicKey().fingerprint());
            assertThat(keys.currentKey(member.id()).orElseThrow().key()).isEqualTo(fresh.publicKey());
            assertThat(jdbc.sql("select revoked_at is not null from opening_committee_key where fingerprint = :f")
                            .param("f", old)
                            .query(Boolean.class)
                            .single())
                    .isTrue();
            assertThat(jdbc.sql("select count(*) from opening_committee_key where user_id = :u and revoked_at is null")
                            .param("u", member.id())
                            .query(Long.class)
                            .single())
                    .isEqualTo(1);
            assertThat(journal("opening.key-enrolled", fresh.publicKey().fingerprint()))
                    .isEqualTo(1);
            assertThat(journal("opening.key-revoked", old)).isEqualTo(1);
            assertThat(jdbc.sql("select count(*) from opening_enrolment_challenge where id = :id")
                            .param("id", enrolment.challengeId())
                            .query(Long.class)
                            .single())
                    .as("the challenge and its server key are deleted once used")
                    .isZero();

            // the same key cannot be enrolled twice
            CommitteeKeys.Enrolment again = keys.startEnrolment(member);
            assertThatThrownBy(() -> keys.enrol(
                            member, again.challengeId(), fresh.publicKey().base64(), answer(fresh, again)))
                    .satisfies(code(OpeningErrorCode.KEY_ALREADY_ENROLLED));
        });
    }

    @Test
    void aWrongProofIsRefusedAndUsesUpTheChallenge() {
        rolledBack(() -> {
            CurrentUser member = fixtures.user("commission3@sante.demo");
            String before = keys.currentKey(member.id()).orElseThrow().fingerprint();
            MemberKey fresh = MemberKey.generate(RANDOM);
            MemberKey other = MemberKey.generate(RANDOM);
            CommitteeKeys.Enrolment enrolment = keys.startEnrolment(member);

            assertThatThrownBy(() -> keys.enrol(
                            member, enrolment.challengeId(), fresh.publicKey().base64(), answer(other, enrolment)))
                    .satisfies(code(OpeningErrorCode.WRONG_PROOF));
            assertThatThrownBy(() -> keys.enrol(
                            member, enrolment.challengeId(), fresh.publicKey().base64(), "not base64 at all"))
                    .as("the challenge served once")
                    .satisfies(code(OpeningErrorCode.CHALLENGE_INVALID));
            // a proof answering another challenge
            CommitteeKeys.Enrolment first = keys.startEnrolment(member);
            CommitteeKeys.Enrolment second = keys.startEnrolment(member);
            assertThatThrownBy(() -> keys.enrol(
                            member, second.challengeId(), fresh.publicKey().base64(), answer(fresh, first)))
                    .satisfies(code(OpeningErrorCode.WRONG_PROOF));
            CommitteeKeys.Enrolment bad = keys.startEnrolment(member);
            assertThatThrownBy(() -> keys.enrol(member, bad.challengeId(), "AAAA", answer(fresh, bad)))
                    .satisfies(code(OpeningErrorCode.INVALID_KEY));

            assertThat(keys.currentKey(member.id()).orElseThrow().fingerprint()).isEqualTo(before);
            assertThat(journal("opening.key-enrolment-refused", member.id().toString()))
                    .isGreaterThanOrEqualTo(3);
        });
    }

    @Test
    void anExpiredOrSomeoneElsesChallengeIsRefused() {
        rolledBack(() -> {
            CurrentUser member = fixtures.user("commission1@sante.demo");
            CurrentUser colleague = fixtures.user("commission2@sante.demo");
            String before = keys.currentKey(member.id()).orElseThrow().fingerprint();
            MemberKey fresh = MemberKey.generate(RANDOM);

            CommitteeKeys.Enrolment expired = keys.startEnrolment(member);
            jdbc.sql("update opening_enrolment_challenge set expires_at = expires_at - interval '1 hour'"
                            + " where id = :id")
                    .param("id", expired.challengeId())
                    .update();
            assertThatThrownBy(() -> keys.enrol(
                            member, expired.challengeId(), fresh.publicKey().base64(), answer(fresh, expired)))
                    .satisfies(code(OpeningErrorCode.CHALLENGE_INVALID));

            CommitteeKeys.Enrolment theirs = keys.startEnrolment(colleague);
            assertThatThrownBy(() -> keys.enrol(
                            member, theirs.challengeId(), fresh.publicKey().base64(), answer(fresh, theirs)))
                    .satisfies(code(OpeningErrorCode.CHALLENGE_INVALID));
            assertThatThrownBy(() -> keys.enrol(
                            member, UUID.randomUUID(), fresh.publicKey().base64(), answer(fresh, theirs)))
                    .satisfies(code(OpeningErrorCode.CHALLENGE_INVALID));

            assertThat(keys.currentKey(member.id()).orElseThrow().fingerprint()).isEqualTo(before);

            CommitteeKeys.Enrolment forgotten = keys.startEnrolment(member);
            jdbc.sql("update opening_enrolment_challenge set expires_at = expires_at - interval '1 hour'"
                            + " where id = :id")
                    .param("id", forgotten.challengeId())
                    .update();
            assertThat(keys.purgeExpiredChallenges()).isGreaterThanOrEqualTo(1);
            assertThat(jdbc.sql("select count(*) from opening_enrolment_challenge where id = :id")
                            .param("id", forgotten.challengeId())
                            .query(Long.class)
                            .single())
                    .as("an expired challenge's server key is deleted")
                    .isZero();
        });
    }

    @Test
    void onlyCommitteeMembersEnrol() {
        for (String email : new String[] {TenderingFixtures.PRM, TenderingFixtures.SUPPLIER, "admin@arcop.demo"}) {
            CurrentUser user = fixtures.user(email);
            assertThat(CommitteeKeys.mayEnrol(user)).isFalse();
            assertThatThrownBy(() -> keys.startEnrolment(user))
                    .as(email)
                    .satisfies(code(OpeningErrorCode.NOT_COMMITTEE_MEMBER));
            assertThatThrownBy(() -> keys.enrol(user, UUID.randomUUID(), "AAAA", "AAAA"))
                    .satisfies(code(OpeningErrorCode.NOT_COMMITTEE_MEMBER));
        }
    }
}
