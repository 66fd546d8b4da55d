// SPDX-License-Identifier: Apache-2.0
package org.baobab.suppliers.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
                            authority_id, words, frequency, token, confirmed_at, created_at, cpv_codes)
                        values (:id, :email, :language, :user, :country, :nature, :procedure, :authority, :words,
                            :frequency, :token, :confirmed, :created, :cpv)
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
                .param("cpv", c.cpv().toArray(String[]::new))
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
    public record Held(Subscription subscription, List<Map.Entry<String, String>> notices) {}

    /**
     * Takes every held match, grouped by alert, each alert's matches oldest first (ocid and title); they are deleted
     * in the caller's transaction.
     */
    public List<Held> takeHeld() {
        Map<UUID, Subscription> alerts = new LinkedHashMap<>();
        Map<UUID, List<Map.Entry<String, String>>> matches = new LinkedHashMap<>();
        jdbc.sql("""
                        with taken as (
                            delete from supplier_alert_pending returning subscription_id, ocid, title, matched_at)
                        select s.*, t.ocid as held_ocid, t.title as held_title
                        from taken t join supplier_subscription s on s.id = t.subscription_id
                        order by s.id, t.matched_at
                        """)
                .query((rs, i) -> {
                    Subscription alert = row(rs, i);
                    alerts.putIfAbsent(alert.id(), alert);
                    matches.computeIfAbsent(alert.id(), id -> new ArrayList<>())
                            .add(Map.entry(rs.getString("held_ocid"), rs.getString("held_title")));
                    return alert;
                })
                .list();
        return alerts.values().stream()
                .map(a -> new Held(a, matches.get(a.id())))
                .toList();
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
                        rs.getString("words"),
                        List.of((String[]) rs.getArray("cpv_codes").getArray())),
                Subscription.Frequency.valueOf(rs.getString("frequency")),
                rs.getString("token"),
                confirmed == null ? null : confirmed.toInstant(),
                rs.getTimestamp("created_at").toInstant());
    }
}
