// SPDX-License-Identifier: Apache-2.0
package org.baobab.tendering.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.baobab.rules.Cpv;
import org.baobab.rules.Nature;
import org.baobab.tendering.NoticeDraft;
import org.baobab.tendering.NoticeSearch;
import org.baobab.tendering.NoticeSummary;
import org.baobab.tendering.Notices;
import org.baobab.tendering.ProcessStatus;
import org.baobab.tendering.ProcessView;
import org.baobab.tendering.SearchResult;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The tendering tables, read and written with plain SQL. Only this module reads them. */
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

    public Optional<ProcessView> view(UUID id) {
        return row(id).map(this::view);
    }

    public ProcessView view(Row row) {
        UUID id = row.id();
        List<NoticeDraft.Lot> lots = jdbc.sql(
                        "select number, title, description, estimated_value, bid_security from tendering_lot"
                                + " where process_id = :id order by number")
                .param("id", id)
                .query((rs, n) -> new NoticeDraft.Lot(
                        rs.getInt("number"),
                        rs.getString("title"),
                        rs.getString("description"),
                        rs.getBigDecimal("estimated_value"),
                        rs.getString("bid_security")))
                .list();
        List<String> required = jdbc.sql(
                        "select code from tendering_required_document where process_id = :id order by code")
                .param("id", id)
                .query(String.class)
                .list();
        NoticeDraft notice = row.notice().withDocumentsAndLots(required, lots);
        List<ProcessView.TenderDocument> documents = jdbc.sql("""
                        select id, sha256, title, document_type, file_name, content_type, size, addendum, added_at
                        from tendering_document where process_id = :id order by added_at, title
                        """)
                .param("id", id)
                .query((rs, i) -> new ProcessView.TenderDocument(
                        rs.getObject("id", UUID.class),
                        rs.getString("sha256"),
                        rs.getString("title"),
                        rs.getString("document_type"),
                        rs.getString("file_name"),
                        rs.getString("content_type"),
                        rs.getLong("size"),
                        (Integer) rs.getObject("addendum"),
                        instant(rs, "added_at")))
                .list();
        List<ProcessView.Review> reviews = jdbc.sql("""
                        select id, submitted_by, submitted_at, decision, comments, decided_by, decided_at
                        from tendering_review where process_id = :id order by submitted_at
                        """)
                .param("id", id)
                .query((rs, i) -> new ProcessView.Review(
                        rs.getObject("id", UUID.class),
                        rs.getString("submitted_by"),
                        instant(rs, "submitted_at"),
                        rs.getString("decision"),
                        rs.getString("comments"),
                        rs.getString("decided_by"),
                        nullableInstant(rs, "decided_at")))
                .list();
        List<ProcessView.Addendum> addenda = jdbc.sql("""
                        select number, description, previous_deadline, new_deadline, new_opening_at, published_at
                        from tendering_addendum where process_id = :id order by number
                        """)
                .param("id", id)
                .query((rs, i) -> new ProcessView.Addendum(
                        rs.getInt("number"),
                        rs.getString("description"),
                        instant(rs, "previous_deadline"),
                        nullableInstant(rs, "new_deadline"),
                        nullableInstant(rs, "new_opening_at"),
                        instant(rs, "published_at")))
                .list();
        List<ProcessView.Question> questions = jdbc.sql("""
                        select id, asker_org, asked_by, question, asked_at, answer, answered_at
                        from tendering_question where process_id = :id order by asked_at
                        """)
                .param("id", id)
                .query((rs, i) -> new ProcessView.Question(
                        rs.getObject("id", UUID.class),
                        rs.getObject("asker_org", UUID.class),
                        rs.getString("asked_by"),
                        rs.getString("question"),
                        instant(rs, "asked_at"),
                        rs.getString("answer"),
                        nullableInstant(rs, "answered_at")))
                .list();
        return new ProcessView(
                row.id(),
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
                documents,
                reviews,
                addenda,
                questions);
    }

    public void insertDocument(ProcessView.TenderDocument d, UUID processId, String addedBy) {
        jdbc.sql("""
                        insert into tendering_document (id, process_id, sha256, title, document_type, file_name,
                            content_type, size, addendum, added_by, added_at)
                        values (:id, :processId, :sha256, :title, :type, :fileName, :contentType, :size, :addendum,
                            :addedBy, :addedAt)
                        on conflict (process_id, sha256) do nothing
                        """)
                .param("id", d.id())
                .param("processId", processId)
                .param("sha256", d.sha256())
                .param("title", d.title())
                .param("type", d.documentType())
                .param("fileName", d.fileName())
                .param("contentType", d.contentType())
                .param("size", d.size())
                .param("addendum", d.addendum())
                .param("addedBy", addedBy)
                .param("addedAt", ts(d.addedAt()))
                .update();
    }

    public boolean deleteDocument(UUID processId, UUID documentId) {
        return jdbc.sql("delete from tendering_document where process_id = :p and id = :id")
                        .param("p", processId)
                        .param("id", documentId)
                        .update()
                == 1;
    }

    public void insertReview(UUID id, UUID processId, String by, Instant at) {
        jdbc.sql("""
                        insert into tendering_review (id, process_id, submitted_by, submitted_at)
                        values (:id, :processId, :by, :at)
                        """)
                .param("id", id)
                .param("processId", processId)
                .param("by", by)
                .param("at", ts(at))
                .update();
    }

    public void decideReview(UUID processId, String decision, String comments, String by, Instant at) {
        jdbc.sql("""
                        update tendering_review set decision = :decision, comments = :comments, decided_by = :by,
                            decided_at = :at
                        where process_id = :processId and decision is null
                        """)
                .param("processId", processId)
                .param("decision", decision)
                .param("comments", comments)
                .param("by", by)
                .param("at", ts(at))
                .update();
    }

    public int nextAddendumNumber(UUID processId) {
        return jdbc.sql("select coalesce(max(number), 0) + 1 from tendering_addendum where process_id = :id")
                .param("id", processId)
                .query(Integer.class)
                .single();
    }

    public void insertAddendum(UUID processId, ProcessView.Addendum a, String by) {
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

    public void insertQuestion(UUID id, UUID processId, UUID askerOrg, String askedBy, String question, Instant at) {
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

    /** The published notices a user follows, nearest deadline first (those without one last). */
    public List<NoticeSummary> followedBy(UUID userId, int limit) {
        return jdbc.sql("select " + SUMMARY_COLUMNS + """
                        from tendering_process p join tendering_follower f on f.process_id = p.id
                        where f.user_id = :u and p.published_at is not null
                        order by p.submission_deadline nulls last, p.ocid limit :limit
                        """)
                .param("u", userId)
                .param("limit", limit)
                .query(ProcessStore::summary)
                .list();
    }

    /** The questions a company asked on published notices, newest first. */
    public List<Notices.CompanyQuestion> questionsOf(UUID organisationId, int limit) {
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

    public boolean follows(UUID processId, UUID userId) {
        return jdbc.sql("select count(*) from tendering_follower where process_id = :p and user_id = :u")
                        .param("p", processId)
                        .param("u", userId)
                        .query(Long.class)
                        .single()
                > 0;
    }

    /** The processes of an authority, newest change first. */
    public List<Row> byAuthority(UUID authorityId) {
        return jdbc.sql(SELECT + " where p.authority_id = :a order by p.updated_at desc")
                .param("a", authorityId)
                .query(ProcessStore::row)
                .list();
    }

    /** The processes waiting for prior review in the given countries, oldest first. */
    public List<Row> inReview(List<String> countries) {
        if (countries.isEmpty()) {
            return List.of();
        }
        return jdbc.sql(SELECT + " where p.status = 'IN_REVIEW' and p.country in (:countries) order by p.updated_at")
                .param("countries", countries)
                .query(ProcessStore::row)
                .list();
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

    /** One page of published notices matching the search. */
    public SearchResult<NoticeSummary> search(NoticeSearch s, Instant now) {
        StringBuilder where = new StringBuilder(" where p.published_at is not null");
        Map<String, Object> params = new java.util.HashMap<>();
        params.put("now", ts(now));
        if (s.query() != null) {
            where.append(" and p.search_vector @@ q.query");
        }
        if (s.country() != null) {
            where.append(" and p.country = :country");
            params.put("country", s.country());
        }
        if (s.authority() != null) {
            where.append(" and p.authority_id = :authority");
            params.put("authority", s.authority());
        }
        if (s.nature() != null) {
            where.append(" and p.nature = :nature");
            params.put("nature", s.nature().name());
        }
        if (s.procedure() != null) {
            where.append(" and p.procedure_code = :procedure");
            params.put("procedure", s.procedure());
        }
        if (!s.cpv().isEmpty()) {
            // any code of the notice under any code asked: a division's two digits cover every code under it
            where.append(" and exists (select 1 from unnest(p.cpv_codes) c where c like any(:cpvStems))");
            params.put("cpvStems", s.cpv().stream().map(c -> Cpv.stem(c) + "%").toArray(String[]::new));
        }
        if (s.status() != null) {
            switch (s.status()) {
                case "open" -> where.append(" and p.status = 'PUBLISHED' and p.submission_deadline > :now");
                case "closed" ->
                    where.append(" and p.status in ('PUBLISHED', 'CLOSED')" + " and p.submission_deadline <= :now");
                case "cancelled" -> where.append(" and p.status = 'CANCELLED'");
                default -> where.append(" and false");
            }
        }
        if (s.minValue() != null) {
            where.append(" and p.value_public and p.estimated_value >= :minValue");
            params.put("minValue", s.minValue());
        }
        if (s.maxValue() != null) {
            where.append(" and p.value_public and p.estimated_value <= :maxValue");
            params.put("maxValue", s.maxValue());
        }
        // A day of the range is taken from its earliest start to its latest end over the served countries' zones
        // (UTC+0 to UTC+1 today), so that no deadline of that local day is missed.
        if (s.deadlineFrom() != null) {
            where.append(" and p.submission_deadline >= :deadlineFrom");
            params.put(
                    "deadlineFrom",
                    ts(s.deadlineFrom().atStartOfDay(ZONE_EARLIEST).toInstant()));
        }
        if (s.deadlineTo() != null) {
            where.append(" and p.submission_deadline < :deadlineTo");
            params.put(
                    "deadlineTo",
                    ts(s.deadlineTo().plusDays(1).atStartOfDay(ZONE_LATEST).toInstant()));
        }
        String from = " from tendering_process p"
                + (s.query() == null ? "" : ", (select " + tsquery(s.query(), params) + " as query) q");
        String order = switch (s.sort()) {
            case RELEVANCE ->
                s.query() != null
                        ? " order by p.rank desc, p.published_at desc, p.id"
                        : " order by p.published_at desc, p.id";
            case DEADLINE -> " order by p.submission_deadline asc nulls last, p.id";
            case PUBLISHED -> " order by p.published_at desc, p.id";
        };
        params.put("limit", s.size());
        params.put("offset", (long) s.page() * s.size());
        String count = "select count(*)" + from + where;
        if (s.query() == null) {
            // Without words, an index walks the sort order and stops at the page, and the count is answered from
            // an index alone: two cheap queries.
            long total = jdbc.sql(count).params(params).query(Long.class).single();
            List<NoticeSummary> items = jdbc.sql(
                            "select " + SUMMARY_COLUMNS + from + where + order + " limit :limit offset :offset")
                    .params(params)
                    .query(ProcessStore::summary)
                    .list();
            return new SearchResult<>(items, total, s.page(), s.size());
        }
        // With words, every match is read from the table anyway (to rank or sort it), so the same pass counts them.
        // The inner query ranks each match as it reads it ("offset 0" keeps it apart), so the count's window holds
        // summaries, not whole search vectors, and stays in memory.
        long[] total = {0};
        List<NoticeSummary> items = jdbc.sql("select " + SUMMARY_COLUMNS + ", count(*) over () as total"
                        + " from (select p.*, ts_rank(p.search_vector, q.query) as rank" + from + where + " offset 0) p"
                        + order + " limit :limit offset :offset")
                .params(params)
                .query((rs, row) -> {
                    total[0] = rs.getLong("total");
                    return summary(rs, row);
                })
                .list();
        if (items.isEmpty() && s.page() > 0) {
            // A page past the end says nothing of the total.
            total[0] = jdbc.sql(count).params(params).query(Long.class).single();
        }
        return new SearchResult<>(items, total[0], s.page(), s.size());
    }

    /**
     * A web-search style query: French and English stemming with accents removed, OR-ed, and Arabic stemming when the
     * words include Arabic script (the vector's Arabic part holds only Arabic-script text, so an Arabic query on Latin
     * words could add nothing but cost: each OR-ed language also makes the planner expect more matches than there
     * are). Every word must match (AND within one language's query); quotes work as on the web. Excluded words
     * ({@code -word}, {@code -"two words"}) are taken apart and excluded in every language at once: left inside each
     * language's query, a word excluded in French would still be let through by the English one.
     */
    private static String tsquery(String words, Map<String, Object> params) {
        StringBuilder wanted = new StringBuilder();
        StringBuilder excluded = new StringBuilder();
        java.util.regex.Matcher token = TOKEN.matcher(words);
        while (token.find()) {
            String t = token.group();
            if (t.length() > 1 && t.charAt(0) == '-') {
                excluded.append(excluded.isEmpty() ? "" : " or ").append(t.substring(1));
            } else {
                wanted.append(t).append(' ');
            }
        }
        if (wanted.isEmpty() || excluded.isEmpty()) {
            params.put("q", words);
            return languages("q", words);
        }
        params.put("q", wanted.toString().strip());
        params.put("qn", excluded.toString());
        return "(" + languages("q", wanted.toString()) + ") && !!(" + languages("qn", excluded.toString()) + ")";
    }

    private static String languages(String param, String words) {
        String latin = "websearch_to_tsquery('baobab_fr', :" + param + ") || websearch_to_tsquery('baobab_en', :"
                + param + ")";
        return ARABIC_SCRIPT.matcher(words).find()
                ? latin + " || websearch_to_tsquery('baobab_ar', :" + param + ")"
                : latin;
    }

    /** A word, a quoted phrase, or either excluded with a leading minus. */
    private static final java.util.regex.Pattern TOKEN = java.util.regex.Pattern.compile("-?\"[^\"]*\"?|\\S+");

    /** The Arabic-script ranges the search vector's Arabic part keeps (migration V2026_11_23_0800). */
    private static final java.util.regex.Pattern ARABIC_SCRIPT =
            java.util.regex.Pattern.compile("[\u0600-\u06FF\u0750-\u077F\u08A0-\u08FF\uFB50-\uFDFF\uFE70-\uFEFF]");

    /** The earliest and latest offsets of the countries served, to turn a day into an instant range safely. */
    private static final ZoneId ZONE_EARLIEST = ZoneOffset.ofHours(1);

    private static final ZoneId ZONE_LATEST = ZoneOffset.UTC;

    private static final String SUMMARY_COLUMNS = """
            p.ocid, p.reference, p.title, p.authority_id, p.authority_name, p.country, p.nature, p.procedure_code,
            p.procurement_method, p.status, case when p.value_public then p.estimated_value end as value,
            p.currency, p.submission_deadline, p.published_at, p.updated_at,
            (select count(*) from tendering_addendum a where a.process_id = p.id) as addenda
            """;

    private static NoticeSummary summary(ResultSet rs, int row) throws SQLException {
        return new NoticeSummary(
                rs.getString("ocid"),
                rs.getString("reference"),
                rs.getString("title"),
                rs.getObject("authority_id", UUID.class),
                rs.getString("authority_name"),
                rs.getString("country"),
                Nature.valueOf(rs.getString("nature")),
                rs.getString("procedure_code"),
                rs.getString("procurement_method"),
                ProcessStatus.valueOf(rs.getString("status")),
                rs.getBigDecimal("value"),
                rs.getString("currency"),
                nullableInstant(rs, "submission_deadline"),
                instant(rs, "published_at"),
                instant(rs, "updated_at"),
                rs.getInt("addenda"));
    }

    /** The authorities that have published at least one notice, by name, for the search filters. */
    public List<Map.Entry<UUID, String>> publishingAuthorities() {
        return jdbc.sql("""
                        select distinct authority_id, authority_name from tendering_process
                        where published_at is not null order by authority_name
                        """)
                .query((rs, i) -> Map.entry(rs.getObject("authority_id", UUID.class), rs.getString("authority_name")))
                .list();
    }

    private static final String SELECT = "select p.id, p.ocid, p.authority_id, p.authority_name, p.country,"
            + " p.procurement_method, p.plan_line_id, p.out_of_plan_reason, p.status, p.review_required,"
            + " p.published_at, p.closed_at, p.cancelled_at, p.cancel_reason, p.created_by, p.created_at,"
            + " p.updated_at, p.version, " + NoticeRows.COLUMNS + " from tendering_process p ";

    private static Row row(ResultSet rs, int i) throws SQLException {
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

    private static @Nullable Timestamp ts(@Nullable Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        return rs.getTimestamp(column).toInstant();
    }

    private static @Nullable Instant nullableInstant(ResultSet rs, String column) throws SQLException {
        Timestamp value = rs.getTimestamp(column);
        return value == null ? null : value.toInstant();
    }
}
