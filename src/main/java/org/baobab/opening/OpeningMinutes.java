// SPDX-License-Identifier: Apache-2.0
package org.baobab.opening;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.baobab.documents.PdfRenderer;
import org.baobab.identity.CurrentUser;
import org.baobab.opening.internal.SessionStore;
import org.baobab.shared.BaobabException;
import org.baobab.shared.Role;
import org.baobab.tendering.Notices;
import org.baobab.tendering.ProcessView;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The minutes of an opening session (PV d'ouverture des plis, docs/DOMAIN-RULES.md §7.3): the procedure, the date and
 * place, the members present and the quorum, the envelopes received in order with their time, each bid read (lots,
 * amounts, rebates, bid security, files), the envelopes not opened and why, and the committee's observations. Each
 * member present approves them; once all have, they are published on the notice, as a page and a PDF/A.
 */
@Service
public class OpeningMinutes {

    static final int MAX_OBSERVATIONS = 4000;
    static final int MAX_REPRESENTATIVES = 4000;
    static final int MAX_ISSUER = 200;

    private final SessionStore store;
    private final OpeningSessions sessions;
    private final Notices notices;
    private final PdfRenderer pdfs;
    private final org.baobab.rules.RulePacks packs;
    private final MessageSource messages;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    OpeningMinutes(
            SessionStore store,
            OpeningSessions sessions,
            Notices notices,
            PdfRenderer pdfs,
            org.baobab.rules.RulePacks packs,
            MessageSource messages,
            ApplicationEventPublisher events,
            Clock clock) {
        this.store = store;
        this.sessions = sessions;
        this.notices = notices;
        this.pdfs = pdfs;
        this.packs = packs;
        this.messages = messages;
        this.events = events;
        this.clock = clock;
    }

    /**
     * The minutes as they stand: the session, the observations, who approved (by position) and whether published, the
     * state of the pieces of each opened bid (by envelope id, those recorded) and the bidders' representatives present.
     */
    public record Minutes(
            OpeningSession session,
            ProcessView process,
            String observations,
            Map<Integer, Instant> approvals,
            boolean published,
            Map<UUID, Pieces> pieces,
            List<String> representatives) {

        /** Whether the member at this position approved. */
        public boolean approvedBy(int position) {
            return approvals.containsKey(position);
        }

        /** The documents whose state the committee records for each bid of this session. */
        public List<String> requiredDocuments() {
            return OpeningMinutes.requiredDocuments(session, process);
        }
    }

    @Transactional(readOnly = true)
    public Minutes minutes(UUID sessionId) {
        OpeningSession session = sessions.session(sessionId);
        ProcessView process = notices.notice(session.ocid()).orElseThrow();
        Map<Integer, Instant> approvals = new LinkedHashMap<>();
        store.approvals(sessionId).forEach(a -> approvals.put(a.position(), a.approvedAt()));
        List<OpeningSession.Member> present = session.members().stream()
                .filter(OpeningSession.Member::present)
                .toList();
        boolean published = session.complete()
                && !present.isEmpty()
                && present.stream().allMatch(m -> approvals.containsKey(m.position()));
        return new Minutes(
                session,
                process,
                store.observations(sessionId).orElse(""),
                Map.copyOf(approvals),
                published,
                sessions.pieces(sessionId),
                lines(store.representatives(sessionId)));
    }

    /** The published minutes of a process's sessions, the first first. */
    @Transactional(readOnly = true)
    public List<Minutes> published(String ocid) {
        return sessions.sessions(ocid).stream()
                .map(s -> minutes(s.id()))
                .filter(Minutes::published)
                .toList();
    }

    /** A present member writes the committee's observations and reservations, before anyone approved. */
    @Transactional
    public void observe(CurrentUser actor, UUID sessionId, String observations) {
        OpeningSession session = sessions.session(sessionId);
        present(session, actor);
        String text = observations.strip();
        if (text.length() > MAX_OBSERVATIONS) {
            throw new BaobabException(OpeningErrorCode.OBSERVATIONS_TOO_LONG);
        }
        store.lock(sessionId);
        if (!store.approvals(sessionId).isEmpty()) {
            throw new BaobabException(OpeningErrorCode.MINUTES_LOCKED);
        }
        store.saveObservations(sessionId, text, actor.email(), clock.instant());
    }

    /** A present member approves the minutes, once every envelope is read; the last approval publishes them. */
    @Transactional
    public Minutes approve(CurrentUser actor, UUID sessionId) {
        OpeningSession session = sessions.session(sessionId);
        OpeningSession.Member member = present(session, actor);
        if (!session.complete()) {
            throw new BaobabException(OpeningErrorCode.MINUTES_NOT_READY);
        }
        // under the session's lock, so that no observation, piece or representative changes while the first approval
        // is given
        store.lock(sessionId);
        if (store.insertApproval(sessionId, actor.id(), member.position(), clock.instant())) {
            events.publishEvent(
                    new MinutesApproved(actor.email(), null, session.ocid(), sessionId.toString(), member.position()));
        }
        Minutes minutes = minutes(sessionId);
        if (minutes.published()) {
            events.publishEvent(new SessionEvents.Changed(session.ocid()));
        }
        return minutes;
    }

    /**
     * Records the state of an opened bid's pieces: each document the notice requires with its state (all of them, no
     * other), and the bid security found. A present member free of conflict, or the authority's PRM chairing, records
     * it, and may correct it until the first approval of the minutes; then it is frozen.
     */
    @Transactional
    public Pieces recordPieces(
            CurrentUser actor,
            UUID sessionId,
            UUID envelopeId,
            Map<String, Pieces.State> documents,
            Pieces.BidSecurity bidSecurity) {
        OpeningSession session = sessions.session(sessionId);
        ProcessView process = notices.notice(session.ocid()).orElseThrow();
        recorder(session, process, actor);
        store.lock(sessionId);
        if (!store.approvals(sessionId).isEmpty()) {
            throw new BaobabException(OpeningErrorCode.MINUTES_FROZEN);
        }
        if (session.readings().stream().noneMatch(r -> r.envelopeId().equals(envelopeId))) {
            throw new BaobabException(OpeningErrorCode.NOT_READ);
        }
        List<String> required = requiredDocuments(session, process);
        if (!documents.keySet().equals(Set.copyOf(required))) {
            throw new BaobabException(OpeningErrorCode.PIECES_INCOMPLETE);
        }
        Pieces.BidSecurity security = checked(bidSecurity, process.notice().currency());
        Instant now = clock.instant();
        List<SessionStore.PieceRow> rows = required.stream()
                .map(code -> new SessionStore.PieceRow(
                        envelopeId, code, documents.get(code).code()))
                .toList();
        store.savePieces(
                sessionId,
                rows,
                new SessionStore.BidSecurityRow(
                        envelopeId,
                        security.present(),
                        security.amount(),
                        security.currency(),
                        security.issuer(),
                        actor.email(),
                        now));
        Map<String, String> states = new LinkedHashMap<>();
        rows.forEach(r -> states.put(r.documentCode(), r.state()));
        events.publishEvent(new SessionEvents.PiecesRecorded(
                actor.email(),
                organisation(actor),
                session.ocid(),
                sessionId.toString(),
                envelopeId.toString(),
                states,
                security.present(),
                security.amount() == null ? null : security.amount().toPlainString(),
                security.issuer()));
        events.publishEvent(new SessionEvents.Changed(session.ocid()));
        return sessions.pieces(sessionId).get(envelopeId);
    }

    /**
     * Records the bidders' representatives present at the session (for an electronic opening, the observers who
     * attended), one per line, until the first approval of the minutes. Same recorders as the pieces.
     */
    @Transactional
    public List<String> recordRepresentatives(CurrentUser actor, UUID sessionId, String representatives) {
        OpeningSession session = sessions.session(sessionId);
        ProcessView process = notices.notice(session.ocid()).orElseThrow();
        recorder(session, process, actor);
        List<String> names = lines(representatives);
        String text = String.join("\n", names);
        if (text.length() > MAX_REPRESENTATIVES) {
            throw new BaobabException(OpeningErrorCode.REPRESENTATIVES_TOO_LONG);
        }
        store.lock(sessionId);
        if (!store.approvals(sessionId).isEmpty()) {
            throw new BaobabException(OpeningErrorCode.MINUTES_FROZEN);
        }
        store.saveRepresentatives(sessionId, text, actor.email(), clock.instant());
        events.publishEvent(new SessionEvents.RepresentativesRecorded(
                actor.email(), organisation(actor), session.ocid(), sessionId.toString(), names));
        events.publishEvent(new SessionEvents.Changed(session.ocid()));
        return names;
    }

    /** Whether the actor may record the state of the pieces and the representatives present, as things stand. */
    @Transactional(readOnly = true)
    public boolean mayRecord(CurrentUser actor, UUID sessionId) {
        OpeningSession session = sessions.session(sessionId);
        ProcessView process = notices.notice(session.ocid()).orElseThrow();
        try {
            recorder(session, process, actor);
        } catch (BaobabException e) {
            return false;
        }
        return store.approvals(sessionId).isEmpty();
    }

    /**
     * The documents whose state is recorded per bid: those the notice requires, except in the financial session of a
     * two-envelope procedure, whose envelopes hold the price only (the pieces were in the technical envelopes).
     */
    static List<String> requiredDocuments(OpeningSession session, ProcessView process) {
        return session.kind().equals("financial") ? List.of() : process.notice().requiredDocuments();
    }

    /** A present member free of conflict, or the PRM of the process's authority (who chairs). */
    private static void recorder(OpeningSession session, ProcessView process, CurrentUser actor) {
        OpeningSession.Member member = session.member(actor.id());
        if (member != null && member.mayRelease()) {
            return;
        }
        if (actor.hasRoleIn(process.authorityId(), Role.PRM)) {
            return;
        }
        if (member == null) {
            throw new BaobabException(OpeningErrorCode.NOT_IN_COMMITTEE);
        }
        throw new BaobabException(
                member.present() ? OpeningErrorCode.CONFLICT_DECLARED : OpeningErrorCode.NOT_DECLARED);
    }

    private static Pieces.BidSecurity checked(Pieces.BidSecurity security, String currency) {
        String issuer = security.issuer() == null || security.issuer().isBlank()
                ? null
                : security.issuer().strip();
        BigDecimal amount = security.amount();
        if (!security.present()) {
            if (amount != null || issuer != null) {
                throw new BaobabException(OpeningErrorCode.BAD_BID_SECURITY);
            }
            return Pieces.BidSecurity.absent();
        }
        if (amount != null
                && (amount.signum() <= 0
                        || amount.stripTrailingZeros().scale() > 2
                        || amount.precision() - amount.scale() > 18)) {
            throw new BaobabException(OpeningErrorCode.BAD_BID_SECURITY);
        }
        if (issuer != null && issuer.length() > MAX_ISSUER) {
            throw new BaobabException(OpeningErrorCode.BAD_BID_SECURITY);
        }
        return new Pieces.BidSecurity(true, amount, amount == null ? null : currency, issuer);
    }

    private static List<String> lines(String text) {
        return text.lines().map(String::strip).filter(l -> !l.isEmpty()).toList();
    }

    private static @Nullable String organisation(CurrentUser actor) {
        return actor.primaryMembership().map(m -> m.organisationId().toString()).orElse(null);
    }

    /** The minutes as a PDF/A-3b in the reader's language. */
    @Transactional(readOnly = true)
    public byte[] pdf(UUID sessionId, Locale locale) {
        Minutes minutes = minutes(sessionId);
        String title = title(minutes.session().ocid(), locale);
        java.time.ZoneId zone = packs.zone(minutes.process().country());
        java.time.format.DateTimeFormatter format = java.time.format.DateTimeFormatter.ofPattern(
                        "yyyy-MM-dd HH:mm:ss", Locale.ROOT)
                .withZone(zone);
        Map<String, String> times = new LinkedHashMap<>();
        minutes.session().readings().forEach(r -> times.put(r.envelopeId().toString(), format.format(r.receivedAt())));
        minutes.session().unopened().forEach(u -> times.put(u.envelopeId().toString(), format.format(u.receivedAt())));
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("times", times);
        Map<String, String> documents = new LinkedHashMap<>();
        for (String code : minutes.requiredDocuments()) {
            documents.put(
                    code,
                    packs.find(minutes.process().country())
                            .flatMap(p -> p.requiredDocuments().stream()
                                    .filter(d -> d.code().equals(code))
                                    .findFirst())
                            .map(d -> d.name().in(locale))
                            .orElse(code));
        }
        model.put("documents", documents);
        model.put("startedAt", format.format(minutes.session().startedAt()) + " (" + zone.getId() + ")");
        model.put("minutes", minutes);
        model.put("s", minutes.session());
        model.put("process", minutes.process());
        return pdfs.render("pdf/opening/minutes", model, locale, title, List.of());
    }

    /** The title the PDF carries, for a reader in {@code locale}. */
    public String title(String ocid, Locale locale) {
        return messages.getMessage("opening.minutes.title", null, locale) + " — " + ocid;
    }

    public Optional<Minutes> publishedSession(String ocid, UUID sessionId) {
        return published(ocid).stream()
                .filter(m -> m.session().id().equals(sessionId))
                .findFirst();
    }

    private static OpeningSession.Member present(OpeningSession session, CurrentUser actor) {
        OpeningSession.Member member = session.member(actor.id());
        if (member == null) {
            throw new BaobabException(OpeningErrorCode.NOT_IN_COMMITTEE);
        }
        if (!member.present()) {
            throw new BaobabException(OpeningErrorCode.NOT_DECLARED);
        }
        return member;
    }

    /** A present member approved the minutes of a session. */
    public record MinutesApproved(
            String actor, @Nullable String organisation, String ocid, String sessionId, int position)
            implements OpeningEvents.AboutProcess {
        @Override
        public String action() {
            return "opening.minutes-approved";
        }

        @Override
        public Map<String, Object> payload() {
            return Map.of("session", sessionId, "position", position);
        }
    }
}
