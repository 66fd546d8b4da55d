// SPDX-License-Identifier: Apache-2.0
package org.baobab.rules.internal;

import static org.baobab.rules.internal.PackDocument.REQUIRED;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.List;
import org.baobab.rules.Confidence;
import org.baobab.rules.internal.PackDocument.Basis;
import org.baobab.rules.internal.PackDocument.Sourced;
import org.baobab.rules.internal.PackDocument.Text;
import org.jspecify.annotations.Nullable;

/**
 * A country's {@code calendar.yaml} as written: the weekend and the public holidays of the years it covers, bound and
 * validated like {@link PackDocument}.
 */
public record CalendarDocument(
        @Size(max = 6, message = "leaves no working day") List<DayOfWeek> weekend,

        @NotNull(message = REQUIRED)
        @Min(value = 1900, message = "must be a year (1900–2999)")
        @Max(value = 2999, message = "must be a year (1900–2999)")
        Integer firstYear,

        @NotNull(message = REQUIRED)
        @Min(value = 1900, message = "must be a year (1900–2999)")
        @Max(value = 2999, message = "must be a year (1900–2999)")
        Integer lastYear,

        List<@Valid Holiday> holidays) {

    public CalendarDocument {
        weekend = PackDocument.orEmpty(weekend);
        holidays = PackDocument.orEmpty(holidays);
    }

    /**
     * A public holiday: a fixed day of every year ({@code everyYear: "04-04"}) or the dates of a movable feast, one per
     * year.
     */
    public record Holiday(
            @NotNull(message = REQUIRED) @Valid Text name,

            @Nullable @Pattern(regexp = "\\d\\d-\\d\\d", message = "is not a day of the year of the form MM-DD")
            String everyYear,

            List<LocalDate> dates,
            @NotNull(message = REQUIRED) @Valid Basis legalBasis,
            @NotNull(message = REQUIRED) LocalDate validFrom,
            @NotNull(message = REQUIRED) Confidence confidence,
            @Nullable @Valid Text note)
            implements Sourced {

        public Holiday {
            dates = PackDocument.orEmpty(dates);
        }
    }
}
