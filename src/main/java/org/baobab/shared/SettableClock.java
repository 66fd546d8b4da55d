// SPDX-License-Identifier: Apache-2.0
package org.baobab.shared;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.jspecify.annotations.Nullable;

/**
 * The platform's clock: the system's UTC time, unless stopped at an instant. Only the demo history stops it, while it
 * replays the demo processes at startup at the instants they would have happened (so that deadlines, standstills and
 * complaint windows are counted by the real services); the tests stop it to fix the time. Nothing else may.
 */
public class SettableClock extends Clock {

    private static final Clock SYSTEM = Clock.systemUTC();

    private volatile @Nullable Instant fixed;

    /** From now on, the time is {@code instant} until {@link #release()}. */
    public void stopAt(Instant instant) {
        fixed = instant;
    }

    /** The system's time again. */
    public void release() {
        fixed = null;
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        Instant at = fixed;
        return at == null ? Clock.system(zone) : Clock.fixed(at, zone);
    }

    @Override
    public Instant instant() {
        Instant at = fixed;
        return at == null ? SYSTEM.instant() : at;
    }
}
