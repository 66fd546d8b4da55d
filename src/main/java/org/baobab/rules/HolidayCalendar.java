// SPDX-License-Identifier: Apache-2.0
package org.baobab.rules;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.baobab.rules.engine.WorkingDayCalendar;

/**
 * A country's weekend and public holidays, used to count working days. Movable holidays are listed only for the years
 * {@code firstYear} to {@code lastYear}; beyond them working-day counts are approximate and the pack says so.
 */
public record HolidayCalendar(List<DayOfWeek> weekend, List<PublicHoliday> holidays, int firstYear, int lastYear) {

    public HolidayCalendar {
        weekend = List.copyOf(weekend);
        holidays = List.copyOf(holidays);
    }

    /** Every holiday date from {@code firstYear} to {@code lastYear}. */
    public List<LocalDate> holidayDates() {
        List<LocalDate> dates = new ArrayList<>();
        for (PublicHoliday holiday : holidays) {
            if (holiday.everyYear() != null) {
                for (int year = firstYear; year <= lastYear; year++) {
                    dates.add(holiday.everyYear().atYear(year));
                }
            }
            dates.addAll(holiday.dates());
        }
        return dates;
    }

    /** Whether every holiday of this day's year is known. */
    public boolean covers(LocalDate day) {
        return day.getYear() >= firstYear && day.getYear() <= lastYear;
    }

    WorkingDayCalendar workingDays() {
        return new WorkingDayCalendar(weekend, holidayDates(), LocalDate.of(lastYear, 12, 31));
    }
}
