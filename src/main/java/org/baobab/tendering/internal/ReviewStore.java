// SPDX-License-Identifier: Apache-2.0
package org.baobab.tendering.internal;

import static org.baobab.tendering.internal.Sql.ts;

import java.time.Instant;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The rounds of prior review by the control body ({@code tendering_review}); each round is kept. */
@Repository
public class ReviewStore {

    private final JdbcClient jdbc;

    public ReviewStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void insert(UUID id, UUID processId, String by, Instant at) {
        jdbc.sql("""
                        insert into tendering_review (id, process_id, submitted_by, submitted_at)
                        values (:id, :processId, :by, :at)
                        """)
                .param("id", id)
                .param("processId", processId)
                .param("by", by)
                .param("at", ts(at))
                .update();
    }

    /** Decides the open round of the process. */
    public void decide(UUID processId, String decision, String comments, String by, Instant at) {
        jdbc.sql("""
                        update tendering_review set decision = :decision, comments = :comments, decided_by = :by,
                            decided_at = :at
                        where process_id = :processId and decision is null
                        """)
                .param("processId", processId)
                .param("decision", decision)
                .param("comments", comments)
                .param("by", by)
                .param("at", ts(at))
                .update();
    }
}
