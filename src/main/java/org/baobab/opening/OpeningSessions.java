// SPDX-License-Identifier: Apache-2.0
package org.baobab.opening;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import org.baobab.bidding.Bids;
import org.baobab.bidding.SealingSet;
import org.baobab.bidding.SubmittedEnvelope;
import org.baobab.bidding.sealing.CanonicalJson;
import org.baobab.bidding.sealing.Manifest;
import org.baobab.bidding.sealing.Opener;
import org.baobab.bidding.sealing.PartHeader;
import org.baobab.bidding.sealing.PartSink;
import org.baobab.bidding.sealing.SealingException;
import org.baobab.bidding.sealing.ShareOpener;
import org.baobab.documents.Documents;
import org.baobab.identity.CurrentUser;
import org.baobab.opening.SessionEvents.EnvelopeOpened;
import org.baobab.opening.SessionEvents.MemberDeclared;
import org.baobab.opening.SessionEvents.SessionStarted;
import org.baobab.opening.SessionEvents.SharesReleased;
import org.baobab.opening.internal.SessionStore;
import org.baobab.opening.internal.SessionStore.ReadingRow;
import org.baobab.opening.internal.SessionStore.ReleaseRow;
import org.baobab.opening.internal.SessionStore.SessionRow;
import org.baobab.rules.RulePacks;
import org.baobab.shared.BaobabException;
import org.baobab.shared.Role;
import org.baobab.tendering.Notices;
import org.baobab.tendering.ProcessView;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The opening of the bids (docs/opening.md, "Opening session"). After the deadline, and not before the notice's opening
 * time (server clock), a member of the process's committee or its authority's PRM starts the session: it fixes the
 * envelopes it opens, the current ones of its kind in order of receipt. Members come and declare whether they have a
 * conflict of interest; each member free of conflict releases, per envelope, the key of their share, computed in
 * their browser from their key file ({@code ShareOpener.releaseKey}). The server checks that each released key opens
 * the member's share, and as soon as {@code k} members' keys are in for an envelope it rebuilds the data key, decrypts
 * the ciphertext (streaming), reads the bid form and the list of files, stores the reading and forgets the released
 * keys. The data key is never stored. Superseded and withdrawn envelopes are listed and never opened.
 *
 * <p>A two-envelope procedure has a {@code technical} session first; its {@code financial} session opens only the
 * financial envelopes it is given (those of the technically qualified bidders, chosen by the evaluation).
 */
@Service
public class OpeningSessions {

    /** Largest bid form read; a larger one is reported as a failure to read, not kept. */
    static final int MAX_BID_FORM = 1 << 20;

    private final SessionStore store;
    private final Committees committees;
    private final Bids bids;
    private final Notices notices;
    private final Documents documents;
    private final RulePacks packs;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    OpeningSessions(
            SessionStore store,
            Committees committees,
            Bids bids,
            Notices notices,
            Documents documents,
            RulePacks packs,
            ApplicationEventPublisher events,
            Clock clock) {
        this.store = store;
        this.committees = committees;
        this.bids = bids;
        this.notices = notices;
        this.documents = documents;
        this.packs = packs;
        this.events = events;
        this.clock = clock;
    }

    /**
     * Starts the process's first session ({@code single}, or {@code technical} for a two-envelope procedure), or gives
     * it if it was started already.
     */
    @Transactional
    public OpeningSession start(CurrentUser actor, String ocid) {
        ProcessView process = process(ocid);
        String kind = Bids.kinds(process.notice()).contains(Bids.SINGLE) ? Bids.SINGLE : Bids.TECHNICAL;
        return start(actor, process, kind, null);
    }

    /**
     * Starts the financial session of a two-envelope procedure, after its technical session: it opens only the given
     * financial envelopes (those of the technically qualified bidders); the others are never opened.
     */
    @Transactional
    public OpeningSession startFinancial(CurrentUser actor, String ocid, Collection<UUID> qualifiedEnvelopes) {
        ProcessView process = process(ocid);
        if (!Bids.kinds(process.notice()).contains(Bids.FINANCIAL)
                || store.sessions(ocid).stream().noneMatch(s -> s.kind().equals(Bids.TECHNICAL))) {
            throw new BaobabException(OpeningErrorCode.NO_FINANCIAL_OPENING);
        }
        return start(actor, process, Bids.FINANCIAL, Set.copyOf(qualifiedEnvelopes));
    }

    private OpeningSession start(CurrentUser actor, ProcessView process, String kind, @Nullable Set<UUID> only) {
        SealingSet set = set(process.ocid());
        boolean member = set.members().stream().anyMatch(m -> m.userId().equals(actor.id()));
        if (!member && !actor.hasRoleIn(process.authorityId(), Role.PRM)) {
            throw new BaobabException(OpeningErrorCode.NOT_IN_COMMITTEE);
        }
        Instant now = clock.instant();
        Instant deadline = Objects.requireNonNull(process.notice().submissionDeadline());
        Instant openingAt = process.notice().openingAt();
        Instant earliest = openingAt != null && openingAt.isAfter(deadline) ? openingAt : deadline;
        if (now.isBefore(earliest)) {
            ZoneId zone = packs.zone(process.country());
            throw new BaobabException(
                    OpeningErrorCode.TOO_EARLY,
                    DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")
                            .withZone(zone)
                            .format(earliest));
        }
        List<UUID> envelopes = bids.envelopes(process.ocid()).stream()
                .filter(e -> e.kind().equals(kind) && e.state() == SubmittedEnvelope.State.CURRENT)
                .filter(e -> only == null || only.contains(e.id()))
                .sorted((a, b) -> a.receivedAt().compareTo(b.receivedAt()))
                .map(SubmittedEnvelope::id)
                .toList();
        UUID id = UUID.randomUUID();
        if (store.insertSession(id, process.ocid(), kind, actor.email(), now, envelopes)) {
            events.publishEvent(new SessionEvents.Changed(process.ocid()));
            events.publishEvent(new SessionStarted(
                    actor.email(),
                    process.authorityId().toString(),
                    process.ocid(),
                    id.toString(),
                    kind,
                    envelopes.size()));
        }
        SessionRow row = store.sessions(process.ocid()).stream()
                .filter(s -> s.kind().equals(kind))
                .findFirst()
                .orElseThrow();
        return view(row, set);
    }

    /** The sessions of a process, the first first (empty before the opening). */
    @Transactional(readOnly = true)
    public List<OpeningSession> sessions(String ocid) {
        List<SessionRow> rows = store.sessions(ocid);
        if (rows.isEmpty()) {
            return List.of();
        }
        SealingSet set = set(ocid);
        return rows.stream().map(r -> view(r, set)).toList();
    }

    @Transactional(readOnly = true)
    public OpeningSession session(UUID sessionId) {
        SessionRow row = row(sessionId);
        return view(row, set(row.ocid()));
    }

    /**
     * A member of the committee comes: present, and declaring whether they have a conflict of interest with a bidder
     * (then they release nothing). Once per session.
     */
    @Transactional
    public OpeningSession declare(CurrentUser actor, UUID sessionId, boolean conflict) {
        SessionRow row = row(sessionId);
        SealingSet set = set(row.ocid());
        SealingSet.Member member = member(set, actor);
        if (!store.insertAttendance(sessionId, actor.id(), member.position(), conflict, clock.instant())) {
            throw new BaobabException(OpeningErrorCode.ALREADY_DECLARED);
        }
        events.publishEvent(new SessionEvents.Changed(row.ocid()));
        events.publishEvent(new MemberDeclared(
                actor.email(), organisation(actor), row.ocid(), sessionId.toString(), member.position(), conflict));
        return view(row, set);
    }

    /** What a member's browser needs to compute their release: each envelope still closed, with its manifest. */
    public record ToRelease(UUID envelopeId, int position, String manifest) {}

    /** The envelopes still closed in the session, with their manifests, for a member of its committee. */
    @Transactional(readOnly = true)
    public List<ToRelease> toRelease(CurrentUser actor, UUID sessionId) {
        SessionRow row = row(sessionId);
        SealingSet.Member member = member(set(row.ocid()), actor);
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
        SessionRow row = row(sessionId);
        store.lock(sessionId);
        SealingSet set = set(row.ocid());
        SealingSet.Member member = member(set, actor);
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
                    actor.email(), organisation(actor), row.ocid(), sessionId.toString(), member.position(), released));
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
        return view(row, set);
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
        BidFormSink sink = new BidFormSink();
        List<PartHeader> headers = List.of();
        String failure = null;
        try (InputStream ciphertext = documents.open(envelope.document())) {
            headers = Opener.open(manifest, shares, ciphertext, sink);
        } catch (SealingException e) {
            failure = e.getMessage();
        } catch (IOException e) {
            failure = "The ciphertext could not be read: " + e.getMessage();
        } finally {
            shares.forEach(s -> Arrays.fill(s, (byte) 0));
        }
        List<Map<String, Object>> lots = new ArrayList<>();
        Map<String, String> amounts = new LinkedHashMap<>();
        String bidSecurity = null;
        if (failure == null) {
            try {
                if (sink.tooLarge) {
                    throw new SealingException("The bid form is larger than 1 MiB");
                }
                Map<String, @Nullable Object> form =
                        CanonicalJson.readObject(new String(sink.form.toByteArray(), StandardCharsets.UTF_8));
                if (form.get("lots") instanceof List<?> list) {
                    for (Object item : list) {
                        if (item instanceof Map<?, ?> lot) {
                            Map<String, Object> read = new LinkedHashMap<>();
                            read.put("lot", String.valueOf(lot.get("lot")));
                            for (String field : List.of("amount", "currency", "rebate")) {
                                Object value = lot.get(field);
                                if (value != null) {
                                    read.put(field, String.valueOf(value));
                                }
                            }
                            lots.add(read);
                            if (lot.get("amount") != null) {
                                amounts.put(String.valueOf(lot.get("lot")), String.valueOf(lot.get("amount")));
                            }
                        }
                    }
                }
                Object security = form.get("bidSecurity");
                if (security != null) {
                    bidSecurity = security instanceof String s ? s : CanonicalJson.write(security);
                }
            } catch (SealingException e) {
                failure = "The bid form does not read: " + e.getMessage();
            }
        }
        List<Map<String, Object>> files = new ArrayList<>();
        for (int i = 1; i < headers.size(); i++) {
            PartHeader h = headers.get(i);
            Map<String, Object> file = new LinkedHashMap<>();
            file.put("name", h.name());
            file.put("size", h.size());
            file.put("type", h.type());
            files.add(file);
        }
        store.insertReading(
                session.id(),
                new ReadingRow(
                        envelope.id(),
                        order,
                        envelope.supplierName(),
                        envelope.receivedAt(),
                        CanonicalJson.write(lots),
                        bidSecurity,
                        CanonicalJson.write(files),
                        failure,
                        now));
        store.deleteReleases(session.id(), envelope.id());
        events.publishEvent(new EnvelopeOpened(
                actor.email(),
                organisation(actor),
                session.ocid(),
                envelope.id().toString(),
                order,
                positions,
                amounts,
                files.size(),
                failure));
    }

    /** Keeps the bid form (part 0) and lets the files' contents go. */
    private static final class BidFormSink implements PartSink {
        final ByteArrayOutputStream form = new ByteArrayOutputStream();
        boolean tooLarge;
        private int part = -1;

        @Override
        public void begin(int index, PartHeader header) {
            part = index;
        }

        @Override
        public void write(byte[] bytes, int offset, int length) {
            if (part == 0) {
                if (form.size() + length > MAX_BID_FORM) {
                    tooLarge = true;
                } else {
                    form.write(bytes, offset, length);
                }
            }
        }

        @Override
        public void end(int index, PartHeader header) {
            part = -1;
        }
    }

    /**
     * The state of the pieces of the session's opened bids as the committee recorded it, by envelope id in order of
     * reading: each document the notice requires with its state, and the bid security. An opened envelope whose pieces
     * were not recorded yet is absent from the map. The evaluation starts its administrative compliance check from it.
     */
    @Transactional(readOnly = true)
    public Map<UUID, Pieces> pieces(UUID sessionId) {
        SessionRow session = row(sessionId);
        Map<UUID, List<Pieces.Piece>> documents = new HashMap<>();
        for (SessionStore.PieceRow p : store.pieces(sessionId)) {
            documents
                    .computeIfAbsent(p.envelopeId(), e -> new ArrayList<>())
                    .add(new Pieces.Piece(
                            p.documentCode(), Pieces.State.fromCode(p.state()).orElseThrow()));
        }
        Map<UUID, SessionStore.BidSecurityRow> securities = new HashMap<>();
        store.bidSecurities(sessionId).forEach(b -> securities.put(b.envelopeId(), b));
        List<String> order = notices.notice(session.ocid())
                .map(p -> p.notice().requiredDocuments())
                .orElse(List.of());
        Map<UUID, Pieces> pieces = new LinkedHashMap<>();
        for (ReadingRow r : store.readings(sessionId)) {
            SessionStore.BidSecurityRow b = securities.get(r.envelopeId());
            if (b == null) {
                continue;
            }
            List<Pieces.Piece> list = new ArrayList<>(documents.getOrDefault(r.envelopeId(), List.of()));
            list.sort((x, y) -> Integer.compare(rank(order, x.documentCode()), rank(order, y.documentCode())));
            pieces.put(
                    r.envelopeId(),
                    new Pieces(
                            r.envelopeId(),
                            list,
                            new Pieces.BidSecurity(b.present(), b.amount(), b.currency(), b.issuer()),
                            b.recordedBy(),
                            b.recordedAt()));
        }
        return pieces;
    }

    private static int rank(List<String> order, String code) {
        int i = order.indexOf(code);
        return i < 0 ? Integer.MAX_VALUE : i;
    }

    // ---- views

    private OpeningSession view(SessionRow row, SealingSet set) {
        Map<UUID, SessionStore.AttendanceRow> attendance = new HashMap<>();
        store.attendance(row.id()).forEach(a -> attendance.put(a.userId(), a));
        Map<Integer, Integer> releasedBy = new HashMap<>();
        Map<UUID, Integer> releasedFor = new HashMap<>();
        for (ReleaseRow r : store.releasedPositions(row.id())) {
            releasedBy.merge(r.position(), 1, Integer::sum);
            releasedFor.merge(r.envelopeId(), 1, Integer::sum);
        }
        List<OpeningSession.Member> members = set.members().stream()
                .map(m -> {
                    var a = attendance.get(m.userId());
                    return new OpeningSession.Member(
                            m.position(),
                            m.userId(),
                            m.name(),
                            a == null ? null : a.declaredAt(),
                            a != null && a.conflict(),
                            releasedBy.getOrDefault(m.position(), 0));
                })
                .toList();
        List<OpeningSession.Reading> readings = new ArrayList<>();
        Set<UUID> read = new HashSet<>();
        for (ReadingRow r : store.readings(row.id())) {
            read.add(r.envelopeId());
            readings.add(new OpeningSession.Reading(
                    r.envelopeId(),
                    r.readOrder(),
                    r.supplierName(),
                    r.receivedAt(),
                    lots(r.lots()),
                    r.bidSecurity(),
                    files(r.files()),
                    r.failure(),
                    r.openedAt()));
        }
        Set<UUID> inSession = new HashSet<>(store.envelopes(row.id()));
        List<OpeningSession.Unopened> unopened = new ArrayList<>();
        for (SubmittedEnvelope e : bids.envelopes(row.ocid())) {
            if (!e.kind().equals(row.kind()) || read.contains(e.id())) {
                continue;
            }
            boolean waiting = inSession.contains(e.id());
            if (waiting || e.state() != SubmittedEnvelope.State.CURRENT) {
                unopened.add(new OpeningSession.Unopened(
                        e.id(),
                        e.supplierName(),
                        e.receivedAt(),
                        waiting ? "current" : e.state().code(),
                        releasedFor.getOrDefault(e.id(), 0)));
            } else {
                unopened.add(new OpeningSession.Unopened(e.id(), e.supplierName(), e.receivedAt(), "not-qualified", 0));
            }
        }
        return new OpeningSession(
                row.id(),
                row.ocid(),
                row.kind(),
                row.startedBy(),
                row.startedAt(),
                set.threshold(),
                members,
                readings,
                unopened);
    }

    private static List<OpeningSession.Lot> lots(String json) {
        List<OpeningSession.Lot> lots = new ArrayList<>();
        if (CanonicalJson.read(json) instanceof List<?> list) {
            for (Object item : list) {
                if (item instanceof Map<?, ?> m) {
                    lots.add(new OpeningSession.Lot(
                            String.valueOf(m.get("lot")),
                            text(m.get("amount")),
                            text(m.get("currency")),
                            text(m.get("rebate"))));
                }
            }
        }
        return lots;
    }

    private static List<OpeningSession.File> files(String json) {
        List<OpeningSession.File> files = new ArrayList<>();
        if (CanonicalJson.read(json) instanceof List<?> list) {
            for (Object item : list) {
                if (item instanceof Map<?, ?> m) {
                    files.add(new OpeningSession.File(
                            String.valueOf(m.get("name")),
                            String.valueOf(m.get("type")),
                            ((Number) Objects.requireNonNull(m.get("size"))).longValue()));
                }
            }
        }
        return files;
    }

    private static @Nullable String text(@Nullable Object value) {
        return value == null ? null : String.valueOf(value);
    }

    // ---- checks

    private ProcessView process(String ocid) {
        ProcessView process =
                notices.notice(ocid).orElseThrow(() -> new BaobabException(OpeningErrorCode.UNKNOWN_SESSION));
        if (process.notice().submissionDeadline() == null) {
            throw new BaobabException(OpeningErrorCode.UNKNOWN_SESSION);
        }
        return process;
    }

    private SealingSet set(String ocid) {
        return committees.forProcess(ocid).orElseThrow(() -> new BaobabException(OpeningErrorCode.NO_COMMITTEE, ocid));
    }

    private SessionRow row(UUID sessionId) {
        return store.session(sessionId).orElseThrow(() -> new BaobabException(OpeningErrorCode.UNKNOWN_SESSION));
    }

    private static SealingSet.Member member(SealingSet set, CurrentUser actor) {
        return set.members().stream()
                .filter(m -> m.userId().equals(actor.id()))
                .findFirst()
                .orElseThrow(() -> new BaobabException(OpeningErrorCode.NOT_IN_COMMITTEE));
    }

    private static @Nullable String organisation(CurrentUser actor) {
        return actor.primaryMembership().map(m -> m.organisationId().toString()).orElse(null);
    }
}
