// SPDX-License-Identifier: Apache-2.0
package org.baobab.rules;

import java.time.LocalDate;

/**
 * The result of counting a {@link TimeLimit} from an event: the last day on which one may act. When
 * {@code holidaysKnown} is false, the count crossed a year whose movable holidays the pack does not list, and callers
 * must present the day as approximate; when the limit is not {@linkplain TimeLimit#enforceable() enforceable}, they
 * must only warn.
 */
public record Deadline(TimeLimit limit, LocalDate event, LocalDate lastDay, boolean holidaysKnown) {

    /** Whether the platform may block on this deadline (verified rule, known holidays). */
    public boolean enforceable() {
        return limit.enforceable() && holidaysKnown;
    }
}
