// SPDX-License-Identifier: Apache-2.0
package org.baobab.evaluation;

import java.util.Map;
import org.baobab.identity.CurrentUser;
import org.baobab.shared.BaobabException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The members' declarations of conflict of interest (docs/evaluation.md): each declares before seeing a bid; one who
 * declares a conflict takes no part.
 */
@Service
public class Declarations {

    private final EvaluationContext context;

    Declarations(EvaluationContext context) {
        this.context = context;
    }

    /** A member declares whether they have a conflict of interest with any bidder, before seeing the bids. */
    @Transactional
    public void declare(CurrentUser actor, String ocid, boolean conflict) {
        EvaluationContext.Locked locked = context.lock(ocid);
        Evaluation.Member member = locked.evaluation().member(actor.id());
        if (member == null) {
            throw new BaobabException(EvaluationErrorCode.NOT_MEMBER);
        }
        if (context.store().declare(locked.id(), actor.id(), conflict, context.now())) {
            context.publish(
                    actor, "evaluation.declared", ocid, Map.of("position", member.position(), "conflict", conflict));
        }
    }
}
