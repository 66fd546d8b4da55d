// SPDX-License-Identifier: Apache-2.0
package org.baobab.evaluation;

import java.util.Map;
import org.baobab.shared.ProcessEvent;
import org.jspecify.annotations.Nullable;

/**
 * A step of an evaluation, published inside its transaction so that the audit module journals it. The payload holds
 * the facts of the step (who, which bidder and criterion, the mark or amount), never a file's content.
 *
 * @param action {@code evaluation.started}, {@code evaluation.declared}, {@code evaluation.marked},
 *     {@code evaluation.submitted}, {@code evaluation.settled}, {@code evaluation.technical-settled},
 *     {@code evaluation.financial-opening}, {@code evaluation.priced}, {@code evaluation.report-generated},
 *     {@code evaluation.report-approved-by}, {@code evaluation.report-approved}
 */
public record EvaluationEvent(
        String actor, @Nullable String organisation, String action, String ocid, Map<String, Object> payload)
        implements ProcessEvent {

    public EvaluationEvent {
        payload = Map.copyOf(payload);
    }
}
