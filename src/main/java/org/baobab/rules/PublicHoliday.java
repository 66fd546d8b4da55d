// SPDX-License-Identifier: Apache-2.0
package org.baobab.rules;

import java.time.LocalDate;
import java.time.MonthDay;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A public holiday: either on the same day every year ({@code everyYear}), or a movable (religious) feast given as its
 * list of known {@code dates}, since Islamic feasts follow the observed moon and are fixed by the authorities each
 * year.
 */
public record PublicHoliday(
        LocalizedText name,
        @Nullable MonthDay everyYear,
        List<LocalDate> dates,
        LegalBasis legalBasis,
        LocalDate validFrom,
        Confidence confidence,
        @Nullable LocalizedText note)
        implements Ruled {

    public PublicHoliday {
        dates = List.copyOf(dates);
    }
}
