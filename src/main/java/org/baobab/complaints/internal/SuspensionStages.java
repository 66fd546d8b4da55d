// SPDX-License-Identifier: Apache-2.0
package org.baobab.complaints.internal;

import java.util.Collection;
import java.util.Map;
import org.baobab.tendering.ProcessStage;
import org.baobab.tendering.ProcessStages;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The processes the regulator suspended, the suspension not lifted yet. */
@Component
class SuspensionStages implements ProcessStages {

    private final JdbcClient jdbc;

    SuspensionStages(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Map<String, ProcessStage> stages(Collection<String> ocids) {
        return ProcessStages.reached(
                jdbc,
                "select distinct ocid from complaints_suspension where lifted_at is null and ocid = any(:ocids)",
                ocids,
                ProcessStage.SUSPENDED);
    }
}
