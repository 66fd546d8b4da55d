// SPDX-License-Identifier: Apache-2.0
package org.baobab.tendering.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.baobab.tendering.Incident;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code tendering_incident} tables: declared platform incidents and the deadlines they extended. */
@Repository
public class IncidentStore {

    private final JdbcClient jdbc;

    IncidentStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void insert(
            UUID id, @Nullable String country, Instant from, Instant to, String description, String by, Instant at) {
        jdbc.sql("""
                        insert into tendering_incident (id, country, starts_at, ends_at, description, declared_by,
                            declared_at)
                        values (:id, :country, :from, :to, :description, :by, :at)
                        """)
                .param("id", id)
                .param("country", country)
                .param("from", Timestamp.from(from))
                .param("to", Timestamp.from(to))
                .param("description", description)
                .param("by", by)
                .param("at", Timestamp.from(at))
                .update();
    }

    public void extended(UUID incident, UUID process, Instant oldDeadline, Instant newDeadline, int addendum) {
        jdbc.sql("""
                        insert into tendering_incident_process (incident_id, process_id, old_deadline, new_deadline,
                            addendum)
                        values (:i, :p, :old, :new, :a)
                        """)
                .param("i", incident)
                .param("p", process)
                .param("old", Timestamp.from(oldDeadline))
                .param("new", Timestamp.from(newDeadline))
                .param("a", addendum)
                .update();
    }

    /**
     * The published processes, open or closed but not opened nor cancelled, whose bid deadline fell within the period,
     * in the country (or any), locked for the caller's transaction.
     */
    public List<UUID> deadlinesWithin(@Nullable String country, Instant from, Instant to) {
        return jdbc.sql("""
                        select id from tendering_process
                        where status in ('PUBLISHED', 'CLOSED') and published_at is not null
                          and submission_deadline between :from and :to
                          and (cast(:country as text) is null or country = :country)
                        order by submission_deadline for update
                        """)
                .param("from", Timestamp.from(from))
                .param("to", Timestamp.from(to))
                .param("country", country)
                .query(UUID.class)
                .list();
    }

    /** Every incident, newest first (the public list), or those that extended one process. */
    public List<Incident> list(@Nullable UUID process) {
        Map<UUID, Incident> incidents = new LinkedHashMap<>();
        Map<UUID, List<Incident.Extension>> extensions = new LinkedHashMap<>();
        jdbc.sql("""
                        select i.*, p.ocid, p.title, p.country as process_country, x.old_deadline, x.new_deadline,
                            x.addendum
                        from tendering_incident i
                        left join tendering_incident_process x on x.incident_id = i.id
                        left join tendering_process p on p.id = x.process_id
                        where cast(:process as uuid) is null or i.id in (
                            select incident_id from tendering_incident_process where process_id = :process)
                        order by i.declared_at desc, p.ocid
                        """)
                .param("process", process)
                .query((rs, n) -> {
                    UUID id = rs.getObject("id", UUID.class);
                    incidents.computeIfAbsent(id, k -> incident(rs));
                    List<Incident.Extension> list = extensions.computeIfAbsent(id, k -> new ArrayList<>());
                    if (rs.getString("ocid") != null) {
                        list.add(new Incident.Extension(
                                rs.getString("ocid"),
                                rs.getString("title"),
                                rs.getString("process_country"),
                                rs.getTimestamp("old_deadline").toInstant(),
                                rs.getTimestamp("new_deadline").toInstant(),
                                rs.getInt("addendum")));
                    }
                    return id;
                })
                .list();
        return incidents.values().stream()
                .map(i -> i.withExtensions(extensions.get(i.id())))
                .toList();
    }

    private static Incident incident(ResultSet rs) {
        try {
            return new Incident(
                    rs.getObject("id", UUID.class),
                    rs.getString("country"),
                    rs.getTimestamp("starts_at").toInstant(),
                    rs.getTimestamp("ends_at").toInstant(),
                    rs.getString("description"),
                    rs.getTimestamp("declared_at").toInstant(),
                    List.of());
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
