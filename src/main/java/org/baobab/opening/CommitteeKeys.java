// SPDX-License-Identifier: Apache-2.0
package org.baobab.opening;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import java.util.UUID;
import org.baobab.bidding.LogStatements;
import org.baobab.bidding.sealing.CommitteeKey;
import org.baobab.bidding.sealing.ProofOfPossession;
import org.baobab.bidding.sealing.SealingException;
import org.baobab.identity.CurrentUser;
import org.baobab.opening.OpeningEvents.EnrolmentRefused;
import org.baobab.opening.OpeningEvents.KeyEnrolled;
import org.baobab.opening.OpeningEvents.KeyRevoked;
import org.baobab.opening.internal.OpeningStore;
import org.baobab.opening.internal.OpeningStore.ChallengeRow;
import org.baobab.opening.internal.OpeningStore.KeyRow;
import org.baobab.shared.BaobabException;
import org.baobab.shared.OrganisationKind;
import org.baobab.shared.Role;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Committee members' keys (docs/opening.md): a member enrols once, from the browser that generated the key pair, by
 * asking a challenge ({@link #startEnrolment}) and answering it with a proof of possession ({@link #enrol}). The server
 * keeps only the public key and its fingerprint; enrolling again revokes the previous key, and the sealing sets already
 * fixed keep the key they were fixed with.
 */
@Service
public class CommitteeKeys {

    /** How long a challenge may be answered. */
    public static final Duration CHALLENGE_LIFETIME = Duration.ofMinutes(10);

    private final OpeningStore store;
    private final LogStatements log;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    CommitteeKeys(OpeningStore store, LogStatements log, ApplicationEventPublisher events, Clock clock) {
        this.store = store;
        this.log = log;
        this.events = events;
        this.clock = clock;
    }

    /** What the browser needs to prove possession: the challenge's id, its 32 bytes and the server's point. */
    public record Enrolment(UUID challengeId, String challenge, String serverPoint, Instant expiresAt) {}

    /** A member's enrolled key. */
    public record EnrolledKey(UUID userId, CommitteeKey key, Instant enrolledAt) {

        public String fingerprint() {
            return key.fingerprint();
        }

        public String shortFingerprint() {
            return key.shortFingerprint();
        }
    }

    /** Whether the user may enrol a key: a committee member of some contracting authority. */
    public static boolean mayEnrol(CurrentUser user) {
        return committeeOrganisation(user).isPresent();
    }

    /** A fresh challenge for the user's enrolment, answerable once within {@link #CHALLENGE_LIFETIME}. */
    @Transactional
    public Enrolment startEnrolment(CurrentUser actor) {
        requireMember(actor);
        Instant now = clock.instant();
        store.deleteExpiredChallenges(now);
        ProofOfPossession.Challenge challenge = ProofOfPossession.challenge(random);
        ChallengeRow row = new ChallengeRow(
                UUID.randomUUID(),
                actor.id(),
                challenge.challenge(),
                challenge.serverPoint(),
                challenge.serverPrivateKey(),
                now.plus(CHALLENGE_LIFETIME));
        store.insertChallenge(row, now);
        Base64.Encoder b64 = Base64.getEncoder();
        return new Enrolment(
                row.id(), b64.encodeToString(row.challenge()), b64.encodeToString(row.serverPoint()), row.expiresAt());
    }

    /**
     * Enrols the public key (base64 point) if the proof answers the challenge; the challenge is used up whatever the
     * outcome (a refusal is journalled and changes nothing else). The member's previous key, if any, is revoked.
     */
    @Transactional(noRollbackFor = BaobabException.class)
    public EnrolledKey enrol(CurrentUser actor, UUID challengeId, String publicKey, String proof) {
        UUID organisation = requireMember(actor);
        Instant now = clock.instant();
        Optional<ChallengeRow> taken = store.takeChallenge(challengeId);
        store.deleteExpiredChallenges(now);
        if (taken.isEmpty()
                || !taken.get().userId().equals(actor.id())
                || !taken.get().expiresAt().isAfter(now)) {
            throw refused(actor, organisation, OpeningErrorCode.CHALLENGE_INVALID, "challenge");
        }
        ChallengeRow row = taken.get();
        CommitteeKey key;
        try {
            key = CommitteeKey.fromBase64(publicKey);
        } catch (SealingException | IllegalArgumentException e) {
            throw refused(actor, organisation, OpeningErrorCode.INVALID_KEY, "key");
        }
        boolean proven;
        try {
            proven = ProofOfPossession.Challenge.restore(row.challenge(), row.serverPoint(), row.serverPrivateKey())
                    .verify(key, proof);
        } catch (SealingException | IllegalArgumentException e) {
            proven = false;
        }
        if (!proven) {
            throw refused(actor, organisation, OpeningErrorCode.WRONG_PROOF, "proof");
        }
        if (store.fingerprintExists(key.fingerprint())) {
            throw refused(actor, organisation, OpeningErrorCode.KEY_ALREADY_ENROLLED, "reused-key");
        }
        Optional<KeyRow> previous = store.activeKey(actor.id());
        previous.ifPresent(p -> {
            store.revoke(p.id(), now);
            events.publishEvent(new KeyRevoked(
                    actor.email(), organisation.toString(), actor.id().toString(), p.fingerprint()));
        });
        store.insertKey(UUID.randomUUID(), actor.id(), organisation, key.point(), key.fingerprint(), now);
        long logIndex = log.keyEnrolled(
                actor.id(), key, row.challenge(), row.serverPoint(), row.serverPrivateKey(), proof, now);
        events.publishEvent(new KeyEnrolled(
                actor.email(),
                organisation.toString(),
                actor.id().toString(),
                key.fingerprint(),
                previous.map(KeyRow::fingerprint).orElse(null),
                logIndex));
        return new EnrolledKey(actor.id(), key, now);
    }

    /** Deletes the expired challenges and their server keys (run by a job; enrolments do it too). Returns how many. */
    @Transactional
    public int purgeExpiredChallenges() {
        return store.deleteExpiredChallenges(clock.instant());
    }

    /** The user's active key, if they enrolled one. */
    @Transactional(readOnly = true)
    public Optional<EnrolledKey> currentKey(UUID userId) {
        return store.activeKey(userId)
                .map(k -> new EnrolledKey(k.userId(), CommitteeKey.of(k.point()), k.enrolledAt()));
    }

    private BaobabException refused(CurrentUser actor, UUID organisation, OpeningErrorCode code, String reason) {
        events.publishEvent(new EnrolmentRefused(
                actor.email(), organisation.toString(), actor.id().toString(), reason));
        return new BaobabException(code);
    }

    private static UUID requireMember(CurrentUser actor) {
        return committeeOrganisation(actor)
                .orElseThrow(() -> new BaobabException(OpeningErrorCode.NOT_COMMITTEE_MEMBER));
    }

    private static Optional<UUID> committeeOrganisation(CurrentUser user) {
        return user.organisationsWith(OrganisationKind.CONTRACTING_AUTHORITY, Role.COMMITTEE_MEMBER).stream()
                .map(CurrentUser.Membership::organisationId)
                .findFirst();
    }
}
