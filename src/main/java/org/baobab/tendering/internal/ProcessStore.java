// SPDX-License-Identifier: Apache-2.0
package org.baobab.tendering.internal;

import static org.baobab.tendering.internal.Sql.instant;
import static org.baobab.tendering.internal.Sql.nullableInstant;
import static org.baobab.tendering.internal.Sql.ts;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.baobab.tendering.NoticeDraft;
import org.baobab.tendering.ProcessStatus;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The process aggregate: its row in {@code tendering_process} with the notice, and the notice's lots and required
 * documents, written together. Writes that race are guarded in SQL: a notice is saved only at the version the editor
 * started from, a status moves only from the expected one, and commands lock the row first. What pages read of a
 * process (documents, reviews, addenda, questions) is assembled by {@link ProcessViews}.
 */
@Repository
public class ProcessStore {

    private final JdbcClient jdbc;

    public ProcessStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The row of a process, without its children. */
    public record Row(
            UUID id,
            String ocid,
            UUID authorityId,
            String authorityName,
            String country,
            @Nullable UUID planLineId,
            @Nullable String outOfPlanReason,
            NoticeDraft notice,
            String procurementMethod,
            ProcessStatus status,
            boolean reviewRequired,
            @Nullable Instant publishedAt,
            @Nullable Instant closedAt,
            @Nullable Instant cancelledAt,
            @Nullable String cancelReason,
            String createdBy,
            Instant createdAt,
            Instant updatedAt,
            int version) {}

    /** The next ocid number of a country and year, counted without gaps under a row lock. */
    public int nextOcidNumber(String country, int year) {
        return jdbc.sql("""
                        insert into tendering_ocid_counter (country, year, last) values (:country, :year, 1)
                        on conflict (country, year) do update set last = tendering_ocid_counter.last + 1
                        returning last
                        """)
                .param("country", country)
                .param("year", year)
                .query(Integer.class)
                .single();
    }

    public void insert(Row row) {
        NoticeDraft n = row.notice();
        jdbc.sql("insert into tendering_process (id, ocid, authority_id, authority_name, country,"
                        + " procurement_method, plan_line_id, out_of_plan_reason, status, review_required, created_by,"
                        + " created_at, updated_at, " + NoticeRows.INSERT_COLUMNS
                        + ") values (:id, :ocid, :authorityId,"
                        + " :authorityName, :country, :method, :planLineId, :outOfPlanReason, :status, :reviewRequired,"
                        + " :createdBy, :createdAt, :createdAt, " + NoticeRows.INSERT_VALUES + ")")
                .params(with(
                        NoticeRows.params(n),
                        "id",
                        row.id(),
                        "ocid",
                        row.ocid(),
                        "authorityId",
                        row.authorityId(),
                        "authorityName",
                        row.authorityName(),
                        "country",
                        row.country(),
                        "planLineId",
                        row.planLineId(),
                        "outOfPlanReason",
                        row.outOfPlanReason(),
                        "method",
                        row.procurementMethod(),
                        "status",
                        row.status().name(),
                        "reviewRequired",
                        row.reviewRequired(),
                        "createdBy",
                        row.createdBy(),
                        "createdAt",
                        ts(row.createdAt())))
                .update();
        replaceChildren(row.id(), n);
    }

    /** Writes the notice of a draft if nobody changed it since {@code version}; false when somebody did. */
    public boolean updateNotice(
            UUID id, int version, NoticeDraft n, String method, boolean reviewRequired, Instant now) {
        int updated = jdbc.sql("update tendering_process set " + NoticeRows.ASSIGNMENTS
                        + ", procurement_method = :method, review_required = :reviewRequired, updated_at = :now,"
                        + " version = version + 1 where id = :id and version = :version")
                .params(with(
                        NoticeRows.params(n),
                        "id",
                        id,
                        "version",
                        version,
                        "method",
                        method,
                        "reviewRequired",
                        reviewRequired,
                        "now",
                        ts(now)))
                .update();
        if (updated == 1) {
            replaceChildren(id, n);
        }
        return updated == 1;
    }

    /** The map with more named parameters added (null values allowed, unlike Map.of). */
    private static Map<String, Object> with(Map<String, Object> params, Object... namesAndValues) {
        for (int i = 0; i < namesAndValues.length; i += 2) {
            params.put((String) namesAndValues[i], namesAndValues[i + 1]);
        }
        return params;
    }

    private void replaceChildren(UUID id, NoticeDraft n) {
        jdbc.sql("delete from tendering_lot where process_id = :id")
                .param("id", id)
                .update();
        for (NoticeDraft.Lot lot : n.lots()) {
            jdbc.sql("""
                            insert into tendering_lot (process_id, number, title, description, estimated_value,
                                bid_security)
                            values (:id, :number, :title, :description, :value, :security)
                            """)
                    .param("id", id)
                    .param("number", lot.number())
                    .param("title", lot.title())
                    .param("description", lot.description())
                    .param("value", lot.estimatedValue())
                    .param("security", lot.bidSecurity())
                    .update();
        }
        jdbc.sql("delete from tendering_required_document where process_id = :id")
                .param("id", id)
                .update();
        for (String code : n.procedure().requiredDocuments()) {
            jdbc.sql("insert into tendering_required_document (process_id, code) values (:id, :code)")
                    .param("id", id)
                    .param("code", code)
                    .update();
        }
    }

    /** Moves a process from one status to another; false when it was not in {@code from} any more. */
    public boolean transition(UUID id, ProcessStatus from, ProcessStatus to, Instant now) {
        return jdbc.sql("""
                                update tendering_process set status = :to, updated_at = :now, version = version + 1
                                where id = :id and status = :from
                                """)
                        .param("id", id)
                        .param("from", from.name())
                        .param("to", to.name())
                        .param("now", ts(now))
                        .update()
                == 1;
    }

    public void markPublished(UUID id, Instant now) {
        jdbc.sql("update tendering_process set published_at = :now where id = :id")
                .param("id", id)
                .param("now", ts(now))
                .update();
    }

    public void markClosed(UUID id, Instant now) {
        jdbc.sql("update tendering_process set closed_at = :now where id = :id")
                .param("id", id)
                .param("now", ts(now))
                .update();
    }

    public void markCancelled(UUID id, String reason, Instant now) {
        jdbc.sql("update tendering_process set cancelled_at = :now, cancel_reason = :reason where id = :id")
                .param("id", id)
                .param("now", ts(now))
                .param("reason", reason)
                .update();
    }

    public void moveDeadlines(UUID id, @Nullable Instant deadline, @Nullable Instant opening, Instant now) {
        jdbc.sql("""
                        update tendering_process set submission_deadline = coalesce(:deadline, submission_deadline),
                            opening_at = coalesce(:opening, opening_at), updated_at = :now, version = version + 1
                        where id = :id
                        """)
                .param("id", id)
                .param("deadline", ts(deadline))
                .param("opening", ts(opening))
                .param("now", ts(now))
                .update();
    }

    public void touch(UUID id, Instant now) {
        jdbc.sql("update tendering_process set updated_at = :now, version = version + 1 where id = :id")
                .param("id", id)
                .param("now", ts(now))
                .update();
    }

    /** Locks the process row for the rest of the transaction, so that concurrent commands on it run one by one. */
    public Optional<Row> lock(UUID id) {
        return jdbc.sql(SELECT + " where p.id = :id for update")
                .param("id", id)
                .query(ProcessStore::row)
                .optional();
    }

    public Optional<Row> row(UUID id) {
        return jdbc.sql(SELECT + " where p.id = :id")
                .param("id", id)
                .query(ProcessStore::row)
                .optional();
    }

    public Optional<Row> rowByOcid(String ocid) {
        return jdbc.sql(SELECT + " where p.ocid = :ocid")
                .param("ocid", ocid)
                .query(ProcessStore::row)
                .optional();
    }

    /** A published process whose deadline falls before {@code until} and was not reminded for that deadline. */
    public record DueReminder(UUID id, String ocid, String country, Instant deadline) {}

    /** The published processes whose deadline is between now and {@code until}, not yet reminded for it; locked. */
    public List<DueReminder> dueForReminder(Instant now, Instant until) {
        return jdbc.sql("""
                        select id, ocid, country, submission_deadline from tendering_process
                        where status = 'PUBLISHED' and submission_deadline > :now and submission_deadline <= :until
                          and deadline_reminded_for is distinct from submission_deadline
                        order by submission_deadline for update skip locked
                        """)
                .param("now", ts(now))
                .param("until", ts(until))
                .query((rs, i) -> new DueReminder(
                        rs.getObject("id", UUID.class),
                        rs.getString("ocid"),
                        rs.getString("country"),
                        rs.getTimestamp("submission_deadline").toInstant()))
                .list();
    }

    public void markReminded(UUID id, Instant deadline) {
        jdbc.sql("update tendering_process set deadline_reminded_for = :d where id = :id")
                .param("id", id)
                .param("d", ts(deadline))
                .update();
    }

    /** Published processes whose submission deadline has passed. */
    public List<UUID> dueForClosing(Instant now) {
        return jdbc.sql("""
                        select id from tendering_process
                        where status = 'PUBLISHED' and submission_deadline <= :now order by submission_deadline
                        """).param("now", ts(now)).query(UUID.class).list();
    }

    static final String SELECT = "select p.id, p.ocid, p.authority_id, p.authority_name, p.country,"
            + " p.procurement_method, p.plan_line_id, p.out_of_plan_reason, p.status, p.review_required,"
            + " p.published_at, p.closed_at, p.cancelled_at, p.cancel_reason, p.created_by, p.created_at,"
            + " p.updated_at, p.version, " + NoticeRows.COLUMNS + " from tendering_process p ";

    static Row row(ResultSet rs, int i) throws SQLException {
        NoticeDraft notice = NoticeRows.read(rs);
        return new Row(
                rs.getObject("id", UUID.class),
                rs.getString("ocid"),
                rs.getObject("authority_id", UUID.class),
                rs.getString("authority_name"),
                rs.getString("country"),
                rs.getObject("plan_line_id", UUID.class),
                rs.getString("out_of_plan_reason"),
                notice,
                rs.getString("procurement_method"),
                ProcessStatus.valueOf(rs.getString("status")),
                rs.getBoolean("review_required"),
                nullableInstant(rs, "published_at"),
                nullableInstant(rs, "closed_at"),
                nullableInstant(rs, "cancelled_at"),
                rs.getString("cancel_reason"),
                rs.getString("created_by"),
                instant(rs, "created_at"),
                instant(rs, "updated_at"),
                rs.getInt("version"));
    }
}
