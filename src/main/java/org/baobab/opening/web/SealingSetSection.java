// SPDX-License-Identifier: Apache-2.0
package org.baobab.opening.web;

import java.util.Map;
import java.util.Optional;
import org.baobab.bidding.SealingSets;
import org.baobab.tendering.NoticeSection;
import org.baobab.tendering.ProcessView;
import org.springframework.stereotype.Component;

/**
 * The public notice shows the committee its bids are sealed to: k of n, and each member's key fingerprint by position.
 * Members are not named before the opening (the minutes name those present): a bidder can check the fingerprints in
 * an envelope's manifest without learning whom to pressure.
 */
@Component
class SealingSetSection implements NoticeSection {

    private final SealingSets sets;

    SealingSetSection(SealingSets sets) {
        this.sets = sets;
    }

    @Override
    public Optional<Content> forNotice(ProcessView notice) {
        return sets.forProcess(notice.ocid()).map(set -> new Content("opening/fragments", Map.of("set", set)));
    }
}
