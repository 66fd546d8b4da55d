// SPDX-License-Identifier: Apache-2.0
package org.baobab.opendata.ocds;

import java.math.BigDecimal;
import java.util.List;

/**
 * A good, service or work to be bought, classified by its main code and any other codes; {@code relatedLot} is the
 * {@code id} of its lot (lots extension).
 */
public record Item(
        String id,
        String description,
        Classification classification,
        List<Classification> additionalClassifications,
        BigDecimal quantity,
        Unit unit,
        String relatedLot) {

    /** An item with one classification only. */
    public Item(
            String id,
            String description,
            Classification classification,
            BigDecimal quantity,
            Unit unit,
            String relatedLot) {
        this(id, description, classification, List.of(), quantity, unit, relatedLot);
    }
}
