// SPDX-License-Identifier: Apache-2.0
package org.baobab.rules;

import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/**
 * A legal time limit: a minimum bid period, a complaint window, a deadline for the authority to answer. Counted in
 * {@link DayUnit}s over the country's {@link HolidayCalendar} by {@link RulePack#lastDay(TimeLimit, LocalDate)}.
 *
 * @param code stable key within the pack, e.g. {@code MIN_BID_PERIOD_NATIONAL}
 * @param kind whether the limit is a minimum (at least) or a maximum (at most)
 * @param startsFrom the event the count starts from
 */
public record TimeLimit(
        String code,
        LocalizedText name,
        int amount,
        DayUnit unit,
        Kind kind,
        LocalizedText startsFrom,
        LegalBasis legalBasis,
        LocalDate validFrom,
        Confidence confidence,
        @Nullable LocalizedText note)
        implements Ruled {

    /** A floor that must be respected (e.g. at least 30 days of bid period) or a ceiling for acting. */
    public enum Kind {
        MINIMUM,
        MAXIMUM
    }
}
