// SPDX-License-Identifier: Apache-2.0
package org.baobab.opening;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import org.baobab.bidding.Bids;
import org.baobab.bidding.SealingSet;
import org.baobab.bidding.SubmittedEnvelope;
import org.baobab.bidding.sealing.CanonicalJson;
import org.baobab.identity.CurrentUser;
import org.baobab.opening.internal.SessionStore;
import org.baobab.opening.internal.SessionStore.ReadingRow;
import org.baobab.opening.internal.SessionStore.ReleaseRow;
import org.baobab.opening.internal.SessionStore.SessionRow;
import org.baobab.shared.BaobabException;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * What the opening's services share (not an API): a session as its pages show it (members and their attendance, the
 * readings, the envelopes not opened), the process's committee, and who may act in a session.
 */
@Component
class SessionViews {

    private final SessionStore store;
    private final Committees committees;
    private final Bids bids;

    SessionViews(SessionStore store, Committees committees, Bids bids) {
        this.store = store;
        this.committees = committees;
        this.bids = bids;
    }

    SealingSet set(String ocid) {
        return committees.forProcess(ocid).orElseThrow(() -> new BaobabException(OpeningErrorCode.NO_COMMITTEE, ocid));
    }

    SessionRow row(UUID sessionId) {
        return store.session(sessionId).orElseThrow(() -> new BaobabException(OpeningErrorCode.UNKNOWN_SESSION));
    }

    static SealingSet.Member member(SealingSet set, CurrentUser actor) {
        return set.members().stream()
                .filter(m -> m.userId().equals(actor.id()))
                .findFirst()
                .orElseThrow(() -> new BaobabException(OpeningErrorCode.NOT_IN_COMMITTEE));
    }

    static @Nullable String organisation(CurrentUser actor) {
        return actor.primaryMembership().map(m -> m.organisationId().toString()).orElse(null);
    }

    OpeningSession view(SessionRow row, SealingSet set) {
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
}
