// SPDX-License-Identifier: Apache-2.0
package org.baobab.tendering.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code tendering_notice_step} table: which steps of the guided notice editor a draft has completed. */
@Repository
public class NoticeStepStore {

    private final JdbcClient jdbc;

    NoticeStepStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Marks the step completed (again: the latest completion is kept). */
    public void complete(UUID process, String step, String by, Instant at) {
        jdbc.sql("""
                        insert into tendering_notice_step (process_id, step, completed_by, completed_at)
                        values (:p, :s, :by, :at)
                        on conflict (process_id, step) do update
                            set completed_by = excluded.completed_by, completed_at = excluded.completed_at
                        """)
                .param("p", process)
                .param("s", step)
                .param("by", by)
                .param("at", Timestamp.from(at))
                .update();
    }

    public Set<String> completed(UUID process) {
        return new LinkedHashSet<>(
                jdbc.sql("select step from tendering_notice_step where process_id = :p order by step")
                        .param("p", process)
                        .query(String.class)
                        .list());
    }
}
