// SPDX-License-Identifier: Apache-2.0
package org.baobab.notifications.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * The in-app notifications of the users: one row per user per fact. The text is not stored, only its message key and
 * its arguments, so that each reader reads it in their language when they open the centre.
 */
@Repository
public class Inbox {

    /** What a notification is about; with its subject and discriminator, it names one fact. */
    public enum Kind {
        NOTICE_ADDENDUM,
        NOTICE_ANSWER,
        NOTICE_DEADLINE,
        NOTICE_CANCELLED,
        DOCUMENT_EXPIRING,
        ALERT_MATCH,
        BID_SUBMITTED,
        BID_WITHDRAWN,
        AWARD_PROVISIONAL,
        COMPLAINT,
        SEALING_SET
    }

    /**
     * One argument of a notification's message, formatted for the reader when read: a text as written (a notice's
     * title), a date, an instant in a country's time zone, or the name of a document kind in a country's pack.
     */
    public record Argument(
            String type, String value, @Nullable String country) {

        public static Argument text(String value) {
            return new Argument("text", value, null);
        }

        public static Argument date(LocalDate value) {
            return new Argument("date", value.toString(), null);
        }

        public static Argument instant(Instant value, String country) {
            return new Argument("instant", value.toString(), country);
        }

        public static Argument document(String code, String country) {
            return new Argument("document", code, country);
        }
    }

    /** One notification as stored. */
    public record Entry(
            UUID id,
            Kind kind,
            String link,
            String messageKey,
            List<Argument> arguments,
            Instant createdAt,
            @Nullable Instant readAt) {

        public boolean unread() {
            return readAt == null;
        }
    }

    private static final TypeReference<List<Argument>> ARGUMENTS = new TypeReference<>() {};

    private final JdbcClient jdbc;
    private final JsonMapper json = JsonMapper.builder().build();

    Inbox(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Writes one notification for each recipient, unless that recipient already has it (same kind, subject and
     * discriminator): a listener handed the same event again writes nothing more. Returns how many were written.
     */
    public int add(
            List<UUID> recipients,
            Kind kind,
            String subject,
            String discriminator,
            String link,
            String messageKey,
            List<Argument> arguments,
            Instant at) {
        if (!link.startsWith("/") || link.startsWith("//")) {
            throw new IllegalArgumentException("A notification links inside Baobab: " + link);
        }
        String args = json.writeValueAsString(arguments);
        int written = 0;
        for (UUID recipient : recipients) {
            written += jdbc.sql("""
                    insert into notifications_inbox (id, recipient_id, kind, subject, discriminator, link,
                                                     message_key, arguments, created_at)
                    values (:id, :recipient, :kind, :subject, :discriminator, :link, :key, cast(:arguments as jsonb),
                            :at)
                    on conflict on constraint notifications_inbox_once do nothing""")
                    .param("id", UUID.randomUUID())
                    .param("recipient", recipient)
                    .param("kind", kind.name())
                    .param("subject", subject)
                    .param("discriminator", discriminator)
                    .param("link", link)
                    .param("key", messageKey)
                    .param("arguments", args)
                    .param("at", Timestamp.from(at))
                    .update();
        }
        return written;
    }

    /** A user's notifications, newest first, one page. */
    public List<Entry> of(UUID recipient, int limit, int offset) {
        return jdbc.sql("""
                select id, kind, link, message_key, arguments, created_at, read_at
                from notifications_inbox where recipient_id = :recipient
                order by created_at desc, id desc limit :limit offset :offset""")
                .param("recipient", recipient)
                .param("limit", limit)
                .param("offset", offset)
                .query(this::entry)
                .list();
    }

    /** How many of a user's notifications are unread (one indexed count, for every page's header). */
    public long unread(UUID recipient) {
        return jdbc.sql("select count(*) from notifications_inbox where recipient_id = :recipient and read_at is null")
                .param("recipient", recipient)
                .query(Long.class)
                .single();
    }

    /**
     * Marks one of the user's notifications read (kept as it was if already read) and gives its link; empty if the
     * user has no notification with this id, whoever else may have one.
     */
    public Optional<String> markRead(UUID recipient, UUID id, Instant at) {
        return jdbc.sql("""
                update notifications_inbox set read_at = coalesce(read_at, :at)
                where id = :id and recipient_id = :recipient returning link""")
                .param("at", Timestamp.from(at))
                .param("id", id)
                .param("recipient", recipient)
                .query(String.class)
                .optional();
    }

    /** Marks all the user's unread notifications read; returns how many. */
    public int markAllRead(UUID recipient, Instant at) {
        return jdbc.sql("""
                update notifications_inbox set read_at = :at where recipient_id = :recipient and read_at is null""")
                .param("at", Timestamp.from(at))
                .param("recipient", recipient)
                .update();
    }

    /** Deletes the notifications read before {@code cutoff}; unread ones are kept however old. */
    public int purgeReadBefore(Instant cutoff) {
        return jdbc.sql("delete from notifications_inbox where read_at < :cutoff")
                .param("cutoff", Timestamp.from(cutoff))
                .update();
    }

    private Entry entry(ResultSet rs, int n) throws SQLException {
        Timestamp read = rs.getTimestamp("read_at");
        return new Entry(
                rs.getObject("id", UUID.class),
                Kind.valueOf(rs.getString("kind")),
                rs.getString("link"),
                rs.getString("message_key"),
                json.readValue(rs.getString("arguments"), ARGUMENTS),
                rs.getTimestamp("created_at").toInstant(),
                read == null ? null : read.toInstant());
    }
}
