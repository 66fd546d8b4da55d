// SPDX-License-Identifier: Apache-2.0
package org.baobab.opening;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import org.baobab.bidding.SealingSet;
import org.baobab.bidding.SealingSets;
import org.baobab.bidding.sealing.KeyFile;
import org.baobab.bidding.sealing.MemberKey;
import org.springframework.stereotype.Component;

/**
 * For tests that seal and open envelopes: the sealing set of a published process, and the demo committee members'
 * private keys, read from the public demo key files ({@code demo/committee-keys/<e-mail>.bkf.json}, passphrase
 * {@link #PASSPHRASE}) that the demo data enrolled. A test that enrols another key for a demo member must roll it back,
 * or these keys would no longer be the enrolled ones (sets already fixed keep theirs).
 */
@Component
public class OpeningFixtures {

    /** The passphrase of every demo key file: the demo accounts' password. */
    public static final String PASSPHRASE = "Baobab-Demo-2026";

    /** The committee members of the Senegalese demo authority (Ministère de la Santé), in enrolment order. */
    public static final List<String> SANTE_MEMBERS =
            List.of("commission1@sante.demo", "commission2@sante.demo", "commission3@sante.demo");

    /** The committee members of the Cameroonian demo authority (Ministère des Travaux publics), in enrolment order. */
    public static final List<String> MINTP_MEMBERS =
            List.of("commission1@mintp.demo", "commission2@mintp.demo", "commission3@mintp.demo");

    private static final Map<String, MemberKey> KEYS = new ConcurrentHashMap<>();

    private final SealingSets sets;

    private final org.baobab.identity.Accounts accounts;

    OpeningFixtures(SealingSets sets, org.baobab.identity.Accounts accounts) {
        this.sets = sets;
        this.accounts = accounts;
    }

    /** The health ministry's demo members of a set, by position, as signed-in users. */
    public Map<Integer, org.baobab.identity.CurrentUser> members(SealingSet set) {
        Map<Integer, org.baobab.identity.CurrentUser> members = new java.util.HashMap<>();
        for (String email : SANTE_MEMBERS) {
            org.baobab.identity.CurrentUser user =
                    accounts.currentUserByEmail(email).orElseThrow();
            set.members().stream()
                    .filter(m -> m.userId().equals(user.id()))
                    .forEach(m -> members.put(m.position(), user));
        }
        return members;
    }

    /** What a member's browser computes: the key of their share of each envelope of the session still closed. */
    public static Map<java.util.UUID, byte[]> releaseAll(
            KeyReleases releases, org.baobab.identity.CurrentUser member, java.util.UUID session, MemberKey key) {
        Map<java.util.UUID, byte[]> keys = new java.util.LinkedHashMap<>();
        for (KeyReleases.ToRelease r : releases.toRelease(member, session)) {
            keys.put(
                    r.envelopeId(),
                    org.baobab.bidding.sealing.ShareOpener.releaseKey(
                            org.baobab.bidding.sealing.Manifest.fromJson(r.manifest()), r.position(), key));
        }
        return keys;
    }

    /** The sealing set fixed at the publication of the process's notice (fails if there is none). */
    public SealingSet sealingSet(String ocid) {
        return sets.forProcess(ocid).orElseThrow(() -> new AssertionError("no sealing set for " + ocid));
    }

    /** A demo member's key file, as committed (public, demo only). */
    public static KeyFile demoKeyFile(String email) {
        String path = "/demo/committee-keys/" + email + ".bkf.json";
        try (InputStream in = OpeningFixtures.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalArgumentException("no demo key file for " + email);
            }
            return KeyFile.fromJson(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A demo member's key pair, opened from their key file once (PBKDF2 is slow on purpose) and then cached. */
    public static MemberKey demoKey(String email) {
        return KEYS.computeIfAbsent(email, e -> demoKeyFile(e).open(PASSPHRASE.toCharArray()));
    }

    /**
     * The private keys of a set's members by position (1 to n), for the members who are demo members still holding
     * the key the set was fixed with: enough to open the set's envelopes in a test.
     */
    public static Map<Integer, MemberKey> memberKeys(SealingSet set) {
        Map<Integer, MemberKey> keys = new TreeMap<>();
        for (String email : demoMembers()) {
            KeyFile file = demoKeyFile(email);
            for (SealingSet.Member m : set.members()) {
                if (m.key().fingerprint().equals(file.fingerprint())) {
                    keys.put(m.position(), demoKey(email));
                }
            }
        }
        return keys;
    }

    /** Every demo committee member with a key file. */
    public static List<String> demoMembers() {
        return java.util.stream.Stream.concat(SANTE_MEMBERS.stream(), MINTP_MEMBERS.stream())
                .toList();
    }
}
