// SPDX-License-Identifier: Apache-2.0
package org.baobab.evaluation;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.baobab.bidding.Bids;
import org.baobab.identity.CurrentUser;
import org.baobab.opening.Committees;
import org.baobab.opening.OpeningMinutes;
import org.baobab.opening.OpeningSession;
import org.baobab.opening.OpeningSessions;
import org.baobab.opening.Pieces;
import org.baobab.rules.PreferenceMargin;
import org.baobab.shared.Role;
import org.baobab.tendering.NoticeSearch;
import org.baobab.tendering.Notices;
import org.baobab.tendering.ProcessStatus;
import org.baobab.tendering.ProcessView;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The committee's evaluation of the bids opened, as its pages read it (docs/evaluation.md): the evaluation, the result
 * as it stands, what the opening read, who takes part, and the work list. The commands are the use cases':
 * {@link EvaluationStart} (the PRM fixes the criteria), {@link Declarations} (conflicts of interest), {@link Marking}
 * (each member's own marks), {@link CommitteeDecisions} (the settled marks), {@link FinancialExamination} (the second
 * opening and the prices) and {@link EvaluationReports} (the report, its approval and the recommendation to the
 * award). The arithmetic is plain Java ({@link ResultCalculator}, {@link Ranking}), and so are the stages
 * ({@link Stage}).
 */
@Service
public class Evaluations {

    private final EvaluationContext context;
    private final Notices notices;
    private final OpeningSessions sessions;
    private final OpeningMinutes minutes;
    private final Committees committees;

    Evaluations(
            EvaluationContext context,
            Notices notices,
            OpeningSessions sessions,
            OpeningMinutes minutes,
            Committees committees) {
        this.context = context;
        this.notices = notices;
        this.sessions = sessions;
        this.minutes = minutes;
        this.committees = committees;
    }

    /** The evaluation of a process, if it started. */
    @Transactional(readOnly = true)
    public Optional<Evaluation> evaluation(String ocid) {
        return context.find(ocid);
    }

    /**
     * The result as the settled marks and prices give it now (before the report freezes it), for the committee's
     * pages.
     */
    @Transactional(readOnly = true)
    public EvaluationResult result(String ocid) {
        Evaluation e = context.require(ocid);
        return context.compute(e, context.process(ocid));
    }

    /** Whether the opening is done so that the evaluation may start: the first session complete, its minutes out. */
    @Transactional(readOnly = true)
    public boolean ready(String ocid) {
        return context.firstSession(ocid).isPresent();
    }

    /**
     * What the opening read in each bidder's first envelope (files, bid security, amounts of a single envelope), by
     * company: what the members examine. Only for one who may see the bids.
     */
    @Transactional(readOnly = true)
    public Map<UUID, OpeningSession.Reading> opened(CurrentUser actor, String ocid) {
        Evaluation e = context.require(ocid);
        Quorum.evaluator(e, actor.id());
        Map<UUID, UUID> companyOf = new HashMap<>();
        e.bidders().forEach(b -> companyOf.put(b.technicalEnvelope(), b.companyId()));
        Map<UUID, OpeningSession.Reading> opened = new LinkedHashMap<>();
        sessions.sessions(ocid).stream()
                .filter(s -> !s.kind().equals(Bids.FINANCIAL))
                .flatMap(s -> s.readings().stream())
                .filter(r -> companyOf.containsKey(r.envelopeId()))
                .forEach(r -> opened.put(companyOf.get(r.envelopeId()), r));
        return opened;
    }

    /** The state of the pieces the opening committee recorded for each bidder's first envelope, by company. */
    @Transactional(readOnly = true)
    public Map<UUID, Pieces> openedPieces(CurrentUser actor, String ocid) {
        Evaluation e = context.require(ocid);
        Quorum.evaluator(e, actor.id());
        Map<UUID, Pieces> pieces = new LinkedHashMap<>();
        for (OpeningSession s : sessions.sessions(ocid)) {
            if (s.kind().equals(Bids.FINANCIAL)) {
                continue;
            }
            Map<UUID, Pieces> recorded = sessions.pieces(s.id());
            for (Evaluation.Bidder b : e.bidders()) {
                Pieces p = recorded.get(b.technicalEnvelope());
                if (p != null) {
                    pieces.put(b.companyId(), p);
                }
            }
        }
        return pieces;
    }

    /** The pack's preference margins for the process's country. */
    public List<PreferenceMargin> margins(String country) {
        return context.margins(country);
    }

    /** The readings of the session that holds the prices: the single session, or the financial one. */
    @Transactional(readOnly = true)
    public Map<UUID, Map<String, OpeningSession.Lot>> readPrices(String ocid) {
        return context.prices(context.require(ocid));
    }

    /**
     * Whether the user takes part in the evaluation of this process: the PRM of its authority, or a member of its
     * opening committee (as designated, so that before the opening the page tells them the evaluation waits for it).
     * Nobody else sees it (the report reaches the public through the award).
     */
    @Transactional(readOnly = true)
    public boolean takesPart(CurrentUser actor, String ocid) {
        Optional<ProcessView> process = notices.notice(ocid);
        if (process.isEmpty()) {
            return false;
        }
        if (actor.hasRoleIn(process.get().authorityId(), Role.PRM)) {
            return true;
        }
        return sessions.sessions(ocid).stream().anyMatch(s -> s.member(actor.id()) != null)
                || committees.forProcess(ocid).stream()
                        .flatMap(set -> set.members().stream())
                        .anyMatch(m -> m.userId().equals(actor.id()));
    }

    /** Whether the user is the PRM of the process's authority. */
    @Transactional(readOnly = true)
    public boolean isPrm(CurrentUser actor, String ocid) {
        return notices.notice(ocid)
                .map(p -> actor.hasRoleIn(p.authorityId(), Role.PRM))
                .orElse(false);
    }

    /**
     * A process on a committee member's or PRM's work list: where its opening and evaluation stand.
     *
     * @param opening {@code waiting} (no session yet), {@code open} (a session under way), {@code done} (minutes
     *     published)
     * @param stage the evaluation's stage, or null before it starts
     */
    public record Work(
            String ocid,
            String reference,
            String title,
            String authorityName,
            String country,
            @Nullable Instant deadline,
            @Nullable Instant openingAt,
            String opening,
            @Nullable Stage stage) {}

    /**
     * The processes the user works on: those whose committee they sit on, and for a PRM the closed processes of their
     * authorities; the most recent first.
     */
    @Transactional(readOnly = true)
    public List<Work> workList(CurrentUser actor) {
        LinkedHashSet<String> ocids = new LinkedHashSet<>(committees.processesOf(actor.id()));
        for (CurrentUser.Membership m : actor.memberships()) {
            if (m.role() == Role.PRM) {
                notices.search(new NoticeSearch(
                                null,
                                null,
                                m.organisationId(),
                                null,
                                null,
                                "closed",
                                null,
                                null,
                                null,
                                null,
                                NoticeSearch.Sort.DEADLINE,
                                0,
                                NoticeSearch.MAX_SIZE,
                                List.of()))
                        .items()
                        .forEach(n -> ocids.add(n.ocid()));
            }
        }
        List<Work> work = new ArrayList<>();
        for (String ocid : ocids) {
            ProcessView process = notices.notice(ocid).orElse(null);
            if (process == null || process.status() == ProcessStatus.CANCELLED) {
                continue;
            }
            List<OpeningSession> all = sessions.sessions(ocid);
            String opening = all.isEmpty()
                    ? "waiting"
                    : all.stream()
                                    .allMatch(s -> s.complete()
                                            && minutes.minutes(s.id()).published())
                            ? "done"
                            : "open";
            work.add(new Work(
                    ocid,
                    process.notice().reference(),
                    process.notice().title(),
                    process.authorityName(),
                    process.country(),
                    process.notice().submissionDeadline(),
                    process.notice().openingAt(),
                    opening,
                    context.find(ocid).map(Evaluation::stage).orElse(null)));
        }
        return work;
    }
}
