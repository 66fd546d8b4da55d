// SPDX-License-Identifier: Apache-2.0
package org.baobab.award.internal;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import org.baobab.tendering.ProcessStage;
import org.baobab.tendering.ProcessStages;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The processes whose award is published: provisional during the standstill, then final. */
@Component
class AwardStages implements ProcessStages {

    private final JdbcClient jdbc;

    AwardStages(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Map<String, ProcessStage> stages(Collection<String> ocids) {
        Map<String, ProcessStage> stages = new HashMap<>();
        if (ocids.isEmpty()) {
            return stages;
        }
        jdbc.sql("select ocid, status from award_award where ocid = any(:ocids) and status in ('PROVISIONAL', 'FINAL')")
                .param("ocids", ocids.toArray(String[]::new))
                .query(rs -> {
                    stages.put(
                            rs.getString("ocid"),
                            rs.getString("status").equals("FINAL")
                                    ? ProcessStage.AWARDED
                                    : ProcessStage.PROVISIONALLY_AWARDED);
                });
        return stages;
    }
}
