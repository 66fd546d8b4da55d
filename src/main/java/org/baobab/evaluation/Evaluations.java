// SPDX-License-Identifier: Apache-2.0
package org.baobab.evaluation;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.baobab.award.Awards;
import org.baobab.award.Recommendation;
import org.baobab.bidding.Bids;
import org.baobab.bidding.SubmittedEnvelope;
import org.baobab.evaluation.internal.EvaluationStore;
import org.baobab.identity.CurrentUser;
import org.baobab.opening.OpeningMinutes;
import org.baobab.opening.OpeningSession;
import org.baobab.opening.OpeningSessions;
import org.baobab.rules.PreferenceMargin;
import org.baobab.rules.RequiredDocument;
import org.baobab.rules.RulePack;
import org.baobab.rules.RulePacks;
import org.baobab.shared.BaobabException;
import org.baobab.shared.Role;
import org.baobab.tendering.NoticeDraft;
import org.baobab.tendering.Notices;
import org.baobab.tendering.ProcessStatus;
import org.baobab.tendering.ProcessView;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * The committee's evaluation of the bids opened (docs/evaluation.md). The PRM starts it once the opening minutes are
 * published, fixing the technical criteria, the weights and the pass mark from the notice; the administrative
 * criteria come from the notice's required documents. Each member declares the absence of conflict of interest before
 * seeing a bid, marks every bid on their own and submits; once enough members have, the committee settles each mark,
 * giving a reason where members disagreed or where it departs from theirs (the members' own marks are kept). In a
 * two-envelope procedure the PRM then opens the financial envelopes of the qualified bidders only. The financial
 * examination records arithmetic corrections with their reason, the pack's preference margins and the decision on
 * abnormally low prices; the ranking follows the notice's award method. The report is generated and each member
 * present approves it; the last approval hands the recommendation to the award, in the same transaction.
 */
@Service
public class Evaluations {

    /** The default share below the mean of a lot's prices from which a price is flagged abnormally low. */
    public static final BigDecimal DEFAULT_LOW_BID_PERCENT = BigDecimal.valueOf(15);

    static final int MAX_CRITERIA = 20;
    static final int MAX_TEXT = 2000;

    private final EvaluationStore store;
    private final Notices notices;
    private final OpeningSessions sessions;
    private final OpeningMinutes minutes;
    private final Bids bids;
    private final RulePacks packs;
    private final org.baobab.opening.Committees committees;
    private final Awards awards;
    private final MessageSource messages;
    private final JsonMapper json = JsonMapper.builder().build();
    private final ApplicationEventPublisher events;
    private final Clock clock;

    Evaluations(
            EvaluationStore store,
            Notices notices,
            OpeningSessions sessions,
            OpeningMinutes minutes,
            Bids bids,
            RulePacks packs,
            org.baobab.opening.Committees committees,
            Awards awards,
            MessageSource messages,
            ApplicationEventPublisher events,
            Clock clock) {
        this.store = store;
        this.notices = notices;
        this.sessions = sessions;
        this.minutes = minutes;
        this.bids = bids;
        this.packs = packs;
        this.committees = committees;
        this.awards = awards;
        this.messages = messages;
        this.events = events;
        this.clock = clock;
    }

    /** A technical criterion the PRM sets from the notice: pass/fail, or scored out of {@code maxPoints}. */
    public record TechnicalCriterion(
            String label, boolean scored, @Nullable BigDecimal maxPoints) {}

    /**
     * What the PRM fixes when the evaluation starts.
     *
     * @param technicalWeight {@code ratedCriteria} only: the technical score's weight in percent (e.g. 80)
     * @param passMark the technical score out of 100 a bid needs when criteria are scored
     * @param lowBidPercent how far below the mean a price is flagged abnormally low; null for the default
     */
    public record Setup(
            List<TechnicalCriterion> technical,
            @Nullable Integer technicalWeight,
            @Nullable BigDecimal passMark,
            @Nullable BigDecimal lowBidPercent) {

        public Setup {
            technical = List.copyOf(technical);
        }
    }

    /** A member's own mark on one criterion: {@code passed} for pass/fail criteria, {@code points} for scored ones. */
    public record MarkInput(
            @Nullable Boolean passed, @Nullable BigDecimal points, String comment) {}

    /**
     * The committee's financial examination of a bid's lot.
     *
     * @param corrected the amount after arithmetic corrections and rebate; null keeps the amount read less the rebate
     * @param marginCode the pack's preference margin the bid holds, or null
     * @param lowDecision for a price flagged abnormally low: {@code accepted} (justified) or {@code rejected}
     */
    public record PriceInput(
            @Nullable BigDecimal corrected,
            String correctionReason,
            @Nullable String marginCode,
            @Nullable String lowDecision,
            String lowReason) {}

    /** The report as generated, with who approved it (by position). */
    public record Report(
            UUID id,
            EvaluationResult result,
            String generatedBy,
            Instant generatedAt,
            @Nullable Instant approvedAt,
            Map<Integer, Instant> approvals) {

        public Report {
            approvals = Map.copyOf(approvals);
        }

        public boolean approvedBy(int position) {
            return approvals.containsKey(position);
        }
    }

    // ---- reading

    /** The evaluation of a process, if it started. */
    @Transactional(readOnly = true)
    public Optional<Evaluation> evaluation(String ocid) {
        return store.find(ocid).map(this::load);
    }

    /** The report, if generated. */
    @Transactional(readOnly = true)
    public Optional<Report> report(String ocid) {
        return store.find(ocid).flatMap(row -> store.report(row.id()).map(this::report));
    }

    /**
     * The result as the settled marks and prices give it now (before the report freezes it), for the committee's
     * pages.
     */
    @Transactional(readOnly = true)
    public EvaluationResult result(String ocid) {
        Evaluation e = store.find(ocid).map(this::load).orElseThrow(() -> notStarted());
        return compute(e, process(ocid));
    }

    /** Whether the opening is done so that the evaluation may start: the first session complete, its minutes out. */
    @Transactional(readOnly = true)
    public boolean ready(String ocid) {
        return firstSession(ocid).isPresent();
    }

    /** The report's frozen result, as stored (JSON), for the PDF's attachment. */
    @Transactional(readOnly = true)
    public String reportJson(String ocid) {
        return store.find(ocid)
                .flatMap(row -> store.report(row.id()))
                .map(EvaluationStore.ReportRow::content)
                .orElseThrow(Evaluations::notStarted);
    }

    /**
     * What the opening read in each bidder's first envelope (files, bid security, amounts of a single envelope), by
     * company: what the members examine. Only for one who may see the bids.
     */
    @Transactional(readOnly = true)
    public Map<UUID, OpeningSession.Reading> opened(CurrentUser actor, String ocid) {
        Evaluation e = store.find(ocid).map(this::load).orElseThrow(Evaluations::notStarted);
        evaluator(e, actor);
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
    public Map<UUID, org.baobab.opening.Pieces> openedPieces(CurrentUser actor, String ocid) {
        Evaluation e = store.find(ocid).map(this::load).orElseThrow(Evaluations::notStarted);
        evaluator(e, actor);
        Map<UUID, org.baobab.opening.Pieces> pieces = new LinkedHashMap<>();
        for (OpeningSession s : sessions.sessions(ocid)) {
            if (s.kind().equals(Bids.FINANCIAL)) {
                continue;
            }
            Map<UUID, org.baobab.opening.Pieces> recorded = sessions.pieces(s.id());
            for (Evaluation.Bidder b : e.bidders()) {
                org.baobab.opening.Pieces p = recorded.get(b.technicalEnvelope());
                if (p != null) {
                    pieces.put(b.companyId(), p);
                }
            }
        }
        return pieces;
    }

    /** The pack's preference margins for the process's country. */
    public List<PreferenceMargin> margins(String country) {
        return packs.find(country).map(RulePack::preferenceMargins).orElse(List.of());
    }

    /** The readings of the session that holds the prices: the single session, or the financial one. */
    @Transactional(readOnly = true)
    public Map<UUID, Map<String, OpeningSession.Lot>> readPrices(String ocid) {
        Evaluation e = store.find(ocid).map(this::load).orElseThrow(() -> notStarted());
        return prices(e);
    }

    /**
     * Whether the user takes part in the evaluation of this process: the PRM of its authority, or a member of its
     * opening committee. Nobody else sees it (the report reaches the public through the award).
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
        return sessions.sessions(ocid).stream().anyMatch(s -> s.member(actor.id()) != null);
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
            @Nullable String stage) {}

    /**
     * The processes the user works on: those whose committee they sit on, and for a PRM the closed processes of their
     * authorities; the most recent first.
     */
    @Transactional(readOnly = true)
    public List<Work> workList(CurrentUser actor) {
        java.util.LinkedHashSet<String> ocids = new java.util.LinkedHashSet<>(committees.processesOf(actor.id()));
        for (CurrentUser.Membership m : actor.memberships()) {
            if (m.role() == Role.PRM) {
                notices.search(new org.baobab.tendering.NoticeSearch(
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
                                org.baobab.tendering.NoticeSearch.Sort.DEADLINE,
                                0,
                                org.baobab.tendering.NoticeSearch.MAX_SIZE,
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
                    store.find(ocid).map(this::load).map(Evaluation::stage).orElse(null)));
        }
        return work;
    }

    // ---- starting

    @Transactional
    public Evaluation start(CurrentUser actor, String ocid, Setup setup) {
        ProcessView process = process(ocid);
        if (!actor.hasRoleIn(process.authorityId(), Role.PRM)) {
            throw new BaobabException(EvaluationErrorCode.NOT_PRM);
        }
        if (store.find(ocid).isPresent()) {
            throw new BaobabException(EvaluationErrorCode.ALREADY_STARTED);
        }
        OpeningSession opening =
                firstSession(ocid).orElseThrow(() -> new BaobabException(EvaluationErrorCode.OPENING_NOT_DONE));
        NoticeDraft notice = process.notice();
        String method = notice.awardCriteria();
        boolean twoStage = Bids.kinds(notice).contains(Bids.TECHNICAL);
        List<Evaluation.Criterion> criteria = criteria(process, setup);
        boolean anyScored = criteria.stream().anyMatch(Evaluation.Criterion::scored);
        Integer weight = setup.technicalWeight();
        BigDecimal passMark = setup.passMark();
        switch (method) {
            case "ratedCriteria" -> {
                if (!anyScored || weight == null || weight < 50 || weight > 95) {
                    throw new BaobabException(EvaluationErrorCode.BAD_CRITERIA);
                }
            }
            case "qualityOnly" -> {
                if (!anyScored || weight != null) {
                    throw new BaobabException(EvaluationErrorCode.BAD_CRITERIA);
                }
            }
            default -> {
                if (anyScored || weight != null) {
                    throw new BaobabException(EvaluationErrorCode.BAD_CRITERIA);
                }
            }
        }
        if (anyScored != (passMark != null)
                || (passMark != null && (passMark.signum() < 0 || passMark.compareTo(BigDecimal.valueOf(100)) > 0))) {
            throw new BaobabException(EvaluationErrorCode.BAD_CRITERIA);
        }
        BigDecimal low = setup.lowBidPercent() == null ? DEFAULT_LOW_BID_PERCENT : setup.lowBidPercent();
        if (low.compareTo(BigDecimal.ONE) < 0 || low.compareTo(BigDecimal.valueOf(90)) > 0) {
            throw new BaobabException(EvaluationErrorCode.BAD_CRITERIA);
        }
        Instant now = clock.instant();
        UUID id = UUID.randomUUID();
        store.insert(new EvaluationStore.Row(
                id,
                ocid,
                process.country(),
                process.authorityId(),
                method,
                twoStage,
                weight,
                passMark,
                low,
                "technical",
                actor.email(),
                now));
        for (int i = 0; i < criteria.size(); i++) {
            store.insertCriterion(id, i + 1, criteria.get(i));
        }
        for (OpeningSession.Member m : opening.members()) {
            store.insertMember(id, m.userId(), m.position(), m.name());
        }
        List<SubmittedEnvelope> envelopes = bids.envelopes(ocid);
        Map<UUID, SubmittedEnvelope> byId = new HashMap<>();
        envelopes.forEach(env -> byId.put(env.id(), env));
        int bidders = 0;
        for (OpeningSession.Reading r : opening.readings()) {
            SubmittedEnvelope env = byId.get(r.envelopeId());
            if (env == null || r.failure() != null) {
                continue;
            }
            UUID financial = twoStage
                    ? envelopes.stream()
                            .filter(f -> f.organisationId().equals(env.organisationId())
                                    && f.kind().equals(Bids.FINANCIAL)
                                    && f.state() == SubmittedEnvelope.State.CURRENT)
                            .map(SubmittedEnvelope::id)
                            .findFirst()
                            .orElse(null)
                    : null;
            store.insertBidder(
                    id,
                    new Evaluation.Bidder(
                            env.organisationId(),
                            env.supplierName(),
                            env.id(),
                            financial,
                            env.lots(),
                            env.receivedAt()));
            bidders++;
        }
        events.publishEvent(event(
                actor,
                "evaluation.started",
                ocid,
                Map.of("method", method, "twoStage", twoStage, "criteria", criteria.size(), "bidders", bidders)));
        return load(store.find(ocid).orElseThrow());
    }

    private List<Evaluation.Criterion> criteria(ProcessView process, Setup setup) {
        NoticeDraft notice = process.notice();
        Locale language = Locale.forLanguageTag(notice.language());
        RulePack pack = packs.find(process.country()).orElse(null);
        List<Evaluation.Criterion> criteria = new ArrayList<>();
        criteria.add(new Evaluation.Criterion("FORM", "admin", text("evaluation.criterion.form", language), null));
        for (String code : notice.requiredDocuments()) {
            String label = pack == null
                    ? code
                    : pack.requiredDocuments().stream()
                            .filter(d -> d.code().equals(code))
                            .map(RequiredDocument::name)
                            .map(n -> n.in(language))
                            .findFirst()
                            .orElse(code);
            criteria.add(new Evaluation.Criterion("DOC:" + code, "admin", label, null));
        }
        if (!notice.value().bidSecurity().isBlank()
                && !notice.requiredDocuments().contains("GARANTIE_SOUMISSION")) {
            criteria.add(new Evaluation.Criterion(
                    "BID_SECURITY", "admin", text("evaluation.criterion.bid-security", language), null));
        }
        if (setup.technical().size() > MAX_CRITERIA) {
            throw new BaobabException(EvaluationErrorCode.BAD_CRITERIA);
        }
        int n = 0;
        for (TechnicalCriterion t : setup.technical()) {
            String label = t.label().strip();
            if (label.isEmpty() || label.length() > 300) {
                throw new BaobabException(EvaluationErrorCode.BAD_CRITERIA);
            }
            BigDecimal max = t.maxPoints();
            if (t.scored() && (max == null || max.signum() <= 0 || max.compareTo(BigDecimal.valueOf(1000)) > 0)) {
                throw new BaobabException(EvaluationErrorCode.BAD_CRITERIA);
            }
            n++;
            criteria.add(
                    new Evaluation.Criterion("T" + n, t.scored() ? "score" : "pass", label, t.scored() ? max : null));
        }
        return criteria;
    }

    // ---- the members

    /** A member declares whether they have a conflict of interest with any bidder, before seeing the bids. */
    @Transactional
    public void declare(CurrentUser actor, String ocid, boolean conflict) {
        EvaluationStore.Row row = lock(ocid);
        Evaluation e = load(row);
        Evaluation.Member member = e.member(actor.id());
        if (member == null) {
            throw new BaobabException(EvaluationErrorCode.NOT_MEMBER);
        }
        if (store.declare(row.id(), actor.id(), conflict, clock.instant())) {
            events.publishEvent(event(
                    actor, "evaluation.declared", ocid, Map.of("position", member.position(), "conflict", conflict)));
        }
    }

    /** A member records their own marks of one bidder (any subset of the criteria), until they submit. */
    @Transactional
    public void mark(CurrentUser actor, String ocid, UUID companyId, Map<String, MarkInput> marks) {
        EvaluationStore.Row row = lock(ocid);
        Evaluation e = load(row);
        Evaluation.Member member = evaluator(e, actor);
        stage(e, "technical");
        if (member.submitted()) {
            throw new BaobabException(EvaluationErrorCode.ALREADY_SUBMITTED);
        }
        if (e.bidder(companyId) == null) {
            throw new BaobabException(EvaluationErrorCode.NO_SUCH_BIDDER);
        }
        Map<String, Evaluation.Criterion> byCode = new LinkedHashMap<>();
        e.criteria().forEach(c -> byCode.put(c.code(), c));
        List<Evaluation.Mark> valid = new ArrayList<>();
        for (Map.Entry<String, MarkInput> entry : marks.entrySet()) {
            Evaluation.Criterion c = byCode.get(entry.getKey());
            if (c == null) {
                throw new BaobabException(EvaluationErrorCode.BAD_MARK, entry.getKey());
            }
            MarkInput in = entry.getValue();
            checkMark(c, in.passed(), in.points());
            String comment = in.comment().strip();
            if (comment.length() > MAX_TEXT) {
                throw new BaobabException(EvaluationErrorCode.BAD_MARK, c.label());
            }
            valid.add(new Evaluation.Mark(
                    actor.id(), companyId, c.code(), c.scored() ? null : in.passed(), in.points(), comment));
        }
        Instant now = clock.instant();
        valid.forEach(m -> store.mark(row.id(), m, now));
        if (!valid.isEmpty()) {
            Map<String, Object> payload = new LinkedHashMap<>();
            payload.put("position", member.position());
            payload.put("company", companyId.toString());
            Map<String, Object> given = new LinkedHashMap<>();
            valid.forEach(m -> given.put(m.code(), m.passed() != null ? m.passed() : String.valueOf(m.points())));
            payload.put("marks", given);
            events.publishEvent(event(actor, "evaluation.marked", ocid, payload));
        }
    }

    /** A member submits their own evaluation once every bid is marked on every criterion; it no longer changes. */
    @Transactional
    public void submit(CurrentUser actor, String ocid) {
        EvaluationStore.Row row = lock(ocid);
        Evaluation e = load(row);
        Evaluation.Member member = evaluator(e, actor);
        stage(e, "technical");
        if (member.submitted()) {
            throw new BaobabException(EvaluationErrorCode.ALREADY_SUBMITTED);
        }
        Map<UUID, Map<String, Evaluation.Mark>> mine = e.marksOf(actor.id());
        for (Evaluation.Bidder b : e.bidders()) {
            for (Evaluation.Criterion c : e.criteria()) {
                if (!mine.getOrDefault(b.companyId(), Map.of()).containsKey(c.code())) {
                    throw new BaobabException(EvaluationErrorCode.INCOMPLETE, b.name() + " — " + c.label());
                }
            }
        }
        store.submit(row.id(), actor.id(), clock.instant());
        events.publishEvent(event(actor, "evaluation.submitted", ocid, Map.of("position", member.position())));
    }

    // ---- the committee

    /**
     * The committee settles a bid's mark on a criterion. A reason is required where the members who submitted gave
     * different marks, or where the settled mark is not one of theirs.
     */
    @Transactional
    public void settle(
            CurrentUser actor,
            String ocid,
            UUID companyId,
            String code,
            @Nullable Boolean passed,
            @Nullable BigDecimal points,
            String reason) {
        EvaluationStore.Row row = lock(ocid);
        Evaluation e = load(row);
        settler(e, actor);
        stage(e, "technical");
        if (e.bidder(companyId) == null) {
            throw new BaobabException(EvaluationErrorCode.NO_SUCH_BIDDER);
        }
        Evaluation.Criterion c = e.criteria().stream()
                .filter(x -> x.code().equals(code))
                .findFirst()
                .orElseThrow(() -> new BaobabException(EvaluationErrorCode.BAD_MARK, code));
        checkMark(c, passed, points);
        List<Evaluation.Mark> theirs = submittedMarks(e, companyId, code);
        boolean disagreement = theirs.stream()
                        .map(m -> key(c, m.passed(), m.points()))
                        .distinct()
                        .count()
                > 1;
        String settledKey = key(c, passed, points);
        boolean departs =
                theirs.stream().anyMatch(m -> !key(c, m.passed(), m.points()).equals(settledKey));
        String why = reason.strip();
        if (why.length() > MAX_TEXT) {
            throw new BaobabException(EvaluationErrorCode.BAD_MARK, c.label());
        }
        if ((disagreement || departs) && why.isEmpty()) {
            throw new BaobabException(EvaluationErrorCode.REASON_REQUIRED);
        }
        store.settle(
                row.id(),
                new Evaluation.Settled(
                        companyId,
                        code,
                        c.scored() ? null : passed,
                        c.scored() ? points : null,
                        why,
                        disagreement,
                        actor.email()),
                clock.instant());
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("company", companyId.toString());
        payload.put("criterion", code);
        payload.put("mark", c.scored() ? String.valueOf(points) : passed);
        payload.put("disagreement", disagreement);
        payload.put("reason", why);
        events.publishEvent(event(actor, "evaluation.settled", ocid, payload));
    }

    /** Settles at once every mark on which all the members who submitted agree (no reason needed). */
    @Transactional
    public int settleAgreed(CurrentUser actor, String ocid) {
        EvaluationStore.Row row = lock(ocid);
        Evaluation e = load(row);
        settler(e, actor);
        stage(e, "technical");
        Instant now = clock.instant();
        int settled = 0;
        for (Evaluation.Bidder b : e.bidders()) {
            for (Evaluation.Criterion c : e.criteria()) {
                if (e.settled(b.companyId(), c.code()) != null) {
                    continue;
                }
                List<Evaluation.Mark> theirs = submittedMarks(e, b.companyId(), c.code());
                if (theirs.isEmpty()
                        || theirs.stream()
                                        .map(m -> key(c, m.passed(), m.points()))
                                        .distinct()
                                        .count()
                                != 1) {
                    continue;
                }
                Evaluation.Mark m = theirs.get(0);
                store.settle(
                        row.id(),
                        new Evaluation.Settled(
                                b.companyId(), c.code(), m.passed(), m.points(), "", false, actor.email()),
                        now);
                settled++;
            }
        }
        if (settled > 0) {
            events.publishEvent(event(actor, "evaluation.settled-agreed", ocid, Map.of("marks", settled)));
        }
        return settled;
    }

    /**
     * Closes the technical stage once every mark is settled: single-envelope evaluations go on to the prices; in a
     * two-envelope procedure the PRM opens the qualified bidders' financial envelopes next.
     */
    @Transactional
    public void closeTechnical(CurrentUser actor, String ocid) {
        EvaluationStore.Row row = lock(ocid);
        Evaluation e = load(row);
        settler(e, actor);
        stage(e, "technical");
        for (Evaluation.Bidder b : e.bidders()) {
            for (Evaluation.Criterion c : e.criteria()) {
                if (e.settled(b.companyId(), c.code()) == null) {
                    throw new BaobabException(EvaluationErrorCode.INCOMPLETE, b.name() + " — " + c.label());
                }
            }
        }
        String next = e.twoStage() ? "financial-opening" : "financial";
        store.stage(row.id(), next, clock.instant());
        List<String> qualified = e.bidders().stream()
                .filter(b -> qualified(e, b))
                .map(b -> b.companyId().toString())
                .toList();
        events.publishEvent(event(actor, "evaluation.technical-settled", ocid, Map.of("qualified", qualified)));
    }

    /**
     * Two envelopes: the PRM opens the second session, for the financial envelopes of the technically qualified
     * bidders only; the others are never opened.
     */
    @Transactional
    public OpeningSession openFinancial(CurrentUser actor, String ocid) {
        EvaluationStore.Row row = lock(ocid);
        Evaluation e = load(row);
        if (!actor.hasRoleIn(e.authorityId(), Role.PRM)) {
            throw new BaobabException(EvaluationErrorCode.NOT_PRM);
        }
        stage(e, "financial-opening");
        List<UUID> envelopes = e.bidders().stream()
                .filter(b -> qualified(e, b) && b.financialEnvelope() != null)
                .map(Evaluation.Bidder::financialEnvelope)
                .map(Objects::requireNonNull)
                .toList();
        OpeningSession session = sessions.startFinancial(actor, ocid, envelopes);
        events.publishEvent(event(
                actor,
                "evaluation.financial-opening",
                ocid,
                Map.of("envelopes", envelopes.stream().map(UUID::toString).toList())));
        return session;
    }

    /** The committee records the financial examination of a bid's lot. */
    @Transactional
    public void price(CurrentUser actor, String ocid, UUID companyId, String lot, PriceInput input) {
        EvaluationStore.Row row = lock(ocid);
        Evaluation e = load(row);
        settler(e, actor);
        e = financialReady(row, e);
        Evaluation.Bidder bidder = e.bidder(companyId);
        if (bidder == null || !qualified(e, bidder)) {
            throw new BaobabException(EvaluationErrorCode.NO_SUCH_BIDDER);
        }
        OpeningSession.Lot read = prices(e).getOrDefault(companyId, Map.of()).get(lot);
        BigDecimal readAmount = read == null ? null : Ranking.amount(read.amount());
        if (read == null || readAmount == null) {
            throw new BaobabException(EvaluationErrorCode.BAD_PRICE);
        }
        BigDecimal expected = Ranking.afterRebate(readAmount, read.rebate());
        BigDecimal corrected = input.corrected() == null ? expected : input.corrected();
        String reason = input.correctionReason().strip();
        if (corrected.signum() < 0 || reason.length() > MAX_TEXT) {
            throw new BaobabException(EvaluationErrorCode.BAD_PRICE);
        }
        if (corrected.compareTo(expected) != 0 && reason.isEmpty()) {
            throw new BaobabException(EvaluationErrorCode.BAD_PRICE);
        }
        String margin = input.marginCode() == null || input.marginCode().isBlank() ? null : input.marginCode();
        if (margin != null
                && margins(e.country()).stream().noneMatch(m -> m.code().equals(margin))) {
            throw new BaobabException(EvaluationErrorCode.UNKNOWN_MARGIN, margin);
        }
        String decision = input.lowDecision() == null || input.lowDecision().isBlank() ? null : input.lowDecision();
        if (decision != null && !Set.of("accepted", "rejected").contains(decision)) {
            throw new BaobabException(EvaluationErrorCode.BAD_PRICE);
        }
        String lowReason = input.lowReason().strip();
        if (decision != null && lowReason.isEmpty()) {
            throw new BaobabException(EvaluationErrorCode.REASON_REQUIRED);
        }
        if (lowReason.length() > MAX_TEXT) {
            throw new BaobabException(EvaluationErrorCode.BAD_PRICE);
        }
        store.price(
                row.id(),
                new Evaluation.Price(
                        companyId,
                        lot,
                        corrected.setScale(Ranking.SCALE, java.math.RoundingMode.HALF_UP),
                        reason,
                        margin,
                        decision,
                        lowReason),
                actor.email(),
                clock.instant());
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("company", companyId.toString());
        payload.put("lot", lot);
        payload.put("read", readAmount.toPlainString());
        payload.put("corrected", corrected.toPlainString());
        payload.put("reason", reason);
        payload.put("margin", margin == null ? "" : margin);
        payload.put("low", decision == null ? "" : decision);
        events.publishEvent(event(actor, "evaluation.priced", ocid, payload));
    }

    // ---- the report

    /** Generates (or, while nobody approved it, regenerates) the report from the settled marks and prices. */
    @Transactional
    public Report generate(CurrentUser actor, String ocid) {
        EvaluationStore.Row row = lock(ocid);
        Evaluation e = load(row);
        settler(e, actor);
        if (e.stage().equals("report")) {
            UUID existing = store.report(row.id()).orElseThrow().id();
            if (!store.approvals(existing).isEmpty()) {
                throw new BaobabException(EvaluationErrorCode.REPORT_LOCKED);
            }
        } else {
            e = financialReady(row, e);
        }
        ProcessView process = process(ocid);
        EvaluationResult result = compute(e, process);
        for (EvaluationResult.LotLine lot : result.lots()) {
            for (EvaluationResult.LotBid bid : lot.bids()) {
                if (bid.low() && bid.lowDecision() == null) {
                    throw new BaobabException(EvaluationErrorCode.INCOMPLETE, bid.name() + " — " + lot.lot());
                }
            }
        }
        UUID report = store.saveReport(row.id(), write(result), actor.email(), clock.instant());
        store.stage(row.id(), "report", clock.instant());
        events.publishEvent(event(
                actor,
                "evaluation.report-generated",
                ocid,
                Map.of(
                        "report",
                        report.toString(),
                        "winners",
                        result.lots().stream()
                                .map(l -> l.lot() + ":" + (l.winnerId() == null ? "" : l.winnerId()))
                                .toList())));
        return report(store.report(row.id()).orElseThrow());
    }

    /**
     * A member who evaluated approves the report; when every member free of conflict has, the report is approved and
     * its recommendation goes to the award in this transaction.
     */
    @Transactional
    public Report approve(CurrentUser actor, String ocid) {
        EvaluationStore.Row row = lock(ocid);
        Evaluation e = load(row);
        Evaluation.Member member = settler(e, actor);
        stage(e, "report");
        EvaluationStore.ReportRow report = store.report(row.id()).orElseThrow();
        Instant now = clock.instant();
        if (!store.approve(report.id(), actor.id(), member.position(), now)) {
            throw new BaobabException(EvaluationErrorCode.ALREADY_APPROVED);
        }
        events.publishEvent(event(actor, "evaluation.report-approved-by", ocid, Map.of("position", member.position())));
        Set<UUID> approved = store.approvals(report.id()).stream()
                .map(EvaluationStore.ApprovalRow::userId)
                .collect(Collectors.toSet());
        boolean all = e.members().stream()
                .filter(Evaluation.Member::mayEvaluate)
                .allMatch(m -> approved.contains(m.userId()));
        if (all) {
            store.reportApproved(report.id(), now);
            store.stage(row.id(), "approved", now);
            EvaluationResult result = read(report.content());
            awards.recommend(recommendation(
                    e, report.id(), result, now, process(ocid).notice().lots().isEmpty()));
            events.publishEvent(event(
                    actor,
                    "evaluation.report-approved",
                    ocid,
                    Map.of("report", report.id().toString())));
        }
        return report(store.report(row.id()).orElseThrow());
    }

    /**
     * The recommendation of an approved report, as the award receives it: a notice without lots has one lot, which
     * bidding names {@code "1"} and the award {@code ""}.
     */
    static Recommendation recommendation(
            Evaluation e, UUID reportId, EvaluationResult result, Instant approvedAt, boolean withoutLots) {
        List<Recommendation.LotResult> lots = new ArrayList<>();
        for (EvaluationResult.LotLine l : result.lots()) {
            EvaluationResult.LotBid w = l.winner();
            lots.add(new Recommendation.LotResult(
                    withoutLots ? "" : l.lot(),
                    l.winnerId(),
                    l.winnerName(),
                    w == null ? null : w.corrected(),
                    l.currency()));
        }
        List<Recommendation.BidderResult> bidders = new ArrayList<>();
        for (EvaluationResult.BidderLine b : result.bidders()) {
            Evaluation.Bidder bidder = e.bidder(b.companyId());
            List<UUID> envelopes = new ArrayList<>();
            if (bidder != null) {
                envelopes.add(bidder.technicalEnvelope());
                if (bidder.financialEnvelope() != null && b.read() != null) {
                    envelopes.add(bidder.financialEnvelope());
                }
            }
            bidders.add(new Recommendation.BidderResult(
                    b.companyId(),
                    b.name(),
                    envelopes,
                    withoutLots ? List.of() : b.lots(),
                    b.read(),
                    b.corrected(),
                    b.evaluated(),
                    b.technicalScore(),
                    b.combined(),
                    b.rank(),
                    b.outcome(),
                    b.reasons()));
        }
        return new Recommendation(e.ocid(), reportId, e.method(), approvedAt, lots, bidders);
    }

    // ---- the arithmetic

    EvaluationResult compute(Evaluation e, ProcessView process) {
        NoticeDraft notice = process.notice();
        Locale language = Locale.forLanguageTag(notice.language());
        List<Ranking.Scored> scored = scored(e);
        boolean pricesKnown = List.of("financial", "report", "approved").contains(e.stage());
        Map<UUID, Map<String, OpeningSession.Lot>> read = pricesKnown ? prices(e) : Map.of();
        Map<String, BigDecimal> marginRates = new HashMap<>();
        margins(e.country()).forEach(m -> marginRates.put(m.code(), m.ratePercent()));

        Map<UUID, BigDecimal> technical = new HashMap<>();
        Map<UUID, List<String>> failures = new LinkedHashMap<>();
        for (Evaluation.Bidder b : e.bidders()) {
            Map<String, Ranking.Mark> marks = new HashMap<>();
            List<String> failed = new ArrayList<>();
            for (Evaluation.Criterion c : e.criteria()) {
                Evaluation.Settled s = e.settled(b.companyId(), c.code());
                if (s == null) {
                    continue;
                }
                marks.put(c.code(), new Ranking.Mark(s.passed(), s.points()));
                if (!c.scored() && Boolean.FALSE.equals(s.passed())) {
                    failed.add(
                            s.reason().isEmpty()
                                    ? text("evaluation.failure.criterion", language, c.label())
                                    : text("evaluation.failure.criterion-reason", language, c.label(), s.reason()));
                }
            }
            BigDecimal score = Ranking.technicalScore(scored, marks);
            if (score != null) {
                technical.put(b.companyId(), score);
                if (e.passMark() != null && score.compareTo(e.passMark()) < 0) {
                    failed.add(text(
                            "evaluation.failure.pass-mark",
                            language,
                            score.toPlainString(),
                            e.passMark().stripTrailingZeros().toPlainString()));
                }
            }
            failures.put(b.companyId(), failed);
        }

        List<String> lotIds = Bids.lots(notice);
        Map<UUID, List<Integer>> ranks = new HashMap<>();
        Map<UUID, List<String>> lotReasons = new HashMap<>();
        Map<UUID, BigDecimal> readTotal = new HashMap<>();
        Map<UUID, BigDecimal> correctedTotal = new HashMap<>();
        Map<UUID, BigDecimal> evaluatedTotal = new HashMap<>();
        Map<UUID, BigDecimal> bestCombined = new HashMap<>();
        Map<UUID, Boolean> winsSomething = new HashMap<>();
        List<EvaluationResult.LotLine> lotLines = new ArrayList<>();
        List<Evaluation.Bidder> order = e.bidders();
        for (String lot : lotIds) {
            List<Evaluation.Bidder> inLot =
                    order.stream().filter(b -> b.lots().contains(lot)).toList();
            Map<UUID, BigDecimal> readAmounts = new LinkedHashMap<>();
            Map<UUID, String> rebates = new HashMap<>();
            Map<UUID, BigDecimal> corrected = new LinkedHashMap<>();
            for (Evaluation.Bidder b : inLot) {
                if (!failures.get(b.companyId()).isEmpty() || !pricesKnown) {
                    continue;
                }
                OpeningSession.Lot r =
                        read.getOrDefault(b.companyId(), Map.of()).get(lot);
                BigDecimal amount = r == null ? null : Ranking.amount(r.amount());
                if (amount == null) {
                    lotReasons
                            .computeIfAbsent(b.companyId(), k -> new ArrayList<>())
                            .add(text("evaluation.failure.no-price", language, lotTitle(notice, lot)));
                    continue;
                }
                readAmounts.put(b.companyId(), amount);
                if (r.rebate() != null) {
                    rebates.put(b.companyId(), r.rebate());
                }
                Evaluation.Price p = e.price(b.companyId(), lot);
                corrected.put(b.companyId(), p != null ? p.corrected() : Ranking.afterRebate(amount, r.rebate()));
            }
            BigDecimal estimate = lotEstimate(notice, lot);
            List<UUID> low = Ranking.abnormallyLow(corrected, e.lowBidPercent(), estimate);
            Map<UUID, BigDecimal> responsive = new LinkedHashMap<>();
            Map<UUID, BigDecimal> margins = new HashMap<>();
            for (Map.Entry<UUID, BigDecimal> c : corrected.entrySet()) {
                Evaluation.Price p = e.price(c.getKey(), lot);
                if (low.contains(c.getKey()) && p != null && "rejected".equals(p.lowDecision())) {
                    lotReasons
                            .computeIfAbsent(c.getKey(), k -> new ArrayList<>())
                            .add(text("evaluation.failure.low", language, lotTitle(notice, lot), p.lowReason()));
                    continue;
                }
                responsive.put(c.getKey(), c.getValue());
                if (p != null && p.marginCode() != null && marginRates.containsKey(p.marginCode())) {
                    margins.put(c.getKey(), marginRates.get(p.marginCode()));
                }
            }
            Map<UUID, BigDecimal> evaluated = Ranking.evaluated(responsive, margins);
            List<Ranking.Candidate> candidates = new ArrayList<>();
            for (Map.Entry<UUID, BigDecimal> ev : evaluated.entrySet()) {
                Evaluation.Bidder b = Objects.requireNonNull(e.bidder(ev.getKey()));
                candidates.add(new Ranking.Candidate(
                        ev.getKey(),
                        ev.getValue(),
                        technical.get(ev.getKey()),
                        b.receivedAt().toEpochMilli()));
            }
            List<Ranking.Ranked> ranked = Ranking.rank(e.method(), e.technicalWeight(), candidates);
            Map<UUID, Ranking.Ranked> rankOf = new HashMap<>();
            ranked.forEach(r -> rankOf.put(r.company(), r));
            List<EvaluationResult.LotBid> lotBids = new ArrayList<>();
            for (Evaluation.Bidder b : inLot) {
                UUID id = b.companyId();
                Evaluation.Price p = e.price(id, lot);
                Ranking.Ranked r = rankOf.get(id);
                BigDecimal amount = readAmounts.get(id);
                if (amount != null) {
                    readTotal.merge(id, amount, BigDecimal::add);
                    correctedTotal.merge(id, corrected.get(id), BigDecimal::add);
                }
                if (r != null) {
                    evaluatedTotal.merge(id, r.evaluated(), BigDecimal::add);
                    ranks.computeIfAbsent(id, k -> new ArrayList<>()).add(r.rank());
                    if (r.combined() != null) {
                        bestCombined.merge(id, r.combined(), BigDecimal::max);
                    }
                }
                lotBids.add(new EvaluationResult.LotBid(
                        id,
                        b.name(),
                        amount,
                        rebates.get(id),
                        corrected.get(id),
                        p == null ? "" : p.correctionReason(),
                        p == null ? null : p.marginCode(),
                        r == null ? null : r.evaluated(),
                        low.contains(id),
                        p == null ? null : p.lowDecision(),
                        p == null ? "" : p.lowReason(),
                        r != null,
                        r == null ? null : r.rank(),
                        r == null ? null : r.financial(),
                        r == null ? null : r.combined()));
            }
            Ranking.Ranked first = ranked.isEmpty() ? null : ranked.get(0);
            String winnerName = null;
            if (first != null) {
                winsSomething.put(first.company(), true);
                winnerName = Objects.requireNonNull(e.bidder(first.company())).name();
                for (Ranking.Ranked r : ranked.subList(1, ranked.size())) {
                    lotReasons
                            .computeIfAbsent(r.company(), k -> new ArrayList<>())
                            .add(ranking(e.method(), language, lotTitle(notice, lot), r, first));
                }
            }
            lotLines.add(new EvaluationResult.LotLine(
                    lot,
                    lotTitle(notice, lot),
                    notice.currency(),
                    lotBids,
                    first == null ? null : first.company(),
                    winnerName));
        }

        List<EvaluationResult.BidderLine> lines = new ArrayList<>();
        for (Evaluation.Bidder b : order) {
            UUID id = b.companyId();
            List<String> failed = failures.get(id);
            boolean qualified = failed.isEmpty();
            String outcome;
            List<String> reasons = new ArrayList<>(failed);
            if (!qualified) {
                outcome = e.twoStage() ? "disqualified" : "rejected";
            } else if (winsSomething.getOrDefault(id, false)) {
                outcome = "recommended";
                reasons.addAll(lotReasons.getOrDefault(id, List.of()));
            } else if (ranks.containsKey(id)) {
                outcome = "ranked";
                reasons.addAll(lotReasons.getOrDefault(id, List.of()));
            } else {
                outcome = pricesKnown ? "rejected" : "pending";
                reasons.addAll(lotReasons.getOrDefault(id, List.of()));
            }
            Integer rank = ranks.getOrDefault(id, List.of()).stream()
                    .min(Integer::compare)
                    .orElse(null);
            lines.add(new EvaluationResult.BidderLine(
                    id,
                    b.name(),
                    b.lots(),
                    technical.get(id),
                    qualified,
                    failed,
                    outcome,
                    rank,
                    String.join(" ", reasons),
                    readTotal.get(id),
                    correctedTotal.get(id),
                    evaluatedTotal.get(id),
                    bestCombined.get(id)));
        }
        return new EvaluationResult(lines, lotLines);
    }

    private String ranking(String method, Locale language, String lot, Ranking.Ranked r, Ranking.Ranked first) {
        return switch (method) {
            case "ratedCriteria" ->
                text(
                        "evaluation.reason.ranked-score",
                        language,
                        lot,
                        r.rank(),
                        String.valueOf(r.combined()),
                        String.valueOf(first.combined()));
            case "qualityOnly" -> text("evaluation.reason.ranked-quality", language, lot, r.rank());
            default ->
                text(
                        "evaluation.reason.ranked-price",
                        language,
                        lot,
                        r.rank(),
                        r.evaluated().toPlainString(),
                        first.evaluated().toPlainString());
        };
    }

    /**
     * Whether a bid passed the technical stage: every mark settled, every pass/fail criterion passed, and the technical
     * score (as {@link Ranking#technicalScore} counts it) at the pass mark or above.
     */
    static boolean qualified(Evaluation e, Evaluation.Bidder b) {
        Map<String, Ranking.Mark> marks = new HashMap<>();
        for (Evaluation.Criterion c : e.criteria()) {
            Evaluation.Settled s = e.settled(b.companyId(), c.code());
            if (s == null || (!c.scored() && !Boolean.TRUE.equals(s.passed()))) {
                return false;
            }
            marks.put(c.code(), new Ranking.Mark(s.passed(), s.points()));
        }
        BigDecimal score = Ranking.technicalScore(scored(e), marks);
        return e.passMark() == null || score == null || score.compareTo(e.passMark()) >= 0;
    }

    /** The scored criteria with their maximum. */
    private static List<Ranking.Scored> scored(Evaluation e) {
        return e.criteria().stream()
                .filter(Evaluation.Criterion::scored)
                .map(c -> new Ranking.Scored(c.code(), Objects.requireNonNull(c.maxPoints())))
                .toList();
    }

    private static String lotTitle(NoticeDraft notice, String lot) {
        return notice.lots().stream()
                .filter(l -> String.valueOf(l.number()).equals(lot))
                .map(l -> lot + " — " + l.title())
                .findFirst()
                .orElse(lot);
    }

    private static @Nullable BigDecimal lotEstimate(NoticeDraft notice, String lot) {
        if (notice.lots().isEmpty()) {
            return notice.value().estimated();
        }
        return notice.lots().stream()
                .filter(l -> String.valueOf(l.number()).equals(lot))
                .map(NoticeDraft.Lot::estimatedValue)
                .filter(Objects::nonNull)
                .findFirst()
                .orElse(null);
    }

    /** The prices read for each company, by lot: from the single session, or the financial one. */
    private Map<UUID, Map<String, OpeningSession.Lot>> prices(Evaluation e) {
        Map<UUID, UUID> companyOf = new HashMap<>();
        for (Evaluation.Bidder b : e.bidders()) {
            companyOf.put(
                    e.twoStage() && b.financialEnvelope() != null ? b.financialEnvelope() : b.technicalEnvelope(),
                    b.companyId());
        }
        String kind = e.twoStage() ? Bids.FINANCIAL : Bids.SINGLE;
        Map<UUID, Map<String, OpeningSession.Lot>> prices = new HashMap<>();
        for (OpeningSession s : sessions.sessions(e.ocid())) {
            if (!s.kind().equals(kind)) {
                continue;
            }
            for (OpeningSession.Reading r : s.readings()) {
                UUID company = companyOf.get(r.envelopeId());
                if (company == null || r.failure() != null) {
                    continue;
                }
                Map<String, OpeningSession.Lot> lots = new LinkedHashMap<>();
                r.lots().forEach(l -> lots.put(l.lot(), l));
                prices.put(company, lots);
            }
        }
        return prices;
    }

    /** Checks the prices are known, recording the move of a two-envelope evaluation past its second opening. */
    private Evaluation financialReady(EvaluationStore.Row row, Evaluation e) {
        if (!e.stage().equals("financial")) {
            throw new BaobabException(EvaluationErrorCode.WRONG_STAGE);
        }
        if (row.stage().equals("financial-opening")) {
            store.stage(row.id(), "financial", clock.instant());
        }
        return e;
    }

    // ---- helpers

    private Optional<OpeningSession> firstSession(String ocid) {
        return sessions.sessions(ocid).stream()
                .filter(s -> !s.kind().equals(Bids.FINANCIAL))
                .findFirst()
                .filter(s -> s.complete() && minutes.minutes(s.id()).published());
    }

    private ProcessView process(String ocid) {
        ProcessView process =
                notices.notice(ocid).orElseThrow(() -> new BaobabException(EvaluationErrorCode.NO_SUCH_PROCESS, ocid));
        if (process.status() == ProcessStatus.CANCELLED) {
            throw new BaobabException(EvaluationErrorCode.NO_SUCH_PROCESS, ocid);
        }
        return process;
    }

    private EvaluationStore.Row lock(String ocid) {
        return store.lock(ocid).orElseThrow(Evaluations::notStarted);
    }

    private static BaobabException notStarted() {
        return new BaobabException(EvaluationErrorCode.NOT_STARTED);
    }

    private Evaluation load(EvaluationStore.Row row) {
        List<OpeningSession> opened = sessions.sessions(row.ocid());
        String stage = row.stage();
        if (stage.equals("financial-opening")
                && opened.stream()
                        .filter(s -> s.kind().equals(Bids.FINANCIAL))
                        .anyMatch(s -> s.complete() && minutes.minutes(s.id()).published())) {
            // the second session's minutes are out: the prices are known (recorded at the next change)
            stage = "financial";
        }
        int threshold = opened.stream()
                .filter(s -> !s.kind().equals(Bids.FINANCIAL))
                .findFirst()
                .map(OpeningSession::threshold)
                .orElse(1);
        return new Evaluation(
                row.id(),
                row.ocid(),
                row.country(),
                row.authorityId(),
                row.method(),
                row.twoStage(),
                row.technicalWeight(),
                row.passMark(),
                row.lowBidPercent(),
                stage,
                threshold,
                row.startedBy(),
                row.startedAt(),
                store.criteria(row.id()),
                store.members(row.id()),
                store.bidders(row.id()),
                store.marks(row.id()),
                store.settled(row.id()),
                store.prices(row.id()));
    }

    private Report report(EvaluationStore.ReportRow row) {
        Map<Integer, Instant> approvals = new LinkedHashMap<>();
        store.approvals(row.id()).forEach(a -> approvals.put(a.position(), a.approvedAt()));
        return new Report(
                row.id(), read(row.content()), row.generatedBy(), row.generatedAt(), row.approvedAt(), approvals);
    }

    /** A member free of conflict, declared. */
    private static Evaluation.Member evaluator(Evaluation e, CurrentUser actor) {
        Evaluation.Member member = e.member(actor.id());
        if (member == null) {
            throw new BaobabException(EvaluationErrorCode.NOT_MEMBER);
        }
        if (!member.mayEvaluate()) {
            throw new BaobabException(EvaluationErrorCode.NOT_DECLARED);
        }
        return member;
    }

    /** A member who submitted their own evaluation, once enough members have: they act for the committee. */
    private static Evaluation.Member settler(Evaluation e, CurrentUser actor) {
        Evaluation.Member member = evaluator(e, actor);
        long evaluators =
                e.members().stream().filter(Evaluation.Member::mayEvaluate).count();
        long submitted = e.members().stream()
                .filter(m -> m.mayEvaluate() && m.submitted())
                .count();
        if (!member.submitted() || submitted < e.threshold() || submitted < evaluators) {
            throw new BaobabException(EvaluationErrorCode.NOT_ENOUGH_SUBMITTED, Math.max(e.threshold(), evaluators));
        }
        return member;
    }

    private static void stage(Evaluation e, String stage) {
        if (!e.stage().equals(stage)) {
            throw new BaobabException(EvaluationErrorCode.WRONG_STAGE);
        }
    }

    private static void checkMark(Evaluation.Criterion c, @Nullable Boolean passed, @Nullable BigDecimal points) {
        if (c.scored()) {
            BigDecimal max = Objects.requireNonNull(c.maxPoints());
            if (points == null || points.signum() < 0 || points.compareTo(max) > 0) {
                throw new BaobabException(EvaluationErrorCode.BAD_MARK, c.label());
            }
        } else if (passed == null) {
            throw new BaobabException(EvaluationErrorCode.BAD_MARK, c.label());
        }
    }

    private static List<Evaluation.Mark> submittedMarks(Evaluation e, UUID companyId, String code) {
        Set<UUID> submitted = e.members().stream()
                .filter(m -> m.mayEvaluate() && m.submitted())
                .map(Evaluation.Member::userId)
                .collect(Collectors.toSet());
        return e.marks().stream()
                .filter(m -> submitted.contains(m.userId())
                        && m.companyId().equals(companyId)
                        && m.code().equals(code))
                .toList();
    }

    private static String key(Evaluation.Criterion c, @Nullable Boolean passed, @Nullable BigDecimal points) {
        return c.scored()
                ? (points == null ? "-" : points.stripTrailingZeros().toPlainString())
                : String.valueOf(passed);
    }

    private String text(String key, Locale locale, Object... args) {
        return messages.getMessage(key, args, locale);
    }

    private String write(EvaluationResult result) {
        try {
            return json.writeValueAsString(result);
        } catch (JacksonException e) {
            throw new IllegalStateException("The evaluation result does not serialise", e);
        }
    }

    private EvaluationResult read(String content) {
        try {
            return json.readValue(content, EvaluationResult.class);
        } catch (JacksonException e) {
            throw new IllegalStateException("The stored evaluation report does not read", e);
        }
    }

    private static EvaluationEvent event(CurrentUser actor, String action, String ocid, Map<String, Object> payload) {
        return new EvaluationEvent(actor.email(), actor.organisationLabel(), action, ocid, payload);
    }
}
