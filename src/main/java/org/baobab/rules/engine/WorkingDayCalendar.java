// SPDX-License-Identifier: Apache-2.0
package org.baobab.rules.engine;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.Collection;
import java.util.EnumSet;
import java.util.Set;
import java.util.TreeSet;

/**
 * A country's working days: every day except its weekend days and its public holidays. Time limits counted in working
 * days ("jours ouvrables") depend on it, so that a bidder in Dakar and one in Yaoundé get the legal delay of their own
 * country. Holidays are known only up to {@link #knownUntil()} (movable religious holidays are listed year by year);
 * counting beyond that date is still done, but callers should warn that the result may be off.
 */
public final class WorkingDayCalendar {

    /** A working week of Monday to Friday and no holidays: the fallback when a country has no calendar. */
    public static final WorkingDayCalendar MONDAY_TO_FRIDAY =
            new WorkingDayCalendar(EnumSet.of(DayOfWeek.SATURDAY, DayOfWeek.SUNDAY), Set.of(), LocalDate.MIN);

    private static final int SAFETY_LIMIT_DAYS = 10_000;

    private final Set<DayOfWeek> weekend;
    private final TreeSet<LocalDate> holidays;
    private final LocalDate knownUntil;

    public WorkingDayCalendar(Collection<DayOfWeek> weekend, Collection<LocalDate> holidays, LocalDate knownUntil) {
        if (weekend.size() >= 7) {
            throw new IllegalArgumentException("A week needs at least one working day");
        }
        this.weekend = weekend.isEmpty() ? EnumSet.noneOf(DayOfWeek.class) : EnumSet.copyOf(weekend);
        this.holidays = new TreeSet<>(holidays);
        this.knownUntil = knownUntil;
    }

    public boolean isWorkingDay(LocalDate day) {
        return !weekend.contains(day.getDayOfWeek()) && !holidays.contains(day);
    }

    public boolean isHoliday(LocalDate day) {
        return holidays.contains(day);
    }

    /** The last day for which every holiday is known. */
    public LocalDate knownUntil() {
        return knownUntil;
    }

    /** The first working day strictly after {@code day}. */
    public LocalDate nextWorkingDay(LocalDate day) {
        LocalDate next = day.plusDays(1);
        for (int guard = 0; !isWorkingDay(next); guard++) {
            if (guard > SAFETY_LIMIT_DAYS) {
                throw new IllegalStateException("No working day within " + SAFETY_LIMIT_DAYS + " days of " + day);
            }
            next = next.plusDays(1);
        }
        return next;
    }

    /** The {@code n}-th working day after {@code start} ({@code start} itself never counts); {@code start} if n = 0. */
    public LocalDate plusWorkingDays(LocalDate start, int n) {
        if (n < 0) {
            throw new IllegalArgumentException("A number of working days cannot be negative: " + n);
        }
        LocalDate day = start;
        for (int i = 0; i < n; i++) {
            day = nextWorkingDay(day);
        }
        return day;
    }

    /** Working days strictly after {@code from} and up to {@code to} inclusive. */
    public int workingDaysBetween(LocalDate from, LocalDate to) {
        int count = 0;
        for (LocalDate day = from.plusDays(1); !day.isAfter(to); day = day.plusDays(1)) {
            if (isWorkingDay(day)) {
                count++;
            }
        }
        return count;
    }

    /**
     * The last day on which one may still act when a time limit of {@code amount} days, counted as {@code count},
     * starts on the day of {@code event}.
     */
    public LocalDate lastDay(LocalDate event, int amount, DayCount count) {
        if (amount < 0) {
            throw new IllegalArgumentException("A time limit cannot be negative: " + amount);
        }
        return switch (count) {
            case CALENDAR -> event.plusDays(amount);
            case WORKING -> plusWorkingDays(event, amount);
            case CLEAR_WORKING -> nextWorkingDay(plusWorkingDays(event, amount));
        };
    }
}
