// SPDX-License-Identifier: Apache-2.0
package org.baobab.rules.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class WorkingDayCalendarTests {

    // Senegal-like: weekend Saturday-Sunday, Independence Day Friday 4 April 2025, Easter Monday 21 April 2025
    private final WorkingDayCalendar calendar = new WorkingDayCalendar(
            List.of(DayOfWeek.SATURDAY, DayOfWeek.SUNDAY),
            List.of(LocalDate.of(2025, 4, 4), LocalDate.of(2025, 4, 21)),
            LocalDate.of(2025, 12, 31));

    @Test
    void weekendsAndHolidaysAreNotWorkingDays() {
        assertThat(calendar.isWorkingDay(LocalDate.of(2025, 4, 3))).isTrue(); // Thursday
        assertThat(calendar.isWorkingDay(LocalDate.of(2025, 4, 4))).isFalse(); // holiday
        assertThat(calendar.isWorkingDay(LocalDate.of(2025, 4, 5))).isFalse(); // Saturday
        assertThat(calendar.isWorkingDay(LocalDate.of(2025, 4, 6))).isFalse(); // Sunday
        assertThat(calendar.nextWorkingDay(LocalDate.of(2025, 4, 3))).isEqualTo(LocalDate.of(2025, 4, 7));
    }

    @Test
    void workingDaysSkipWeekendsAndHolidays() {
        // from Thursday 17 April: Fri 18, (weekend), (Easter Monday), Tue 22, Wed 23
        assertThat(calendar.plusWorkingDays(LocalDate.of(2025, 4, 17), 3)).isEqualTo(LocalDate.of(2025, 4, 23));
        assertThat(calendar.lastDay(LocalDate.of(2025, 4, 17), 3, DayCount.WORKING))
                .isEqualTo(LocalDate.of(2025, 4, 23));
        assertThat(calendar.plusWorkingDays(LocalDate.of(2025, 4, 17), 0)).isEqualTo(LocalDate.of(2025, 4, 17));
    }

    @Test
    void clearWorkingDaysEndTheWorkingDayAfter() {
        // 5 clear working days from Wednesday 2 April: Thu 3, Mon 7, Tue 8, Wed 9, Thu 10 -> act until Fri 11
        assertThat(calendar.lastDay(LocalDate.of(2025, 4, 2), 5, DayCount.CLEAR_WORKING))
                .isEqualTo(LocalDate.of(2025, 4, 11));
    }

    @Test
    void calendarDaysCountEveryDay() {
        assertThat(calendar.lastDay(LocalDate.of(2025, 3, 20), 30, DayCount.CALENDAR))
                .isEqualTo(LocalDate.of(2025, 4, 19));
    }

    @Test
    void countsWorkingDaysBetweenTwoDates() {
        assertThat(calendar.workingDaysBetween(LocalDate.of(2025, 4, 2), LocalDate.of(2025, 4, 10)))
                .isEqualTo(5);
    }

    @Test
    void refusesNonsense() {
        assertThatThrownBy(() -> calendar.plusWorkingDays(LocalDate.of(2025, 1, 1), -1))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new WorkingDayCalendar(List.of(DayOfWeek.values()), List.of(), LocalDate.MAX))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
