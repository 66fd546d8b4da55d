// SPDX-License-Identifier: Apache-2.0
package org.baobab.rules;

/**
 * How the days of a {@link TimeLimit} count: calendar days, working days ("jours ouvrables") or clear working days
 * ("jours francs et ouvrés", Senegal CMP 2022 art. 89), where neither the event day nor the last counted day is
 * counted.
 */
public enum DayUnit {
    CALENDAR,
    WORKING,
    CLEAR_WORKING
}
