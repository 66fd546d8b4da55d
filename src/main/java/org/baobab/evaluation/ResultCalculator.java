// SPDX-License-Identifier: Apache-2.0
package org.baobab.evaluation;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import org.baobab.opening.OpeningSession;
import org.jspecify.annotations.Nullable;

/**
 * The result of an evaluation from its settled marks and prices (plain Java, docs/evaluation.md): each bid's
 * compliance and technical score, then, lot by lot, the prices read and corrected, the abnormally low ones, the
 * preference margins and the ranking ({@link Ranking} does the arithmetic), and each bidder's outcome with its reasons
 * in the notice's language.
 */
final class ResultCalculator {

    /** The sentences of the result, in the notice's language. */
    @FunctionalInterface
    interface Texts {
        String text(String key, Object... args);
    }

    /** What one bidder accumulates over the lots. */
    private static final class Tally {
        final List<String> failures = new ArrayList<>();
        final List<String> lotReasons = new ArrayList<>();
        final List<Integer> ranks = new ArrayList<>();

        @Nullable
        BigDecimal technical;

        @Nullable
        BigDecimal read;

        @Nullable
        BigDecimal corrected;

        @Nullable
        BigDecimal evaluated;

        @Nullable
        BigDecimal combined;

        boolean wins;
    }

    /**
     * A lot of the notice as the result names it.
     *
     * @param id the lot as bidding names it ({@code "1"} for a notice without lots)
     * @param title the lot's number and title, as the reasons name it
     * @param estimate the authority's estimate, against which a price may be abnormally low; null if none
     */
    record Lot(String id, String title, @Nullable BigDecimal estimate) {}

    private final Evaluation e;
    private final String currency;
    private final Map<UUID, Map<String, OpeningSession.Lot>> read;
    private final Map<String, BigDecimal> marginRates;
    private final Texts texts;
    private final boolean pricesKnown;
    private final Map<UUID, Tally> tallies = new LinkedHashMap<>();

    private ResultCalculator(
            Evaluation e,
            String currency,
            Map<UUID, Map<String, OpeningSession.Lot>> read,
            Map<String, BigDecimal> marginRates,
            Texts texts) {
        this.e = e;
        this.currency = currency;
        this.read = read;
        this.marginRates = marginRates;
        this.texts = texts;
        this.pricesKnown = e.stage().pricesKnown();
        e.bidders().forEach(b -> tallies.put(b.companyId(), new Tally()));
    }

    /**
     * The result as the settled marks and prices give it.
     *
     * @param lots the notice's lots
     * @param currency the notice's currency
     * @param read the prices read at the opening, by company then lot (ignored before the prices are known)
     * @param marginRates the pack's preference margins: rate in percent by code
     */
    static EvaluationResult compute(
            Evaluation e,
            List<Lot> lots,
            String currency,
            Map<UUID, Map<String, OpeningSession.Lot>> read,
            Map<String, BigDecimal> marginRates,
            Texts texts) {
        ResultCalculator calculator = new ResultCalculator(e, currency, read, marginRates, texts);
        calculator.technical();
        List<EvaluationResult.LotLine> lotLines = new ArrayList<>();
        for (Lot lot : lots) {
            lotLines.add(calculator.lot(lot));
        }
        return new EvaluationResult(calculator.bidderLines(), lotLines);
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

    /** Each bid's failed criteria (with the committee's reason) and its technical score against the pass mark. */
    private void technical() {
        List<Ranking.Scored> scored = scored(e);
        for (Evaluation.Bidder b : e.bidders()) {
            Tally t = tally(b.companyId());
            Map<String, Ranking.Mark> marks = new HashMap<>();
            for (Evaluation.Criterion c : e.criteria()) {
                Evaluation.Settled s = e.settled(b.companyId(), c.code());
                if (s == null) {
                    continue;
                }
                marks.put(c.code(), new Ranking.Mark(s.passed(), s.points()));
                if (!c.scored() && Boolean.FALSE.equals(s.passed())) {
                    t.failures.add(
                            s.reason().isEmpty()
                                    ? texts.text("evaluation.failure.criterion", c.label())
                                    : texts.text("evaluation.failure.criterion-reason", c.label(), s.reason()));
                }
            }
            BigDecimal score = Ranking.technicalScore(scored, marks);
            if (score != null) {
                t.technical = score;
                if (e.passMark() != null && score.compareTo(e.passMark()) < 0) {
                    t.failures.add(texts.text(
                            "evaluation.failure.pass-mark",
                            score.toPlainString(),
                            e.passMark().stripTrailingZeros().toPlainString()));
                }
            }
        }
    }

    /** One lot: the prices of its qualified bids, corrected, checked, raised by the margins, and ranked. */
    private EvaluationResult.LotLine lot(Lot line) {
        String lot = line.id();
        String title = line.title();
        List<Evaluation.Bidder> inLot =
                e.bidders().stream().filter(b -> b.lots().contains(lot)).toList();
        Map<UUID, BigDecimal> readAmounts = new LinkedHashMap<>();
        Map<UUID, String> rebates = new HashMap<>();
        Map<UUID, BigDecimal> corrected = new LinkedHashMap<>();
        for (Evaluation.Bidder b : inLot) {
            if (!tally(b.companyId()).failures.isEmpty() || !pricesKnown) {
                continue;
            }
            OpeningSession.Lot r = read.getOrDefault(b.companyId(), Map.of()).get(lot);
            BigDecimal amount = r == null ? null : Ranking.amount(r.amount());
            if (r == null || amount == null) {
                tally(b.companyId()).lotReasons.add(texts.text("evaluation.failure.no-price", title));
                continue;
            }
            readAmounts.put(b.companyId(), amount);
            if (r.rebate() != null) {
                rebates.put(b.companyId(), r.rebate());
            }
            Evaluation.Price p = e.price(b.companyId(), lot);
            corrected.put(b.companyId(), p != null ? p.corrected() : Ranking.afterRebate(amount, r.rebate()));
        }
        List<UUID> low = Ranking.abnormallyLow(corrected, e.lowBidPercent(), line.estimate());
        List<Ranking.Ranked> ranked = rank(lot, title, corrected, low);
        Map<UUID, Ranking.Ranked> rankOf = new HashMap<>();
        ranked.forEach(r -> rankOf.put(r.company(), r));
        List<EvaluationResult.LotBid> lotBids = new ArrayList<>();
        for (Evaluation.Bidder b : inLot) {
            UUID id = b.companyId();
            Tally t = tally(id);
            Evaluation.Price p = e.price(id, lot);
            Ranking.Ranked r = rankOf.get(id);
            BigDecimal amount = readAmounts.get(id);
            if (amount != null) {
                t.read = sum(t.read, amount);
                t.corrected = sum(t.corrected, corrected.get(id));
            }
            if (r != null) {
                t.evaluated = sum(t.evaluated, r.evaluated());
                t.ranks.add(r.rank());
                if (r.combined() != null) {
                    t.combined = t.combined == null ? r.combined() : t.combined.max(r.combined());
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
            tally(first.company()).wins = true;
            winnerName = Objects.requireNonNull(e.bidder(first.company())).name();
            for (Ranking.Ranked r : ranked.subList(1, ranked.size())) {
                tally(r.company()).lotReasons.add(rankingReason(title, r, first));
            }
        }
        return new EvaluationResult.LotLine(
                lot, title, currency, lotBids, first == null ? null : first.company(), winnerName);
    }

    /**
     * Ranks a lot's corrected prices: an abnormally low price the committee rejected is out; the others are raised by
     * the margins they do not hold and ranked by the award method.
     */
    private List<Ranking.Ranked> rank(String lot, String title, Map<UUID, BigDecimal> corrected, List<UUID> low) {
        Map<UUID, BigDecimal> responsive = new LinkedHashMap<>();
        Map<UUID, BigDecimal> margins = new HashMap<>();
        for (Map.Entry<UUID, BigDecimal> c : corrected.entrySet()) {
            Evaluation.Price p = e.price(c.getKey(), lot);
            if (low.contains(c.getKey()) && p != null && "rejected".equals(p.lowDecision())) {
                tally(c.getKey()).lotReasons.add(texts.text("evaluation.failure.low", title, p.lowReason()));
                continue;
            }
            responsive.put(c.getKey(), c.getValue());
            if (p != null && p.marginCode() != null && marginRates.containsKey(p.marginCode())) {
                margins.put(c.getKey(), marginRates.get(p.marginCode()));
            }
        }
        List<Ranking.Candidate> candidates = new ArrayList<>();
        for (Map.Entry<UUID, BigDecimal> ev :
                Ranking.evaluated(responsive, margins).entrySet()) {
            Evaluation.Bidder b = Objects.requireNonNull(e.bidder(ev.getKey()));
            candidates.add(new Ranking.Candidate(
                    ev.getKey(),
                    ev.getValue(),
                    tally(ev.getKey()).technical,
                    b.receivedAt().toEpochMilli()));
        }
        return Ranking.rank(e.method(), e.technicalWeight(), candidates);
    }

    /** Each bidder's line: qualified or not, its outcome, best rank, totals and reasons. */
    private List<EvaluationResult.BidderLine> bidderLines() {
        List<EvaluationResult.BidderLine> lines = new ArrayList<>();
        for (Evaluation.Bidder b : e.bidders()) {
            UUID id = b.companyId();
            Tally t = tally(id);
            List<String> failed = t.failures;
            boolean qualified = failed.isEmpty();
            String outcome;
            List<String> reasons = new ArrayList<>(failed);
            if (!qualified) {
                outcome = e.twoStage() ? "disqualified" : "rejected";
            } else {
                if (t.wins) {
                    outcome = "recommended";
                } else if (!t.ranks.isEmpty()) {
                    outcome = "ranked";
                } else {
                    outcome = pricesKnown ? "rejected" : "pending";
                }
                reasons.addAll(t.lotReasons);
            }
            Integer rank = t.ranks.stream().min(Integer::compare).orElse(null);
            lines.add(new EvaluationResult.BidderLine(
                    id,
                    b.name(),
                    b.lots(),
                    t.technical,
                    qualified,
                    failed,
                    outcome,
                    rank,
                    String.join(" ", reasons),
                    t.read,
                    t.corrected,
                    t.evaluated,
                    t.combined));
        }
        return lines;
    }

    private String rankingReason(String lot, Ranking.Ranked r, Ranking.Ranked first) {
        return switch (e.method()) {
            case "ratedCriteria" ->
                texts.text(
                        "evaluation.reason.ranked-score",
                        lot,
                        r.rank(),
                        String.valueOf(r.combined()),
                        String.valueOf(first.combined()));
            case "qualityOnly" -> texts.text("evaluation.reason.ranked-quality", lot, r.rank());
            default ->
                texts.text(
                        "evaluation.reason.ranked-price",
                        lot,
                        r.rank(),
                        r.evaluated().toPlainString(),
                        first.evaluated().toPlainString());
        };
    }

    private Tally tally(UUID company) {
        return Objects.requireNonNull(tallies.get(company));
    }

    private static BigDecimal sum(@Nullable BigDecimal total, BigDecimal amount) {
        return total == null ? amount : total.add(amount);
    }
}
