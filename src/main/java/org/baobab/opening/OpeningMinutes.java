// SPDX-License-Identifier: Apache-2.0
package org.baobab.opening;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.baobab.documents.PdfRenderer;
import org.baobab.identity.CurrentUser;
import org.baobab.opening.internal.SessionStore;
import org.baobab.shared.BaobabException;
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

    /** The minutes as they stand: the session, the observations, who approved (by position) and whether published. */
    public record Minutes(
            OpeningSession session,
            ProcessView process,
            String observations,
            Map<Integer, Instant> approvals,
            boolean published) {

        /** Whether the member at this position approved. */
        public boolean approvedBy(int position) {
            return approvals.containsKey(position);
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
                session, process, store.observations(sessionId).orElse(""), Map.copyOf(approvals), published);
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
