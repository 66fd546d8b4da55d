// SPDX-License-Identifier: Apache-2.0
package org.baobab.opendata.ocds;

import java.time.Instant;
import java.util.List;

/**
 * An award: the decision to award (a lot of) the contract. {@code status} uses the awardStatus codelist: {@code pending}
 * (provisional award, not final yet), {@code active} (final), {@code cancelled}, {@code unsuccessful} (no responsive
 * bid for the lot). {@code suppliers} refer to entries of the release's {@code parties}; {@code relatedLots} to the
 * tender's lots (lots extension).
 */
public record Award(
        String id,
        String title,
        String description,
        String status,
        Instant date,
        Value value,
        List<OrganizationReference> suppliers,
        List<String> relatedLots) {

    public Award {
        suppliers = Ocds.list(suppliers);
        relatedLots = Ocds.list(relatedLots);
    }
}
