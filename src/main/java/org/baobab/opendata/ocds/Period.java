// SPDX-License-Identifier: Apache-2.0
package org.baobab.opendata.ocds;

import java.time.Instant;

/** A period of time; any bound may be unknown. */
public record Period(Instant startDate, Instant endDate, Instant maxExtentDate, Integer durationInDays) {

    public static Period between(Instant startDate, Instant endDate) {
        return new Period(startDate, endDate, null, null);
    }
}
