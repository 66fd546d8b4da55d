// SPDX-License-Identifier: Apache-2.0
package org.baobab.opendata.ocds;

import java.math.BigDecimal;

/** A good, service or work to be bought; {@code relatedLot} is the {@code id} of its lot (lots extension). */
public record Item(
        String id,
        String description,
        Classification classification,
        BigDecimal quantity,
        Unit unit,
        String relatedLot) {}
