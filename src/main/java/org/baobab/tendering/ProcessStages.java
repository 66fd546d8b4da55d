// SPDX-License-Identifier: Apache-2.0
package org.baobab.tendering;

import java.util.Collection;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A module after tendering tells how far processes have gone in it, without tendering depending on it (as
 * {@link NoticeSection} does for the public notice page). The staff's list of processes shows the latest stage.
 */
public interface ProcessStages {

    /** The stage each of these processes (by ocid) has reached in this module; a process it has no stage for is absent. */
    Map<String, ProcessStage> stages(Collection<String> ocids);

    /**
     * One stage for every process a query of the module's own table finds among these: {@code sql} selects an
     * {@code ocid} column and binds the array {@code :ocids}.
     */
    static Map<String, ProcessStage> reached(
            JdbcClient jdbc, String sql, Collection<String> ocids, ProcessStage stage) {
        if (ocids.isEmpty()) {
            return Map.of();
        }
        return jdbc.sql(sql).param("ocids", ocids.toArray(String[]::new)).query(String.class).list().stream()
                .distinct()
                .collect(Collectors.toMap(Function.identity(), ocid -> stage));
    }
}
