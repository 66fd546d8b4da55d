// SPDX-License-Identifier: Apache-2.0
package org.baobab.tendering.internal;

import org.baobab.opendata.OpenData;
import org.springframework.stereotype.Component;

/**
 * Gives each procurement process its OCDS contracting-process identifier: the publisher's prefix, the country, the
 * year and a number without gaps, e.g. {@code ocds-baobab-SN-2026-00042}.
 */
@Component
public class OcidMinter {

    private final ProcessStore store;
    private final OpenData openData;

    OcidMinter(ProcessStore store, OpenData openData) {
        this.store = store;
        this.openData = openData;
    }

    public String mint(String country, int year) {
        return openData.ocid("%s-%d-%05d".formatted(country, year, store.nextOcidNumber(country, year)));
    }
}
