// SPDX-License-Identifier: Apache-2.0
package org.baobab.bidding.sealing;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.SecureRandom;
import org.junit.jupiter.api.Test;

class ProofOfPossessionTests {

    private final MemberKey member = TestKeys.derive(new Drbg("enrolling member"));
    private final MemberKey impostor = TestKeys.derive(new Drbg("impostor"));

    @Test
    void acceptsTheAnswerOfTheKeysHolder() {
        ProofOfPossession.Challenge challenge = ProofOfPossession.challenge(new SecureRandom());

        String answer = ProofOfPossession.answer(member, challenge.challenge(), challenge.serverPoint());

        assertThat(challenge.verify(member.publicKey(), answer)).isTrue();
    }

    @Test
    void refusesAnAnswerMadeWithAnotherKey() {
        ProofOfPossession.Challenge challenge = ProofOfPossession.challenge(new SecureRandom());

        String answer = ProofOfPossession.answer(impostor, challenge.challenge(), challenge.serverPoint());

        assertThat(challenge.verify(member.publicKey(), answer)).isFalse();
        assertThat(challenge.verify(impostor.publicKey(), answer)).isTrue();
    }

    @Test
    void refusesAnAnswerToAnotherChallengeOrMalformed() {
        ProofOfPossession.Challenge first = ProofOfPossession.challenge(new SecureRandom());
        ProofOfPossession.Challenge second = ProofOfPossession.challenge(new SecureRandom());

        String answer = ProofOfPossession.answer(member, first.challenge(), first.serverPoint());

        assertThat(second.verify(member.publicKey(), answer)).isFalse();
        assertThat(first.verify(member.publicKey(), "not base64!")).isFalse();
        assertThat(first.verify(member.publicKey(), "")).isFalse();
    }

    @Test
    void aChallengeKeptBetweenRequestsStillVerifies() {
        ProofOfPossession.Challenge challenge = ProofOfPossession.challenge(new SecureRandom());
        ProofOfPossession.Challenge restored = ProofOfPossession.Challenge.restore(
                challenge.challenge(), challenge.serverPoint(), challenge.serverPrivateKey());

        String answer = ProofOfPossession.answer(member, challenge.challenge(), challenge.serverPoint());

        assertThat(restored.verify(member.publicKey(), answer)).isTrue();
    }
}
