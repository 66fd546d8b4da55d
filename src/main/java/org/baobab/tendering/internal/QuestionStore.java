// SPDX-License-Identifier: Apache-2.0
package org.baobab.tendering.internal;

import static org.baobab.tendering.internal.Sql.instant;
import static org.baobab.tendering.internal.Sql.nullableInstant;
import static org.baobab.tendering.internal.Sql.ts;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.baobab.tendering.Notices;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Clarification questions and their answers ({@code tendering_question}). */
@Repository
public class QuestionStore {

    private final JdbcClient jdbc;

    public QuestionStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void insert(UUID id, UUID processId, UUID askerOrg, String askedBy, String question, Instant at) {
        jdbc.sql("""
                        insert into tendering_question (id, process_id, asker_org, asked_by, question, asked_at)
                        values (:id, :processId, :org, :by, :question, :at)
                        """)
                .param("id", id)
                .param("processId", processId)
                .param("org", askerOrg)
                .param("by", askedBy)
                .param("question", question)
                .param("at", ts(at))
                .update();
    }

    /** Records the answer of a question not answered yet; false when there is no such open question. */
    public boolean answer(UUID processId, UUID questionId, String answer, String by, Instant at) {
        return jdbc.sql("""
                                update tendering_question set answer = :answer, answered_by = :by, answered_at = :at
                                where id = :id and process_id = :processId and answer is null
                                """)
                        .param("id", questionId)
                        .param("processId", processId)
                        .param("answer", answer)
                        .param("by", by)
                        .param("at", ts(at))
                        .update()
                == 1;
    }

    /** The questions a company asked on published notices, newest first. */
    public List<Notices.CompanyQuestion> askedBy(UUID organisationId, int limit) {
        return jdbc.sql("""
                        select p.ocid, p.title, q.question, q.asked_at, q.answered_at
                        from tendering_question q join tendering_process p on p.id = q.process_id
                        where q.asker_org = :o and p.published_at is not null
                        order by q.asked_at desc limit :limit
                        """)
                .param("o", organisationId)
                .param("limit", limit)
                .query((rs, i) -> new Notices.CompanyQuestion(
                        rs.getString("ocid"),
                        rs.getString("title"),
                        rs.getString("question"),
                        instant(rs, "asked_at"),
                        nullableInstant(rs, "answered_at")))
                .list();
    }
}
