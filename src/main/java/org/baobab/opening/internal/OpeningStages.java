// SPDX-License-Identifier: Apache-2.0
package org.baobab.opening.internal;

import java.util.Collection;
import java.util.Map;
import org.baobab.tendering.ProcessStage;
import org.baobab.tendering.ProcessStages;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The processes whose bids were opened (an opening session started). */
@Component
class OpeningStages implements ProcessStages {

    private final JdbcClient jdbc;

    OpeningStages(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Map<String, ProcessStage> stages(Collection<String> ocids) {
        return ProcessStages.reached(
                jdbc, "select distinct ocid from opening_session where ocid = any(:ocids)", ocids, ProcessStage.OPENED);
    }
}
