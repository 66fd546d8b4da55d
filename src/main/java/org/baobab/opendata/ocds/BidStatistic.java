// SPDX-License-Identifier: Apache-2.0
package org.baobab.opendata.ocds;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * A statistic about the bids (bid extension): {@code measure} from the bidStatistics codelist ({@code bids},
 * {@code validBids}, {@code disqualifiedBids}…), its {@code value} and the lot it concerns, if any.
 */
public record BidStatistic(String id, String measure, Instant date, BigDecimal value, String relatedLot) {}
