// SPDX-License-Identifier: Apache-2.0
package org.baobab.opening;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import org.baobab.bidding.Bids;
import org.baobab.bidding.SealingSet;
import org.baobab.bidding.SubmittedEnvelope;
import org.baobab.identity.CurrentUser;
import org.baobab.opening.SessionEvents.MemberDeclared;
import org.baobab.opening.SessionEvents.SessionStarted;
import org.baobab.opening.internal.SessionStore;
import org.baobab.opening.internal.SessionStore.ReadingRow;
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
 * The opening sessions (docs/opening.md, "Opening session"). After the deadline, and not before the notice's opening
 * time (server clock), a member of the process's committee or its authority's PRM starts the session: it fixes the
 * envelopes it opens, the current ones of its kind in order of receipt. Members come and declare whether they have a
 * conflict of interest; those free of conflict then release their key shares ({@link KeyReleases}), which opens the
 * envelopes. Superseded and withdrawn envelopes are listed and never opened. The minutes are {@link OpeningMinutes}'.
 *
 * <p>A two-envelope procedure has a {@code technical} session first; its {@code financial} session opens only the
 * financial envelopes it is given (those of the technically qualified bidders, chosen by the evaluation).
 */
@Service
public class OpeningSessions {

    private final SessionStore store;
    private final SessionViews views;
    private final Bids bids;
    private final Notices notices;
    private final RulePacks packs;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    OpeningSessions(
            SessionStore store,
            SessionViews views,
            Bids bids,
            Notices notices,
            RulePacks packs,
            ApplicationEventPublisher events,
            Clock clock) {
        this.store = store;
        this.views = views;
        this.bids = bids;
        this.notices = notices;
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
        SealingSet set = views.set(process.ocid());
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
        return views.view(row, set);
    }

    /** The sessions of a process, the first first (empty before the opening). */
    @Transactional(readOnly = true)
    public List<OpeningSession> sessions(String ocid) {
        List<SessionRow> rows = store.sessions(ocid);
        if (rows.isEmpty()) {
            return List.of();
        }
        SealingSet set = views.set(ocid);
        return rows.stream().map(r -> views.view(r, set)).toList();
    }

    @Transactional(readOnly = true)
    public OpeningSession session(UUID sessionId) {
        SessionRow row = views.row(sessionId);
        return views.view(row, views.set(row.ocid()));
    }

    /**
     * A member of the committee comes: present, and declaring whether they have a conflict of interest with a bidder
     * (then they release nothing). Once per session.
     */
    @Transactional
    public OpeningSession declare(CurrentUser actor, UUID sessionId, boolean conflict) {
        SessionRow row = views.row(sessionId);
        SealingSet set = views.set(row.ocid());
        SealingSet.Member member = SessionViews.member(set, actor);
        if (!store.insertAttendance(sessionId, actor.id(), member.position(), conflict, clock.instant())) {
            throw new BaobabException(OpeningErrorCode.ALREADY_DECLARED);
        }
        events.publishEvent(new SessionEvents.Changed(row.ocid()));
        events.publishEvent(new MemberDeclared(
                actor.email(),
                SessionViews.organisation(actor),
                row.ocid(),
                sessionId.toString(),
                member.position(),
                conflict));
        return views.view(row, set);
    }

    /**
     * The state of the pieces of the session's opened bids as the committee recorded it, by envelope id in order of
     * reading: each document the notice requires with its state, and the bid security. An opened envelope whose pieces
     * were not recorded yet is absent from the map. The evaluation starts its administrative compliance check from it.
     */
    @Transactional(readOnly = true)
    public Map<UUID, Pieces> pieces(UUID sessionId) {
        SessionRow session = views.row(sessionId);
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

    // ---- checks

    private ProcessView process(String ocid) {
        ProcessView process =
                notices.notice(ocid).orElseThrow(() -> new BaobabException(OpeningErrorCode.UNKNOWN_SESSION));
        if (process.notice().submissionDeadline() == null) {
            throw new BaobabException(OpeningErrorCode.UNKNOWN_SESSION);
        }
        return process;
    }
}
