// SPDX-License-Identifier: Apache-2.0
package org.baobab.tendering.internal;

import static org.baobab.tendering.internal.Sql.ts;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.baobab.tendering.NoticeSummary;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Who follows which notice ({@code tendering_follower}): a set of (process, user) pairs. */
@Repository
public class FollowerStore {

    private final JdbcClient jdbc;

    public FollowerStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void follow(UUID processId, UUID userId, Instant now) {
        jdbc.sql("""
                        insert into tendering_follower (process_id, user_id, followed_at) values (:p, :u, :now)
                        on conflict do nothing
                        """)
                .param("p", processId)
                .param("u", userId)
                .param("now", ts(now))
                .update();
    }

    public void unfollow(UUID processId, UUID userId) {
        jdbc.sql("delete from tendering_follower where process_id = :p and user_id = :u")
                .param("p", processId)
                .param("u", userId)
                .update();
    }

    public List<UUID> followers(UUID processId) {
        return jdbc.sql("select user_id from tendering_follower where process_id = :p order by followed_at")
                .param("p", processId)
                .query(UUID.class)
                .list();
    }

    public boolean follows(UUID processId, UUID userId) {
        return jdbc.sql("select count(*) from tendering_follower where process_id = :p and user_id = :u")
                        .param("p", processId)
                        .param("u", userId)
                        .query(Long.class)
                        .single()
                > 0;
    }

    /** The published notices a user follows, nearest deadline first (those without one last). */
    public List<NoticeSummary> followedBy(UUID userId, int limit) {
        return jdbc.sql("select " + Summaries.COLUMNS + """
                        from tendering_process p join tendering_follower f on f.process_id = p.id
                        where f.user_id = :u and p.published_at is not null
                        order by p.submission_deadline nulls last, p.ocid limit :limit
                        """)
                .param("u", userId)
                .param("limit", limit)
                .query(Summaries::summary)
                .list();
    }
}
