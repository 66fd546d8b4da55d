// SPDX-License-Identifier: Apache-2.0
package org.baobab.evaluation.internal;

import java.util.Collection;
import java.util.Map;
import org.baobab.tendering.ProcessStage;
import org.baobab.tendering.ProcessStages;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The processes whose evaluation started. */
@Component
class EvaluationStages implements ProcessStages {

    private final JdbcClient jdbc;

    EvaluationStages(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Map<String, ProcessStage> stages(Collection<String> ocids) {
        return ProcessStages.reached(
                jdbc,
                "select ocid from evaluation_evaluation where ocid = any(:ocids)",
                ocids,
                ProcessStage.UNDER_EVALUATION);
    }
}
