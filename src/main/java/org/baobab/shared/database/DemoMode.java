// SPDX-License-Identifier: Apache-2.0
package org.baobab.shared.database;

import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;
import org.springframework.util.StringUtils;

/**
 * Whether this instance runs as a demonstration: demo organisations and accounts are loaded, and the login page lists
 * them. On by default with the embedded database, off with an external one unless {@code BAOBAB_DEMO=true}. Never
 * turn it on in production: demo accounts have published passwords.
 */
@Component
public class DemoMode {

    private final boolean enabled;

    DemoMode(Environment environment) {
        String explicit = environment.getProperty("baobab.demo");
        this.enabled = StringUtils.hasText(explicit)
                ? Boolean.parseBoolean(explicit)
                : !StringUtils.hasText(environment.getProperty("baobab.db.url"));
    }

    public boolean enabled() {
        return enabled;
    }
}
