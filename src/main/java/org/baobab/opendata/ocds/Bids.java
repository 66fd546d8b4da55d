// SPDX-License-Identifier: Apache-2.0
package org.baobab.opendata.ocds;

import java.util.List;

/**
 * The bids of the tender (OCDS bid extension): summary {@code statistics} ({@code bids}, {@code validBids}… per lot)
 * and the {@code details} of each bid. Only what is public goes here: who bid, the amount read at the public opening and
 * whether the bid was found valid; never the evaluation's reasons or scores.
 */
public record Bids(List<BidStatistic> statistics, List<BidDetail> details) {

    public Bids {
        statistics = Ocds.list(statistics);
        details = Ocds.list(details);
    }
}
