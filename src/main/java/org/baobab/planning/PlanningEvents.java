// SPDX-License-Identifier: Apache-2.0
package org.baobab.planning;

import java.util.Map;
import org.baobab.shared.AuditableEvent;
import org.jspecify.annotations.Nullable;

/** What happens to a procurement plan, journalled by the audit module in the transaction of the change. */
public final class PlanningEvents {

    private PlanningEvents() {}

    /**
     * One change of a plan revision: {@code action} names it ({@code planning.plan-created}, {@code .line-saved},
     * {@code .line-removed}, {@code .lines-imported}, {@code .plan-validated}, {@code .plan-published},
     * {@code .plan-revised}, {@code .line-launched}).
     */
    public record PlanChanged(
            String actor,
            String organisation,
            String action,
            String planId,
            @Nullable String legalReason,
            Map<String, Object> payload)
            implements AuditableEvent {

        public PlanChanged {
            payload = Map.copyOf(payload);
        }

        @Override
        public String subjectType() {
            return "procurement-plan";
        }

        @Override
        public String subjectId() {
            return planId;
        }
    }
}
