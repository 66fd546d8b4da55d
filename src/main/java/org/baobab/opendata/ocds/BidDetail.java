// SPDX-License-Identifier: Apache-2.0
package org.baobab.opendata.ocds;

import java.time.Instant;
import java.util.List;

/**
 * One bid (bid extension): {@code status} from the bidStatus codelist ({@code valid}, {@code disqualified},
 * {@code pending}, {@code withdrawn}), its {@code tenderers} (entries of the release's {@code parties}) and its
 * {@code value}: the amount read at the public opening.
 */
public record BidDetail(
        String id,
        Instant date,
        String status,
        List<OrganizationReference> tenderers,
        Value value,
        List<String> relatedLots) {

    public BidDetail {
        tenderers = Ocds.list(tenderers);
        relatedLots = Ocds.list(relatedLots);
    }
}
