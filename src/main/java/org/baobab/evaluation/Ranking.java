// SPDX-License-Identifier: Apache-2.0
package org.baobab.evaluation;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * The arithmetic of an evaluation, without storage or people: technical scores, preference margins, abnormally low
 * prices, and the ranking of each lot by the notice's award method (docs/evaluation.md). Everything is in
 * {@link BigDecimal}, scores to two decimals (half up), so that the report, the award and a reader with a calculator
 * agree.
 */
final class Ranking {

    static final int SCALE = 2;
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private Ranking() {}

    /** One criterion's settled mark for a bidder: {@code passed} for pass/fail criteria, {@code points} for scored. */
    record Mark(@Nullable Boolean passed, @Nullable BigDecimal points) {}

    /** A scored criterion's maximum. */
    record Scored(String code, BigDecimal maxPoints) {}

    /**
     * The technical score out of 100: the points obtained over the points available, or null when no criterion is
     * scored.
     */
    static @Nullable BigDecimal technicalScore(List<Scored> scored, Map<String, Mark> marks) {
        if (scored.isEmpty()) {
            return null;
        }
        BigDecimal max = BigDecimal.ZERO;
        BigDecimal got = BigDecimal.ZERO;
        for (Scored s : scored) {
            max = max.add(s.maxPoints());
            Mark m = marks.get(s.code());
            if (m != null && m.points() != null) {
                got = got.add(m.points());
            }
        }
        if (max.signum() == 0) {
            return null;
        }
        return got.multiply(HUNDRED).divide(max, SCALE, RoundingMode.HALF_UP);
    }

    /**
     * The price a bid is read at after its rebate: a rebate written as a percentage ({@code "3 %"}, {@code "3%"},
     * {@code "3,5 %"}) lowers the amount by that share; one written as an amount is taken off; anything else leaves
     * the amount as read (the committee corrects it by hand, with a reason).
     */
    static BigDecimal afterRebate(BigDecimal read, @Nullable String rebate) {
        if (rebate == null || rebate.isBlank()) {
            return read;
        }
        String text = rebate.strip().replace('\u00a0', ' ').replace(',', '.');
        try {
            if (text.endsWith("%")) {
                BigDecimal percent =
                        new BigDecimal(text.substring(0, text.length() - 1).strip());
                if (percent.signum() < 0 || percent.compareTo(HUNDRED) > 0) {
                    return read;
                }
                return read.subtract(read.multiply(percent).divide(HUNDRED, SCALE, RoundingMode.HALF_UP))
                        .setScale(SCALE, RoundingMode.HALF_UP);
            }
            BigDecimal amount = new BigDecimal(text.replace(" ", ""));
            if (amount.signum() < 0 || amount.compareTo(read) > 0) {
                return read;
            }
            return read.subtract(amount).setScale(SCALE, RoundingMode.HALF_UP);
        } catch (NumberFormatException e) {
            return read;
        }
    }

    /** An amount as a bid form writes it ({@code "12 500 000"}, {@code "12500000.50"}), or null if it is not one. */
    static @Nullable BigDecimal amount(@Nullable String text) {
        if (text == null) {
            return null;
        }
        String clean = text.strip().replace("\u00a0", "").replace("\u202f", "").replace(" ", "");
        if (clean.indexOf(',') >= 0 && clean.indexOf('.') < 0) {
            clean = clean.replace(',', '.');
        }
        try {
            BigDecimal value = new BigDecimal(clean);
            return value.signum() < 0 ? null : value.setScale(SCALE, RoundingMode.HALF_UP);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /**
     * The evaluated price of each responsive bid of a lot after preference margins. A pack's margin (e.g. 15 % for
     * goods originating in the UEMOA) means that the price of a bid without it is raised by that rate before
     * comparison; with several margins, each bid is raised by the difference between the largest margin held in the
     * lot and its own, so a bid holding the largest margin is compared at its price.
     *
     * @param prices corrected price by company
     * @param margins the margin rate (percent) each company holds, absent for none
     */
    static Map<UUID, BigDecimal> evaluated(Map<UUID, BigDecimal> prices, Map<UUID, BigDecimal> margins) {
        BigDecimal largest = BigDecimal.ZERO;
        for (UUID company : prices.keySet()) {
            BigDecimal m = margins.getOrDefault(company, BigDecimal.ZERO);
            if (m.compareTo(largest) > 0) {
                largest = m;
            }
        }
        Map<UUID, BigDecimal> evaluated = new LinkedHashMap<>();
        for (Map.Entry<UUID, BigDecimal> e : prices.entrySet()) {
            BigDecimal raise = largest.subtract(margins.getOrDefault(e.getKey(), BigDecimal.ZERO));
            BigDecimal price = e.getValue()
                    .add(e.getValue().multiply(raise).divide(HUNDRED, SCALE, RoundingMode.HALF_UP))
                    .setScale(SCALE, RoundingMode.HALF_UP);
            evaluated.put(e.getKey(), price);
        }
        return evaluated;
    }

    /**
     * The companies whose price is abnormally low: more than {@code percent} below the mean of the lot's responsive
     * prices (the mean taken over every price, the low one included), or below the lot's estimate by as much when the
     * authority gave one. A single bid is compared with the estimate only.
     */
    static List<UUID> abnormallyLow(Map<UUID, BigDecimal> prices, BigDecimal percent, @Nullable BigDecimal estimate) {
        BigDecimal factor = HUNDRED.subtract(percent).divide(HUNDRED, 6, RoundingMode.HALF_UP);
        @Nullable BigDecimal meanLimit = null;
        if (prices.size() >= 2) {
            BigDecimal sum = prices.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add);
            BigDecimal mean = sum.divide(BigDecimal.valueOf(prices.size()), 6, RoundingMode.HALF_UP);
            meanLimit = mean.multiply(factor);
        }
        @Nullable BigDecimal estimateLimit = estimate == null ? null : estimate.multiply(factor);
        List<UUID> low = new ArrayList<>();
        for (Map.Entry<UUID, BigDecimal> e : prices.entrySet()) {
            boolean belowMean = meanLimit != null && e.getValue().compareTo(meanLimit) < 0;
            boolean belowEstimate = estimateLimit != null && e.getValue().compareTo(estimateLimit) < 0;
            if (belowMean || belowEstimate) {
                low.add(e.getKey());
            }
        }
        return low;
    }

    /** A responsive bid of a lot, ready to rank. */
    record Candidate(
            UUID company, BigDecimal evaluated, @Nullable BigDecimal technical, long receivedOrder) {}

    /** A ranked bid: {@code combined} is the quality-and-cost score, {@code financial} the price score. */
    record Ranked(
            UUID company,
            int rank,
            BigDecimal evaluated,
            @Nullable BigDecimal financial,
            @Nullable BigDecimal combined) {}

    /**
     * Ranks the responsive bids of a lot: the lowest evaluated price first ({@code priceOnly}, {@code costOnly}); the
     * highest technical score first ({@code qualityOnly}); the highest combined score first ({@code ratedCriteria}:
     * financial score = 100 × lowest price ÷ price, combined = weight × technical + (100 − weight) × financial, over
     * 100). Ties go to the bid received first, as the register of receipt orders them.
     */
    static List<Ranked> rank(String method, @Nullable Integer technicalWeight, List<Candidate> candidates) {
        if (candidates.isEmpty()) {
            return List.of();
        }
        BigDecimal lowest = candidates.stream()
                .map(Candidate::evaluated)
                .min(Comparator.naturalOrder())
                .orElseThrow();
        record Scoredbid(
                Candidate c,
                @Nullable BigDecimal financial,
                @Nullable BigDecimal combined) {}
        List<Scoredbid> scored = new ArrayList<>();
        for (Candidate c : candidates) {
            BigDecimal financial = c.evaluated().signum() == 0
                    ? HUNDRED
                    : lowest.multiply(HUNDRED).divide(c.evaluated(), SCALE, RoundingMode.HALF_UP);
            BigDecimal combined = null;
            if (method.equals("ratedCriteria")) {
                int weight = technicalWeight == null ? 80 : technicalWeight;
                BigDecimal technical = c.technical() == null ? BigDecimal.ZERO : c.technical();
                combined = technical
                        .multiply(BigDecimal.valueOf(weight))
                        .add(financial.multiply(BigDecimal.valueOf(100L - weight)))
                        .divide(HUNDRED, SCALE, RoundingMode.HALF_UP);
            }
            scored.add(new Scoredbid(c, method.equals("ratedCriteria") ? financial : null, combined));
        }
        Comparator<Scoredbid> order = switch (method) {
            case "ratedCriteria" -> Comparator.comparing((Scoredbid s) -> s.combined(), Comparator.reverseOrder());
            case "qualityOnly" ->
                Comparator.comparing(
                        (Scoredbid s) -> s.c().technical() == null ? BigDecimal.ZERO : s.c().technical(),
                        Comparator.reverseOrder());
            default -> Comparator.comparing((Scoredbid s) -> s.c().evaluated());
        };
        order = order.thenComparingLong(s -> s.c().receivedOrder());
        scored.sort(order);
        List<Ranked> ranked = new ArrayList<>();
        for (int i = 0; i < scored.size(); i++) {
            Scoredbid s = scored.get(i);
            ranked.add(new Ranked(s.c().company(), i + 1, s.c().evaluated(), s.financial(), s.combined()));
        }
        return ranked;
    }
}
