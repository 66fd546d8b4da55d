// SPDX-License-Identifier: Apache-2.0
package org.baobab.opening;

import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.baobab.bidding.Bids;
import org.baobab.bidding.SealingSet;
import org.baobab.bidding.SubmittedEnvelope;
import org.baobab.bidding.sealing.CanonicalJson;
import org.baobab.bidding.sealing.Manifest;
import org.baobab.bidding.sealing.Opener;
import org.baobab.bidding.sealing.PartHeader;
import org.baobab.bidding.sealing.SealingException;
import org.baobab.bidding.sealing.ShareOpener;
import org.baobab.documents.Documents;
import org.baobab.identity.CurrentUser;
import org.baobab.opening.SessionEvents.EnvelopeOpened;
import org.baobab.opening.SessionEvents.SharesReleased;
import org.baobab.opening.internal.SessionStore;
import org.baobab.opening.internal.SessionStore.ReadingRow;
import org.baobab.opening.internal.SessionStore.ReleaseRow;
import org.baobab.opening.internal.SessionStore.SessionRow;
import org.baobab.shared.BaobabException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The release of the members' key shares and the opening of the envelopes (docs/opening.md, "Opening session"): each
 * member free of conflict releases, per envelope, the key of their share, computed in their browser from their key file
 * ({@code ShareOpener.releaseKey}). The server checks that each released key opens the member's share, and as soon as
 * {@code k} members' keys are in for an envelope it rebuilds the data key, decrypts the ciphertext (streaming), reads
 * the bid form and the list of files ({@link BidFormReader}), stores the reading and forgets the released keys. The
 * data key is never stored.
 */
@Service
public class KeyReleases {

    private final SessionStore store;
    private final SessionViews views;
    private final Bids bids;
    private final Documents documents;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    KeyReleases(
            SessionStore store,
            SessionViews views,
            Bids bids,
            Documents documents,
            ApplicationEventPublisher events,
            Clock clock) {
        this.store = store;
        this.views = views;
        this.bids = bids;
        this.documents = documents;
        this.events = events;
        this.clock = clock;
    }

    /** What a member's browser needs to compute their release: each envelope still closed, with its manifest. */
    public record ToRelease(UUID envelopeId, int position, String manifest) {}

    /** The envelopes still closed in the session, with their manifests, for a member of its committee. */
    @Transactional(readOnly = true)
    public List<ToRelease> toRelease(CurrentUser actor, UUID sessionId) {
        SessionRow row = views.row(sessionId);
        SealingSet.Member member = SessionViews.member(views.set(row.ocid()), actor);
        Set<UUID> read = new HashSet<>();
        store.readings(sessionId).forEach(r -> read.add(r.envelopeId()));
        List<ToRelease> list = new ArrayList<>();
        for (UUID envelope : store.envelopes(sessionId)) {
            if (!read.contains(envelope)) {
                Manifest manifest = bids.manifest(envelope).orElseThrow();
                list.add(new ToRelease(envelope, member.position(), manifest.toJson()));
            }
        }
        return list;
    }

    /**
     * A member releases the keys of their shares ({@code KEK_j}, 32 bytes each) of some envelopes of the session.
     * Every key is checked against the member's share first: one that does not open it refuses the whole release and
     * records nothing. Then each envelope that has {@code k} members' keys is opened and read, in order of receipt.
     */
    @Transactional
    public OpeningSession release(CurrentUser actor, UUID sessionId, Map<UUID, byte[]> keys) {
        SessionRow row = views.row(sessionId);
        store.lock(sessionId);
        SealingSet set = views.set(row.ocid());
        SealingSet.Member member = SessionViews.member(set, actor);
        var attendance = store.attendance(sessionId).stream()
                .filter(a -> a.userId().equals(actor.id()))
                .findFirst()
                .orElseThrow(() -> new BaobabException(OpeningErrorCode.NOT_DECLARED));
        if (attendance.conflict()) {
            throw new BaobabException(OpeningErrorCode.CONFLICT_DECLARED);
        }
        List<UUID> envelopes = store.envelopes(sessionId);
        Set<UUID> read = new HashSet<>();
        store.readings(sessionId).forEach(r -> read.add(r.envelopeId()));
        Map<UUID, Manifest> manifests = new HashMap<>();
        for (Map.Entry<UUID, byte[]> entry : keys.entrySet()) {
            UUID envelope = entry.getKey();
            if (!envelopes.contains(envelope) || read.contains(envelope)) {
                throw new BaobabException(OpeningErrorCode.NOT_OPENABLE);
            }
            Manifest manifest = bids.manifest(envelope).orElseThrow();
            try {
                byte[] share = ShareOpener.openReleased(manifest, member.position(), entry.getValue());
                Arrays.fill(share, (byte) 0);
            } catch (SealingException e) {
                throw new BaobabException(OpeningErrorCode.WRONG_RELEASE);
            }
            manifests.put(envelope, manifest);
        }
        Instant now = clock.instant();
        List<String> released = new ArrayList<>();
        for (UUID envelope : envelopes) {
            byte[] key = keys.get(envelope);
            if (key != null) {
                store.insertRelease(sessionId, envelope, member.position(), key, now);
                released.add(envelope.toString());
            }
        }
        if (!released.isEmpty()) {
            events.publishEvent(new SessionEvents.Changed(row.ocid()));
            events.publishEvent(new SharesReleased(
                    actor.email(),
                    SessionViews.organisation(actor),
                    row.ocid(),
                    sessionId.toString(),
                    member.position(),
                    released));
        }
        Map<UUID, SubmittedEnvelope> byId = new HashMap<>();
        bids.envelopes(row.ocid()).forEach(e -> byId.put(e.id(), e));
        for (int i = 0; i < envelopes.size(); i++) {
            UUID envelope = envelopes.get(i);
            Manifest manifest = manifests.get(envelope);
            if (manifest == null) {
                continue;
            }
            List<ReleaseRow> releases = store.releases(sessionId, envelope);
            if (releases.size() >= manifest.threshold()) {
                open(actor, row, byId.get(envelope), i + 1, manifest, releases, now);
            }
        }
        return views.view(row, set);
    }

    private void open(
            CurrentUser actor,
            SessionRow session,
            SubmittedEnvelope envelope,
            int order,
            Manifest manifest,
            List<ReleaseRow> releases,
            Instant now) {
        List<byte[]> shares = new ArrayList<>();
        List<Integer> positions = new ArrayList<>();
        for (ReleaseRow release : releases) {
            shares.add(ShareOpener.openReleased(manifest, release.position(), release.shareKey()));
            positions.add(release.position());
        }
        BidFormReader reader = new BidFormReader();
        List<PartHeader> headers = List.of();
        String failure = null;
        try (InputStream ciphertext = documents.open(envelope.document())) {
            headers = Opener.open(manifest, shares, ciphertext, reader);
        } catch (SealingException e) {
            failure = e.getMessage();
        } catch (IOException e) {
            failure = "The ciphertext could not be read: " + e.getMessage();
        } finally {
            shares.forEach(s -> Arrays.fill(s, (byte) 0));
        }
        BidFormReader.Read form =
                failure == null ? reader.read() : new BidFormReader.Read(List.of(), Map.of(), null, failure);
        List<Map<String, Object>> files = BidFormReader.files(headers);
        store.insertReading(
                session.id(),
                new ReadingRow(
                        envelope.id(),
                        order,
                        envelope.supplierName(),
                        envelope.receivedAt(),
                        CanonicalJson.write(form.lots()),
                        form.bidSecurity(),
                        CanonicalJson.write(files),
                        form.failure(),
                        now));
        store.deleteReleases(session.id(), envelope.id());
        events.publishEvent(new EnvelopeOpened(
                actor.email(),
                SessionViews.organisation(actor),
                session.ocid(),
                envelope.id().toString(),
                order,
                positions,
                form.amounts(),
                files.size(),
                form.failure()));
    }
}
