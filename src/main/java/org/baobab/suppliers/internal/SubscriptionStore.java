// SPDX-License-Identifier: Apache-2.0
package org.baobab.suppliers.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.baobab.rules.Nature;
import org.baobab.suppliers.Subscription;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code supplier_subscription} table. */
@Repository
public class SubscriptionStore {

    private final JdbcClient jdbc;

    SubscriptionStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void insert(Subscription s) {
        Subscription.Criteria c = s.criteria();
        jdbc.sql("""
                        insert into supplier_subscription (id, email, language, user_id, country, nature, procedure,
                            authority_id, words, frequency, token, confirmed_at, created_at)
                        values (:id, :email, :language, :user, :country, :nature, :procedure, :authority, :words,
                            :frequency, :token, :confirmed, :created)
                        """)
                .param("id", s.id())
                .param("email", s.email())
                .param("language", s.language())
                .param("user", s.userId())
                .param("country", c.country())
                .param("nature", c.nature() == null ? null : c.nature().name())
                .param("procedure", c.procedure())
                .param("authority", c.authority())
                .param("words", c.words())
                .param("frequency", s.frequency().name())
                .param("token", s.token())
                .param("confirmed", s.confirmedAt() == null ? null : Timestamp.from(s.confirmedAt()))
                .param("created", Timestamp.from(s.createdAt()))
                .update();
    }

    public Optional<Subscription> byToken(String token) {
        return jdbc.sql("select * from supplier_subscription where token = :t")
                .param("t", token)
                .query(SubscriptionStore::row)
                .optional();
    }

    public boolean confirm(String token, Instant at) {
        return jdbc.sql("update supplier_subscription set confirmed_at = :at where token = :t and confirmed_at is null")
                        .param("t", token)
                        .param("at", Timestamp.from(at))
                        .update()
                > 0;
    }

    public boolean delete(String token) {
        return jdbc.sql("delete from supplier_subscription where token = :t")
                        .param("t", token)
                        .update()
                > 0;
    }

    public List<Subscription> ofUser(UUID userId) {
        return jdbc.sql("select * from supplier_subscription where user_id = :u order by created_at")
                .param("u", userId)
                .query(SubscriptionStore::row)
                .list();
    }

    /** The active subscriptions that could match a notice of that country (its own country, or any). */
    public List<Subscription> activeFor(String country) {
        return jdbc.sql("""
                        select * from supplier_subscription
                        where confirmed_at is not null and (country is null or country = :c)
                        """).param("c", country).query(SubscriptionStore::row).list();
    }

    /** Keeps a match of a daily alert for its next digest (once per notice). */
    public void hold(UUID subscription, String ocid, String title, Instant at) {
        jdbc.sql("""
                        insert into supplier_alert_pending (subscription_id, ocid, title, matched_at)
                        values (:s, :o, :t, :at) on conflict do nothing
                        """)
                .param("s", subscription)
                .param("o", ocid)
                .param("t", title)
                .param("at", Timestamp.from(at))
                .update();
    }

    /** One daily alert's held matches. */
    public record Held(Subscription subscription, List<String[]> notices) {}

    /** Takes every held match, grouped by alert, oldest first; they are deleted (the caller's transaction). */
    public List<Held> takeHeld() {
        java.util.Map<UUID, List<String[]>> byAlert = new java.util.LinkedHashMap<>();
        jdbc
                .sql("""
                        delete from supplier_alert_pending returning subscription_id, ocid, title, matched_at
                        """)
                .query((rs, i) -> new Object[] {
                    rs.getObject("subscription_id", UUID.class),
                    rs.getString("ocid"),
                    rs.getString("title"),
                    rs.getTimestamp("matched_at").toInstant()
                })
                .list()
                .stream()
                .sorted(java.util.Comparator.comparing(r -> (Instant) r[3]))
                .forEach(r -> byAlert.computeIfAbsent((UUID) r[0], k -> new java.util.ArrayList<>())
                        .add(new String[] {(String) r[1], (String) r[2]}));
        List<Held> held = new java.util.ArrayList<>();
        byAlert.forEach((id, notices) -> jdbc.sql("select * from supplier_subscription where id = :id")
                .param("id", id)
                .query(SubscriptionStore::row)
                .optional()
                .ifPresent(s -> held.add(new Held(s, notices))));
        return held;
    }

    private static Subscription row(ResultSet rs, int i) throws SQLException {
        String nature = rs.getString("nature");
        Timestamp confirmed = rs.getTimestamp("confirmed_at");
        return new Subscription(
                rs.getObject("id", UUID.class),
                rs.getString("email"),
                rs.getString("language"),
                rs.getObject("user_id", UUID.class),
                new Subscription.Criteria(
                        rs.getString("country"),
                        nature == null ? null : Nature.valueOf(nature),
                        rs.getString("procedure"),
                        rs.getObject("authority_id", UUID.class),
                        rs.getString("words")),
                Subscription.Frequency.valueOf(rs.getString("frequency")),
                rs.getString("token"),
                confirmed == null ? null : confirmed.toInstant(),
                rs.getTimestamp("created_at").toInstant());
    }
}
