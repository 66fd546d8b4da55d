// SPDX-License-Identifier: Apache-2.0
package org.baobab.demo.internal;

import org.baobab.shared.database.DemoMode;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * Whether the demo is still being prepared: in demo mode, from the start until the demo history is played (or found
 * already played). Meanwhile this indicator ({@code demoHistory}, part of the readiness group) answers OUT_OF_SERVICE,
 * and every page shows « la démonstration se prépare… ».
 */
@Component("demoHistoryHealthIndicator")
public class DemoHistoryProgress implements HealthIndicator {

    private volatile boolean preparing;

    DemoHistoryProgress(DemoMode demoMode) {
        this.preparing = demoMode.enabled();
    }

    void started() {
        preparing = true;
    }

    void finished() {
        preparing = false;
    }

    /** Whether the demo data is still being written. */
    public boolean preparing() {
        return preparing;
    }

    @Override
    public Health health() {
        return preparing
                ? Health.outOfService()
                        .withDetail("demo", "the demonstration is being prepared")
                        .build()
                : Health.up().build();
    }
}
