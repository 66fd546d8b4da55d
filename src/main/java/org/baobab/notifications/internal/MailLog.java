// SPDX-License-Identifier: Apache-2.0
package org.baobab.notifications.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The sent-mail log: one row per mail, with its status. The body is kept only in demo mode (it may hold a one-time
 * link, which an administrator reading the log must not be able to use).
 */
@Repository
public class MailLog {

    private final JdbcClient jdbc;

    MailLog(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public record Entry(
            UUID id,
            String recipient,
            String template,
            String subject,
            String status,
            int attempts,
            Instant createdAt,
            @Nullable Instant sentAt,
            @Nullable String error,
            @Nullable String body) {}

    /**
     * Records one attempt. The same mail (same key) retried updates its row. In a transaction of its own: a failed
     * attempt is logged even though the listener's transaction rolls back to keep the publication incomplete.
     */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void record(
            String key,
            String recipient,
            String template,
            String subject,
            String status,
            @Nullable String error,
            @Nullable String body,
            Instant at) {
        jdbc.sql("""
                insert into notifications_mail_log (id, mail_key, recipient, template, subject, status, attempts,
                                                    created_at, sent_at, error, body)
                values (:id, :key, :recipient, :template, :subject, :status, 1, :at,
                        cast(:sentAt as timestamptz), :error, :body)
                on conflict (mail_key) do update set status = excluded.status,
                    attempts = notifications_mail_log.attempts + 1, sent_at = excluded.sent_at,
                    error = excluded.error, body = excluded.body""")
                .param("id", UUID.randomUUID())
                .param("key", key)
                .param("recipient", recipient)
                .param("template", template)
                .param("subject", subject)
                .param("status", status)
                .param("error", error)
                .param("body", body)
                .param("at", Timestamp.from(at))
                .param("sentAt", "SENT".equals(status) ? Timestamp.from(at) : null)
                .update();
    }

    public List<Entry> latest(int limit) {
        return search(null, null, limit, 0);
    }

    /**
     * The mails whose recipient contains {@code recipient} (any case) and whose status is {@code status}, each filter
     * only if given, newest first, one page.
     */
    public List<Entry> search(@Nullable String recipient, @Nullable String status, int limit, int offset) {
        return jdbc.sql("""
                select id, recipient, template, subject, status, attempts, created_at, sent_at, error, body
                from notifications_mail_log
                where (cast(:recipient as text) is null or strpos(lower(recipient), lower(:recipient)) > 0)
                  and (cast(:status as text) is null or status = :status)
                order by created_at desc, id limit :limit offset :offset""")
                .param("recipient", recipient)
                .param("status", status)
                .param("limit", limit)
                .param("offset", offset)
                .query((rs, n) -> {
                    Timestamp sent = rs.getTimestamp("sent_at");
                    return new Entry(
                            rs.getObject("id", UUID.class),
                            rs.getString("recipient"),
                            rs.getString("template"),
                            rs.getString("subject"),
                            rs.getString("status"),
                            rs.getInt("attempts"),
                            rs.getTimestamp("created_at").toInstant(),
                            sent == null ? null : sent.toInstant(),
                            rs.getString("error"),
                            rs.getString("body"));
                })
                .list();
    }
}
