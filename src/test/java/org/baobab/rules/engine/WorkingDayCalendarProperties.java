// SPDX-License-Identifier: Apache-2.0
package org.baobab.rules.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

class WorkingDayCalendarProperties {

    private final WorkingDayCalendar calendar = new WorkingDayCalendar(
            List.of(DayOfWeek.SATURDAY, DayOfWeek.SUNDAY),
            List.of(LocalDate.of(2026, 1, 1), LocalDate.of(2026, 4, 6), LocalDate.of(2026, 5, 1)),
            LocalDate.of(2026, 12, 31));

    @Property
    void theNthWorkingDayIsAWorkingDayWithExactlyNWorkingDaysBefore(
            @ForAll @IntRange(min = 0, max = 364) int offset, @ForAll @IntRange(min = 1, max = 60) int n) {
        LocalDate start = LocalDate.of(2026, 1, 1).plusDays(offset);

        LocalDate end = calendar.plusWorkingDays(start, n);

        assertThat(calendar.isWorkingDay(end)).isTrue();
        assertThat(end).isAfter(start);
        assertThat(calendar.workingDaysBetween(start, end)).isEqualTo(n);
    }

    @Property
    void clearWorkingDaysEndOneWorkingDayAfterWorkingDays(
            @ForAll @IntRange(min = 0, max = 364) int offset, @ForAll @IntRange(min = 0, max = 30) int n) {
        LocalDate start = LocalDate.of(2026, 1, 1).plusDays(offset);

        LocalDate working = calendar.lastDay(start, n, DayCount.WORKING);
        LocalDate clear = calendar.lastDay(start, n, DayCount.CLEAR_WORKING);

        assertThat(calendar.workingDaysBetween(working, clear)).isEqualTo(1);
        assertThat(calendar.isWorkingDay(clear)).isTrue();
    }
}
