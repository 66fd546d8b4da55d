// SPDX-License-Identifier: Apache-2.0
package org.baobab.tendering.internal;

import static org.baobab.tendering.internal.Sql.instant;
import static org.baobab.tendering.internal.Sql.nullableInstant;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.baobab.tendering.NoticeDraft;
import org.baobab.tendering.ProcessView;
import org.baobab.tendering.SearchResult;
import org.baobab.tendering.internal.ProcessStore.Row;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The {@link ProcessView} read model: a process with its lots, required documents, tender documents, review rounds,
 * addenda and questions. However many processes are asked for, they are read in a fixed number of queries: one per
 * child table, for every process at once ({@code process_id = any(:ids)}), never one per process. Lists are paged.
 */
@Repository
public class ProcessViews {

    /** The queries {@link #views} runs for any number of processes: one per child table. */
    public static final int QUERIES_PER_BATCH = 6;

    private final JdbcClient jdbc;

    public ProcessViews(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<ProcessView> view(UUID id) {
        return jdbc.sql(ProcessStore.SELECT + " where p.id = :id")
                .param("id", id)
                .query(ProcessStore::row)
                .optional()
                .map(this::view);
    }

    public ProcessView view(Row row) {
        return views(List.of(row)).get(0);
    }

    /** The views of these rows, in their order, in {@value #QUERIES_PER_BATCH} queries. */
    public List<ProcessView> views(List<Row> rows) {
        if (rows.isEmpty()) {
            return List.of();
        }
        String[] ids = rows.stream().map(r -> r.id().toString()).toArray(String[]::new);
        Map<UUID, List<NoticeDraft.Lot>> lots = byProcess(
                "select process_id, number, title, description, estimated_value, bid_security from tendering_lot"
                        + " where process_id = any(cast(:ids as uuid[])) order by number",
                ids,
                (rs, i) -> new NoticeDraft.Lot(
                        rs.getInt("number"),
                        rs.getString("title"),
                        rs.getString("description"),
                        rs.getBigDecimal("estimated_value"),
                        rs.getString("bid_security")));
        Map<UUID, List<String>> required = byProcess(
                "select process_id, code from tendering_required_document"
                        + " where process_id = any(cast(:ids as uuid[])) order by code",
                ids,
                (rs, i) -> rs.getString("code"));
        Map<UUID, List<ProcessView.TenderDocument>> documents = byProcess(
                """
                select process_id, id, sha256, title, document_type, file_name, content_type, size, addendum, added_at
                from tendering_document where process_id = any(cast(:ids as uuid[])) order by added_at, title
                """,
                ids,
                (rs, i) -> new ProcessView.TenderDocument(
                        rs.getObject("id", UUID.class),
                        rs.getString("sha256"),
                        rs.getString("title"),
                        rs.getString("document_type"),
                        rs.getString("file_name"),
                        rs.getString("content_type"),
                        rs.getLong("size"),
                        (Integer) rs.getObject("addendum"),
                        instant(rs, "added_at")));
        Map<UUID, List<ProcessView.Review>> reviews = byProcess(
                """
                select process_id, id, submitted_by, submitted_at, decision, comments, decided_by, decided_at
                from tendering_review where process_id = any(cast(:ids as uuid[])) order by submitted_at
                """,
                ids,
                (rs, i) -> new ProcessView.Review(
                        rs.getObject("id", UUID.class),
                        rs.getString("submitted_by"),
                        instant(rs, "submitted_at"),
                        rs.getString("decision"),
                        rs.getString("comments"),
                        rs.getString("decided_by"),
                        nullableInstant(rs, "decided_at")));
        Map<UUID, List<ProcessView.Addendum>> addenda = byProcess(
                """
                select process_id, number, description, previous_deadline, new_deadline, new_opening_at, published_at
                from tendering_addendum where process_id = any(cast(:ids as uuid[])) order by number
                """,
                ids,
                (rs, i) -> new ProcessView.Addendum(
                        rs.getInt("number"),
                        rs.getString("description"),
                        instant(rs, "previous_deadline"),
                        nullableInstant(rs, "new_deadline"),
                        nullableInstant(rs, "new_opening_at"),
                        instant(rs, "published_at")));
        Map<UUID, List<ProcessView.Question>> questions = byProcess(
                """
                select process_id, id, asker_org, asked_by, question, asked_at, answer, answered_at
                from tendering_question where process_id = any(cast(:ids as uuid[])) order by asked_at
                """,
                ids,
                (rs, i) -> new ProcessView.Question(
                        rs.getObject("id", UUID.class),
                        rs.getObject("asker_org", UUID.class),
                        rs.getString("asked_by"),
                        rs.getString("question"),
                        instant(rs, "asked_at"),
                        rs.getString("answer"),
                        nullableInstant(rs, "answered_at")));
        List<ProcessView> views = new ArrayList<>(rows.size());
        for (Row row : rows) {
            UUID id = row.id();
            NoticeDraft notice = row.notice()
                    .withDocumentsAndLots(required.getOrDefault(id, List.of()), lots.getOrDefault(id, List.of()));
            views.add(new ProcessView(
                    id,
                    row.ocid(),
                    row.authorityId(),
                    row.authorityName(),
                    row.country(),
                    row.planLineId(),
                    row.outOfPlanReason(),
                    notice,
                    row.procurementMethod(),
                    row.status(),
                    row.reviewRequired(),
                    row.publishedAt(),
                    row.closedAt(),
                    row.cancelledAt(),
                    row.cancelReason(),
                    row.createdBy(),
                    row.createdAt(),
                    row.updatedAt(),
                    row.version(),
                    documents.getOrDefault(id, List.of()),
                    reviews.getOrDefault(id, List.of()),
                    addenda.getOrDefault(id, List.of()),
                    questions.getOrDefault(id, List.of())));
        }
        return views;
    }

    /** One page of the processes of these authorities, newest change first. */
    public SearchResult<ProcessView> byAuthorities(List<UUID> authorities, int page, int size) {
        return page(
                " where p.authority_id = any(cast(:keys as uuid[]))",
                authorities.stream().map(UUID::toString).toArray(String[]::new),
                " order by p.updated_at desc, p.id",
                page,
                size);
    }

    /** One page of the processes waiting for prior review in these countries, oldest first. */
    public SearchResult<ProcessView> inReview(List<String> countries, int page, int size) {
        return page(
                " where p.status = 'IN_REVIEW' and p.country = any(:keys)",
                countries.toArray(String[]::new),
                " order by p.updated_at, p.id",
                page,
                size);
    }

    private SearchResult<ProcessView> page(String where, String[] keys, String order, int page, int size) {
        if (keys.length == 0) {
            return new SearchResult<>(List.of(), 0, page, size);
        }
        long total = jdbc.sql("select count(*) from tendering_process p" + where)
                .param("keys", keys)
                .query(Long.class)
                .single();
        List<Row> rows = jdbc.sql(ProcessStore.SELECT + where + order + " limit :limit offset :offset")
                .param("keys", keys)
                .param("limit", size)
                .param("offset", (long) page * size)
                .query(ProcessStore::row)
                .list();
        return new SearchResult<>(views(rows), total, page, size);
    }

    @FunctionalInterface
    private interface Mapper<T> {
        T map(ResultSet rs, int row) throws SQLException;
    }

    private <T> Map<UUID, List<T>> byProcess(String sql, String[] ids, Mapper<T> mapper) {
        Map<UUID, List<T>> result = new HashMap<>();
        jdbc.sql(sql).param("ids", ids).query(rs -> {
            UUID process = rs.getObject("process_id", UUID.class);
            List<T> list = result.computeIfAbsent(process, k -> new ArrayList<>());
            list.add(mapper.map(rs, list.size()));
        });
        return result;
    }
}
