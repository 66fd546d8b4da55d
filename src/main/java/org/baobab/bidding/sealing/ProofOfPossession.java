// SPDX-License-Identifier: Apache-2.0
package org.baobab.bidding.sealing;

import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * Proof that an enrolling committee member holds the private key of the public key it sends, without revealing it.
 *
 * <p>Server: {@link #challenge(SecureRandom)} makes a fresh 32-byte challenge and a fresh server key {@code S}; send
 * {@link Challenge#challenge()} and {@link Challenge#serverPoint()}, keep the challenge (with its private half) until
 * the answer comes back, then {@link Challenge#verify(CommitteeKey, String)}. Member: {@link #answer(MemberKey,
 * byte[], byte[])}.
 *
 * <pre>
 * Z = ECDH(member private, S)   K = HKDF-SHA256(Z, salt = S || P, info = "baobab key enrolment v1", 32)
 * answer = b64(HMAC-SHA256(K, challenge))
 * </pre>
 */
public final class ProofOfPossession {

    static final byte[] INFO = Bytes.utf8("baobab key enrolment v1");
    static final int CHALLENGE_LENGTH = 32;

    private ProofOfPossession() {}

    /** Server side: a fresh challenge and server key pair, for one enrolment only. */
    public static Challenge challenge(SecureRandom random) {
        byte[] challenge = new byte[CHALLENGE_LENGTH];
        random.nextBytes(challenge);
        return new Challenge(challenge, MemberKey.generate(random));
    }

    /** Member side: the answer to send back, {@code b64(HMAC-SHA256(K, challenge))}. */
    public static String answer(MemberKey member, byte[] challenge, byte[] serverPoint) {
        if (challenge.length != CHALLENGE_LENGTH) {
            throw new SealingException("Proof of possession: the challenge must be 32 bytes");
        }
        byte[] z = member.agree(serverPoint);
        byte[] key = Hkdf.derive(z, Bytes.concat(serverPoint, member.publicKey().point()), INFO, 32);
        return Bytes.b64(Bytes.hmacSha256(key, challenge));
    }

    /** A challenge with the private half of its server key: keep it server-side, for one enrolment only. */
    public static final class Challenge {

        private final byte[] challenge;
        private final MemberKey serverKey;

        private Challenge(byte[] challenge, MemberKey serverKey) {
            this.challenge = challenge.clone();
            this.serverKey = serverKey;
        }

        /** Restores a challenge kept between two requests (e.g. in the session) from {@link #serverPrivateKey()}. */
        public static Challenge restore(byte[] challenge, byte[] serverPoint, byte[] serverPrivateKey) {
            if (challenge.length != CHALLENGE_LENGTH) {
                throw new SealingException("Proof of possession: the challenge must be 32 bytes");
            }
            return new Challenge(challenge, MemberKey.fromPkcs8(serverPrivateKey, CommitteeKey.of(serverPoint)));
        }

        /** The 32 random bytes to send. */
        public byte[] challenge() {
            return challenge.clone();
        }

        /** The server's public point {@code S} to send (65 bytes). */
        public byte[] serverPoint() {
            return serverKey.publicKey().point();
        }

        /** The server key's private half (PKCS#8), only to keep the challenge between two requests. */
        public byte[] serverPrivateKey() {
            return serverKey.pkcs8();
        }

        /** Whether the answer proves possession of the private key of {@code member}. */
        public boolean verify(CommitteeKey member, String answer) {
            byte[] received;
            try {
                received = Base64.getDecoder().decode(answer.strip());
            } catch (IllegalArgumentException e) {
                return false;
            }
            byte[] expected = Bytes.hmacSha256(key(member), challenge);
            return MessageDigest.isEqual(expected, received);
        }

        private byte[] key(CommitteeKey member) {
            byte[] z = serverKey.agree(member.point());
            return Hkdf.derive(z, Bytes.concat(serverKey.publicKey().point(), member.point()), INFO, 32);
        }
    }
}
