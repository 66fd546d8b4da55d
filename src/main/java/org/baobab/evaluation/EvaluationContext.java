// SPDX-License-Identifier: Apache-2.0
package org.baobab.evaluation;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.baobab.bidding.Bids;
import org.baobab.evaluation.internal.EvaluationStore;
import org.baobab.identity.CurrentUser;
import org.baobab.opening.OpeningMinutes;
import org.baobab.opening.OpeningSession;
import org.baobab.opening.OpeningSessions;
import org.baobab.rules.PreferenceMargin;
import org.baobab.rules.RulePack;
import org.baobab.rules.RulePacks;
import org.baobab.shared.BaobabException;
import org.baobab.tendering.NoticeDraft;
import org.baobab.tendering.Notices;
import org.baobab.tendering.ProcessStatus;
import org.baobab.tendering.ProcessView;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * What the evaluation's services share (not an API): loading an evaluation with the opening's sessions, locking it for
 * a command, the process, the prices read, the result as it stands, recording a stage, and the journal's events.
 */
@Component
class EvaluationContext {

    private final EvaluationStore store;
    private final Notices notices;
    private final OpeningSessions sessions;
    private final OpeningMinutes minutes;
    private final RulePacks packs;
    private final MessageSource messages;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    EvaluationContext(
            EvaluationStore store,
            Notices notices,
            OpeningSessions sessions,
            OpeningMinutes minutes,
            RulePacks packs,
            MessageSource messages,
            ApplicationEventPublisher events,
            Clock clock) {
        this.store = store;
        this.notices = notices;
        this.sessions = sessions;
        this.minutes = minutes;
        this.packs = packs;
        this.messages = messages;
        this.events = events;
        this.clock = clock;
    }

    /** An evaluation locked for a command, as its row and as loaded. */
    record Locked(EvaluationStore.Row row, Evaluation evaluation) {
        UUID id() {
            return row.id();
        }
    }

    EvaluationStore store() {
        return store;
    }

    Instant now() {
        return clock.instant();
    }

    Optional<Evaluation> find(String ocid) {
        return store.find(ocid).map(this::load);
    }

    Evaluation require(String ocid) {
        return find(ocid).orElseThrow(EvaluationContext::notStarted);
    }

    Locked lock(String ocid) {
        EvaluationStore.Row row = store.lock(ocid).orElseThrow(EvaluationContext::notStarted);
        return new Locked(row, load(row));
    }

    static BaobabException notStarted() {
        return new BaobabException(EvaluationErrorCode.NOT_STARTED);
    }

    /** Records the evaluation's move to a stage. */
    void stage(Locked locked, Stage stage) {
        store.stage(locked.id(), stage.code(), clock.instant());
    }

    /** Checks the prices are known, recording the move of a two-envelope evaluation past its second opening. */
    void requirePricesKnown(Locked locked) {
        locked.evaluation().stage().require(Stage.FINANCIAL);
        if (Stage.of(locked.row().stage()) != Stage.FINANCIAL) {
            stage(locked, Stage.FINANCIAL);
        }
    }

    /** The process, unless unknown or cancelled. */
    ProcessView process(String ocid) {
        ProcessView process =
                notices.notice(ocid).orElseThrow(() -> new BaobabException(EvaluationErrorCode.NO_SUCH_PROCESS, ocid));
        if (process.status() == ProcessStatus.CANCELLED) {
            throw new BaobabException(EvaluationErrorCode.NO_SUCH_PROCESS, ocid);
        }
        return process;
    }

    /** The opening's first session, once complete with its minutes published. */
    Optional<OpeningSession> firstSession(String ocid) {
        return sessions.sessions(ocid).stream()
                .filter(s -> !s.kind().equals(Bids.FINANCIAL))
                .findFirst()
                .filter(s -> s.complete() && minutes.minutes(s.id()).published());
    }

    /** The pack's preference margins for the country. */
    List<PreferenceMargin> margins(String country) {
        return packs.find(country).map(RulePack::preferenceMargins).orElse(List.of());
    }

    /** The prices read for each company, by lot: from the single session, or the financial one. */
    Map<UUID, Map<String, OpeningSession.Lot>> prices(Evaluation e) {
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

    /** The result as the settled marks and prices give it now, in the notice's language. */
    EvaluationResult compute(Evaluation e, ProcessView process) {
        Locale language = Locale.forLanguageTag(process.notice().language());
        Map<String, BigDecimal> marginRates = new HashMap<>();
        margins(e.country()).forEach(m -> marginRates.put(m.code(), m.ratePercent()));
        NoticeDraft notice = process.notice();
        List<ResultCalculator.Lot> lots = Bids.lots(notice).stream()
                .map(lot -> new ResultCalculator.Lot(lot, lotTitle(notice, lot), lotEstimate(notice, lot)))
                .toList();
        return ResultCalculator.compute(
                e,
                lots,
                notice.currency(),
                e.stage().pricesKnown() ? prices(e) : Map.of(),
                marginRates,
                (key, args) -> text(key, language, args));
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

    String text(String key, Locale locale, Object... args) {
        return messages.getMessage(key, args, locale);
    }

    void publish(CurrentUser actor, String action, String ocid, Map<String, Object> payload) {
        events.publishEvent(new EvaluationEvent(actor.email(), actor.organisationLabel(), action, ocid, payload));
    }

    private Evaluation load(EvaluationStore.Row row) {
        List<OpeningSession> opened = sessions.sessions(row.ocid());
        Stage stage = Stage.of(row.stage());
        if (stage == Stage.FINANCIAL_OPENING
                && opened.stream()
                        .filter(s -> s.kind().equals(Bids.FINANCIAL))
                        .anyMatch(s -> s.complete() && minutes.minutes(s.id()).published())) {
            // the second session's minutes are out: the prices are known (recorded at the next change)
            stage = stage.pricesRead();
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
}
