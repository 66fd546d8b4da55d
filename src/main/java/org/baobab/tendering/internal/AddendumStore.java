// SPDX-License-Identifier: Apache-2.0
package org.baobab.tendering.internal;

import static org.baobab.tendering.internal.Sql.ts;

import java.util.UUID;
import org.baobab.tendering.ProcessView;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The addenda of published notices ({@code tendering_addendum}), numbered from 1 per process, never changed. */
@Repository
public class AddendumStore {

    private final JdbcClient jdbc;

    public AddendumStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The next number; the caller holds the process's row lock, so two addenda never get the same one. */
    public int nextNumber(UUID processId) {
        return jdbc.sql("select coalesce(max(number), 0) + 1 from tendering_addendum where process_id = :id")
                .param("id", processId)
                .query(Integer.class)
                .single();
    }

    public void insert(UUID processId, ProcessView.Addendum a, String by) {
        jdbc.sql("""
                        insert into tendering_addendum (process_id, number, description, previous_deadline,
                            new_deadline, new_opening_at, published_by, published_at)
                        values (:processId, :number, :description, :previous, :deadline, :opening, :by, :at)
                        """)
                .param("processId", processId)
                .param("number", a.number())
                .param("description", a.description())
                .param("previous", ts(a.previousDeadline()))
                .param("deadline", ts(a.newDeadline()))
                .param("opening", ts(a.newOpeningAt()))
                .param("by", by)
                .param("at", ts(a.publishedAt()))
                .update();
    }
}
