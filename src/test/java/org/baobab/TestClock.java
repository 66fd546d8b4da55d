// SPDX-License-Identifier: Apache-2.0
package org.baobab;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.jspecify.annotations.Nullable;
import org.springframework.context.annotation.Primary;
import org.springframework.stereotype.Component;

/**
 * The clock of the integration tests: the system's UTC clock, unless a test stops it at an instant (a deadline to the
 * millisecond). Every test that stops it lets it go in a {@code finally} block: the tests share one context.
 */
@Component
@Primary
public class TestClock extends Clock {

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
        return at == null ? Instant.now() : at;
    }
}
