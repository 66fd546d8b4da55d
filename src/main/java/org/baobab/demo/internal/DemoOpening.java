// SPDX-License-Identifier: Apache-2.0
package org.baobab.demo.internal;

import static org.baobab.demo.internal.DemoStories.MEMBERS;
import static org.baobab.demo.internal.DemoStories.PASSPHRASE;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.baobab.bidding.SealingSet;
import org.baobab.bidding.SealingSets;
import org.baobab.bidding.sealing.KeyFile;
import org.baobab.bidding.sealing.Manifest;
import org.baobab.bidding.sealing.MemberKey;
import org.baobab.bidding.sealing.ShareOpener;
import org.baobab.identity.Accounts;
import org.baobab.identity.CurrentUser;
import org.baobab.opening.KeyReleases;
import org.baobab.opening.OpeningMinutes;
import org.baobab.opening.OpeningSessions;
import org.springframework.stereotype.Component;

/**
 * The history's opening phase: two members of the demo committee of three release their key shares with the public
 * demo key files, record the pieces and approve the minutes.
 */
@Component
class DemoOpening {

    private final Accounts accounts;
    private final SealingSets sealingSets;
    private final OpeningSessions sessions;
    private final KeyReleases releases;
    private final OpeningMinutes minutes;

    DemoOpening(
            Accounts accounts,
            SealingSets sealingSets,
            OpeningSessions sessions,
            KeyReleases releases,
            OpeningMinutes minutes) {
        this.accounts = accounts;
        this.sealingSets = sealingSets;
        this.sessions = sessions;
        this.releases = releases;
        this.minutes = minutes;
    }

    /** Members 1 and 2 open the envelopes with their key files (member 3 is absent) and approve the minutes. */
    void open(String ocid) {
        CurrentUser first = user(MEMBERS.get(0));
        UUID session = sessions.start(first, ocid).id();
        SealingSet set = sealingSets.forProcess(ocid).orElseThrow();
        for (String email : MEMBERS.subList(0, 2)) {
            CurrentUser member = user(email);
            sessions.declare(member, session, false);
            MemberKey key = key(email);
            Map<UUID, byte[]> released = new LinkedHashMap<>();
            for (KeyReleases.ToRelease r : releases.toRelease(member, session)) {
                released.put(
                        r.envelopeId(), ShareOpener.releaseKey(Manifest.fromJson(r.manifest()), r.position(), key));
            }
            releases.release(member, session, released);
        }
        // the state of the pieces: the notices ask no administrative document; the bid security is there
        for (org.baobab.opening.OpeningSession.Reading r :
                sessions.session(session).readings()) {
            minutes.recordPieces(
                    first,
                    session,
                    r.envelopeId(),
                    Map.of(),
                    new org.baobab.opening.Pieces.BidSecurity(true, null, null, "Banque de démonstration"));
        }
        minutes.recordRepresentatives(first, session, "Représentant de Sahel Numérique SARL (en ligne)");
        minutes.observe(
                first,
                session,
                "Plis reçus par voie électronique, intègres ; "
                        + set.members().size()
                        + " membres convoqués, deux présents. Aucune réserve des membres présents.");
        for (String email : MEMBERS.subList(0, 2)) {
            minutes.approve(user(email), session);
        }
    }

    private CurrentUser user(String email) {
        return accounts.currentUserByEmail(email).orElseThrow();
    }

    /** The demo members' keys, each opened once per run (the key files' PBKDF2 is slow on purpose). */
    private final Map<String, MemberKey> keys = new HashMap<>();

    private MemberKey key(String email) {
        return keys.computeIfAbsent(email, DemoOpening::openKeyFile);
    }

    private static MemberKey openKeyFile(String email) {
        String path = "/demo/committee-keys/" + email + ".bkf.json";
        try (InputStream in = DemoOpening.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("No demo key file for " + email);
            }
            return KeyFile.fromJson(new String(in.readAllBytes(), StandardCharsets.UTF_8))
                    .open(PASSPHRASE.toCharArray());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Forgets the opened keys once the history is played. */
    void forgetKeys() {
        keys.clear();
    }
}
