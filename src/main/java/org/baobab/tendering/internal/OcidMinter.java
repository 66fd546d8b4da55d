// SPDX-License-Identifier: Apache-2.0
package org.baobab.tendering.internal;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Gives each procurement process its OCDS contracting-process identifier: the publisher's prefix, the country, the
 * year and a number without gaps, e.g. {@code ocds-baobab-SN-2026-00042}.
 */
@Component
public class OcidMinter {

    private final ProcessStore store;
    private final String prefix;

    OcidMinter(ProcessStore store, @Value("${baobab.opendata.ocid-prefix:ocds-baobab}") String prefix) {
        this.store = store;
        this.prefix = prefix;
    }

    public String mint(String country, int year) {
        return "%s-%s-%d-%05d".formatted(prefix, country, year, store.nextOcidNumber(country, year));
    }
}
