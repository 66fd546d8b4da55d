// SPDX-License-Identifier: Apache-2.0
package org.baobab.opening.internal;

import java.util.List;
import org.baobab.opening.Committees;
import org.baobab.tendering.Finding;
import org.baobab.tendering.ProcessView;
import org.baobab.tendering.PublicationGate;
import org.springframework.stereotype.Component;

/** A notice is not published while its process has no possible opening committee to seal the bids to. */
@Component
class CommitteePublicationGate implements PublicationGate {

    private final Committees committees;

    CommitteePublicationGate(Committees committees) {
        this.committees = committees;
    }

    @Override
    public List<Finding> check(ProcessView process) {
        return committees.check(process);
    }
}
