// SPDX-License-Identifier: Apache-2.0
package org.baobab.award;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.baobab.award.Recommendation.BidderResult;
import org.baobab.award.Recommendation.LotResult;
import org.baobab.shared.BaobabException;

/**
 * The award's checks and arithmetic (plain Java): a complete recommendation, the amount a prior review threshold is
 * compared with, and the standstill's last day.
 */
final class AwardRules {

    static final int MAX_TEXT = 8000;
    private static final Set<String> OUTCOMES = Set.of("recommended", "ranked", "rejected", "disqualified");

    private AwardRules() {}

    /**
     * Refuses an incomplete recommendation ({@code AWARD-0014}): no lot, a winner without an amount or a name, a
     * currency that is not a code, an unknown outcome, a lot the notice does not have (a notice without lots has one,
     * named {@code ""}).
     *
     * @param noticeLots the notice's lot numbers, empty for a notice without lots
     */
    static void validate(Recommendation r, List<String> noticeLots) {
        if (r.lots().isEmpty()) {
            throw invalid("lots");
        }
        for (LotResult l : r.lots()) {
            if (l.winnerId() != null && (l.amount() == null || l.amount().signum() <= 0 || l.winnerName() == null)) {
                throw invalid("lot " + l.lot());
            }
            if (!l.currency().matches("[A-Z]{3}")) {
                throw invalid("currency");
            }
        }
        for (BidderResult b : r.bidders()) {
            if (!OUTCOMES.contains(b.outcome())) {
                throw invalid(b.outcome());
            }
            if (b.lots().stream().anyMatch(l -> l.contains(","))) {
                throw invalid("lots");
            }
        }
        for (LotResult l : r.lots()) {
            boolean known = noticeLots.isEmpty() ? l.lot().isEmpty() : noticeLots.contains(l.lot());
            if (!known) {
                throw invalid("lot " + l.lot());
            }
        }
    }

    /** The amount awarded: the sum of the winners' amounts over the lots. */
    static BigDecimal total(Recommendation r) {
        return r.lots().stream()
                .map(LotResult::amount)
                .filter(Objects::nonNull)
                .reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    /**
     * The standstill's last day: the pack's, never shorter than the window to complain against the award, whatever
     * the pack says.
     */
    static LocalDate standstillEnds(LocalDate standstillLastDay, LocalDate complainBy) {
        return standstillLastDay.isBefore(complainBy) ? complainBy : standstillLastDay;
    }

    /** Refuses a text longer than the award keeps ({@code AWARD-0013}). */
    static void limit(String text) {
        if (text.length() > MAX_TEXT) {
            throw new BaobabException(AwardErrorCode.REQUIRED, "length");
        }
    }

    private static BaobabException invalid(String what) {
        return new BaobabException(AwardErrorCode.INVALID_RECOMMENDATION, what);
    }
}
