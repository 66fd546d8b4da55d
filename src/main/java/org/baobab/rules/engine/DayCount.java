// SPDX-License-Identifier: Apache-2.0
package org.baobab.rules.engine;

/**
 * How the days of a time limit are counted. Procurement codes distinguish plain days ("jours"), working days
 * ("jours ouvrables / ouvrés") and clear working days ("jours francs et ouvrés", e.g. Senegal CMP 2022 art. 89), where
 * neither the day of the triggering event nor the day the count ends is counted.
 */
public enum DayCount {
    /** Every day counts; the limit ends {@code n} days after the event. */
    CALENDAR,
    /** Only working days count; the limit ends on the {@code n}-th working day after the event. */
    WORKING,
    /**
     * Clear working days: the event day is not counted and the {@code n}-th working day is not either, so the last day
     * to act is the working day that follows it.
     */
    CLEAR_WORKING
}
