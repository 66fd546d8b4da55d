// SPDX-License-Identifier: Apache-2.0
package org.baobab.bidding.transparency;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import org.baobab.bidding.sealing.CanonicalJson;
import org.baobab.bidding.sealing.CommitteeKey;
import org.baobab.bidding.sealing.ProofOfPossession;
import org.baobab.bidding.sealing.SealingException;
import org.jspecify.annotations.Nullable;

/**
 * The public statements of the transparency log besides receipts (docs/sealing-format.md, "Statements of the log"):
 * a committee key enrolment ({@value #KEY_ENROLMENT}), a sealing set fixed at a notice's publication ({@value
 * #SEALING_SET}) and a checkpoint of the audit journal ({@value #JOURNAL_CHECKPOINT}). Each leaf is the UTF-8 canonical
 * JSON of its statement; its {@code format} names the kind. JDK-only, so that a monitor run by anyone reads them with
 * the very code the platform writes them with.
 */
public final class Statements {

    public static final String KEY_ENROLMENT = "BKE1";
    public static final String SEALING_SET = "BSS1";
    public static final String JOURNAL_CHECKPOINT = "BJC1";

    private Statements() {}

    /**
     * The member's proof of possession as it was answered: the server's one-time challenge and key (its private half
     * too, of no use once the answer is checked, so that anyone can check the answer again) and the member's answer.
     * All Base64.
     */
    public record Proof(String challenge, String serverPoint, String serverPrivateKey, String answer) {

        /** Whether the answer proves possession of the private key of {@code key}; never throws. */
        public boolean holdsFor(CommitteeKey key) {
            try {
                Base64.Decoder b64 = Base64.getDecoder();
                return ProofOfPossession.Challenge.restore(
                                b64.decode(challenge), b64.decode(serverPoint), b64.decode(serverPrivateKey))
                        .verify(key, answer);
            } catch (SealingException | IllegalArgumentException e) {
                return false;
            }
        }
    }

    /** BKE1: member {@code userId} enrolled the public key {@code publicKey} (base64 point) at {@code enrolledAt}. */
    public record KeyEnrolment(UUID userId, String fingerprint, String publicKey, Proof proof, String enrolledAt) {

        public static KeyEnrolment of(UUID userId, CommitteeKey key, Proof proof, Instant enrolledAt) {
            return new KeyEnrolment(userId, key.fingerprint(), key.base64(), proof, ReceiptFormat.instant(enrolledAt));
        }

        public String json() {
            Map<String, Object> p = new LinkedHashMap<>();
            p.put("challenge", proof.challenge());
            p.put("serverPoint", proof.serverPoint());
            p.put("serverPrivateKey", proof.serverPrivateKey());
            p.put("answer", proof.answer());
            Map<String, Object> s = new LinkedHashMap<>();
            s.put("format", KEY_ENROLMENT);
            s.put("userId", userId.toString());
            s.put("fingerprint", fingerprint);
            s.put("publicKey", publicKey);
            s.put("proof", p);
            s.put("enrolledAt", enrolledAt);
            return CanonicalJson.write(s);
        }

        /**
         * What is wrong with the statement itself, or null: the fingerprint must be the key's, the proof must hold.
         */
        public @Nullable String problem() {
            CommitteeKey key;
            try {
                key = CommitteeKey.fromBase64(publicKey);
            } catch (SealingException | IllegalArgumentException e) {
                return "the public key is not a P-256 point";
            }
            if (!key.fingerprint().equals(fingerprint)) {
                return "the fingerprint is not the public key's";
            }
            return proof.holdsFor(key) ? null : "the proof of possession does not hold for the key";
        }
    }

    /** One member of a sealing set: share {@code position} (from 1) goes to {@code userId}'s key {@code fingerprint}. */
    public record SetMember(int position, UUID userId, String fingerprint) {}

    /** BSS1: the envelopes of process {@code ocid} are sealed to these members, {@code threshold} of them to open. */
    public record SealingSetStatement(String ocid, int threshold, List<SetMember> members, String fixedAt) {

        public SealingSetStatement {
            members = List.copyOf(members);
        }

        public String json() {
            List<Object> list = new ArrayList<>();
            for (SetMember m : members) {
                Map<String, Object> member = new LinkedHashMap<>();
                member.put("position", m.position());
                member.put("userId", m.userId().toString());
                member.put("fingerprint", m.fingerprint());
                list.add(member);
            }
            Map<String, Object> s = new LinkedHashMap<>();
            s.put("format", SEALING_SET);
            s.put("ocid", ocid);
            s.put("threshold", threshold);
            s.put("members", list);
            s.put("fixedAt", fixedAt);
            return CanonicalJson.write(s);
        }

        /** The members' fingerprints in share order. */
        public List<String> fingerprints() {
            return members.stream().map(SetMember::fingerprint).toList();
        }
    }

    /** BJC1: the audit journal's checkpoint of its entry {@code seq}, with the platform's signature of it. */
    public record JournalCheckpoint(long seq, String entryHash, String signedAt, String keyId, String signature) {

        public String json() {
            Map<String, Object> s = new LinkedHashMap<>();
            s.put("format", JOURNAL_CHECKPOINT);
            s.put("seq", seq);
            s.put("entryHash", entryHash);
            s.put("signedAt", signedAt);
            s.put("keyId", keyId);
            s.put("signature", signature);
            return CanonicalJson.write(s);
        }

        /** The bytes the platform signed: the journal's own statement, {@code {entryHash, keyId, seq, signedAt}}. */
        public byte[] signedBytes() {
            Map<String, Object> s = new LinkedHashMap<>();
            s.put("seq", seq);
            s.put("entryHash", entryHash);
            s.put("signedAt", signedAt);
            s.put("keyId", keyId);
            return CanonicalJson.utf8(s);
        }
    }

    /** The fingerprint of a key given as its base64 point, or a text saying it is no key; never throws. */
    public static String fingerprintOf(String point) {
        try {
            return CommitteeKey.fromBase64(point).fingerprint();
        } catch (SealingException | IllegalArgumentException e) {
            return "(not a P-256 point)";
        }
    }

    /** A statement read back from a leaf's bytes: exactly one of the fields is set, as {@code format} says. */
    public record Parsed(
            String format,
            @Nullable KeyEnrolment enrolment,
            @Nullable SealingSetStatement sealingSet,
            @Nullable JournalCheckpoint checkpoint) {}

    /** The format a leaf's statement names; refuses a leaf that is not canonical JSON with a format. */
    public static String format(String json) {
        Map<String, @Nullable Object> object = canonicalObject(json);
        return text(object, "format");
    }

    /**
     * Reads a public statement (BKE1, BSS1 or BJC1) from its canonical JSON.
     *
     * @throws IllegalArgumentException if it is not one, or not canonical
     */
    public static Parsed read(String json) {
        Map<String, @Nullable Object> s = canonicalObject(json);
        String format = text(s, "format");
        switch (format) {
            case KEY_ENROLMENT -> {
                Map<?, ?> p = object(s.get("proof"), "proof");
                KeyEnrolment e = new KeyEnrolment(
                        uuid(text(s, "userId")),
                        text(s, "fingerprint"),
                        text(s, "publicKey"),
                        new Proof(
                                text(p, "challenge"),
                                text(p, "serverPoint"),
                                text(p, "serverPrivateKey"),
                                text(p, "answer")),
                        text(s, "enrolledAt"));
                return new Parsed(format, e, null, null);
            }
            case SEALING_SET -> {
                List<SetMember> members = new ArrayList<>();
                if (!(s.get("members") instanceof List<?> list)) {
                    throw new IllegalArgumentException("a sealing set has a list of members");
                }
                for (Object item : list) {
                    Map<?, ?> m = object(item, "member");
                    members.add(new SetMember(
                            (int) number(m, "position"), uuid(text(m, "userId")), text(m, "fingerprint")));
                }
                return new Parsed(
                        format,
                        null,
                        new SealingSetStatement(
                                text(s, "ocid"), (int) number(s, "threshold"), members, text(s, "fixedAt")),
                        null);
            }
            case JOURNAL_CHECKPOINT -> {
                return new Parsed(
                        format,
                        null,
                        null,
                        new JournalCheckpoint(
                                number(s, "seq"),
                                text(s, "entryHash"),
                                text(s, "signedAt"),
                                text(s, "keyId"),
                                text(s, "signature")));
            }
            default -> throw new IllegalArgumentException("not a public statement: " + format);
        }
    }

    /** The leaf's bytes of a statement. */
    public static byte[] leaf(String json) {
        return json.getBytes(StandardCharsets.UTF_8);
    }

    private static Map<String, @Nullable Object> canonicalObject(String json) {
        try {
            if (!CanonicalJson.isCanonical(json)) {
                throw new IllegalArgumentException("a statement is canonical JSON");
            }
            return CanonicalJson.readObject(json);
        } catch (SealingException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
    }

    private static Map<?, ?> object(@Nullable Object value, String name) {
        if (value instanceof Map<?, ?> map) {
            return map;
        }
        throw new IllegalArgumentException(name + " is an object");
    }

    private static String text(Map<?, ?> object, String name) {
        if (object.get(name) instanceof String text) {
            return text;
        }
        throw new IllegalArgumentException(name + " is text");
    }

    private static long number(Map<?, ?> object, String name) {
        if (object.get(name) instanceof Long number) {
            return number;
        }
        throw new IllegalArgumentException(name + " is an integer");
    }

    private static UUID uuid(String text) {
        UUID id = UUID.fromString(text);
        if (!Objects.equals(id.toString(), text)) {
            throw new IllegalArgumentException("not a UUID in lower case: " + text);
        }
        return id;
    }
}
