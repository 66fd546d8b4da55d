// SPDX-License-Identifier: Apache-2.0
package org.baobab.complaints.internal;

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

/** The {@code complaints_*} tables: complaints, their objections, evidence, exchanges and suspensions. */
@Repository
public class ComplaintStore {

    private final JdbcClient jdbc;

    ComplaintStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A complaint's row. */
    public record Row(
            UUID id,
            String ocid,
            String country,
            UUID authorityId,
            String authorityName,
            String processTitle,
            UUID complainantId,
            String complainantName,
            String contestedKind,
            String contestedText,
            LocalDate contestedOn,
            String remedy,
            String stage,
            String state,
            Instant filedAt,
            LocalDate answerDue,
            @Nullable String answer,
            @Nullable Instant answeredAt,
            boolean answerLate,
            @Nullable Instant escalatedAt,
            @Nullable String decision,
            @Nullable String decisionReasons,
            @Nullable Instant decidedAt) {}

    public record ObjectionRow(String title, String description) {}

    public record EvidenceRow(String sha256, String name) {}

    public record ExchangeRow(String party, String author, String body, Instant at) {}

    public record SuspensionRow(
            UUID id,
            String reason,
            Instant suspendedAt,
            @Nullable Instant liftedAt) {}

    public void insert(Row r, String filedBy) {
        jdbc.sql("""
                        insert into complaints_complaint (id, ocid, country, authority_id, authority_name, process_title,
                            complainant_id, complainant_name, filed_by, contested_kind, contested_text, contested_on,
                            remedy, stage, state, filed_at, answer_due)
                        values (:id, :ocid, :country, :authority, :authorityName, :title, :complainant,
                            :complainantName, :filedBy, :kind, :text, :on, :remedy, :stage, :state, :filedAt, :due)
                        """)
                .param("id", r.id())
                .param("ocid", r.ocid())
                .param("country", r.country())
                .param("authority", r.authorityId())
                .param("authorityName", r.authorityName())
                .param("title", r.processTitle())
                .param("complainant", r.complainantId())
                .param("complainantName", r.complainantName())
                .param("filedBy", filedBy)
                .param("kind", r.contestedKind())
                .param("text", r.contestedText())
                .param("on", r.contestedOn())
                .param("remedy", r.remedy())
                .param("stage", r.stage())
                .param("state", r.state())
                .param("filedAt", Timestamp.from(r.filedAt()))
                .param("due", r.answerDue())
                .update();
    }

    public void insertObjection(UUID id, int position, String title, String description) {
        jdbc.sql("insert into complaints_objection values (:id, :p, :t, :d)")
                .param("id", id)
                .param("p", position)
                .param("t", title)
                .param("d", description)
                .update();
    }

    public void insertEvidence(UUID id, int position, String sha256, String name) {
        jdbc.sql("insert into complaints_evidence values (:id, :p, :s, :n)")
                .param("id", id)
                .param("p", position)
                .param("s", sha256)
                .param("n", name)
                .update();
    }

    public void insertExchange(UUID complaintId, String party, String author, String body, Instant at) {
        jdbc.sql("insert into complaints_exchange values (:id, :c, :p, :a, :b, :at)")
                .param("id", UUID.randomUUID())
                .param("c", complaintId)
                .param("p", party)
                .param("a", author)
                .param("b", body)
                .param("at", Timestamp.from(at))
                .update();
    }

    /** The complaint's row, locked for the transaction's change. */
    public Optional<Row> lock(UUID id) {
        return jdbc.sql("select * from complaints_complaint where id = :id for update")
                .param("id", id)
                .query(ComplaintStore::row)
                .optional();
    }

    public Optional<Row> find(UUID id) {
        return jdbc.sql("select * from complaints_complaint where id = :id")
                .param("id", id)
                .query(ComplaintStore::row)
                .optional();
    }

    public List<Row> byOcid(String ocid) {
        return jdbc.sql("select * from complaints_complaint where ocid = :o order by filed_at")
                .param("o", ocid)
                .query(ComplaintStore::row)
                .list();
    }

    public List<Row> byComplainant(UUID companyId) {
        return jdbc.sql("select * from complaints_complaint where complainant_id = :c order by filed_at desc")
                .param("c", companyId)
                .query(ComplaintStore::row)
                .list();
    }

    public List<Row> byAuthority(UUID authorityId) {
        return jdbc.sql("select * from complaints_complaint where authority_id = :a order by filed_at desc")
                .param("a", authorityId)
                .query(ComplaintStore::row)
                .list();
    }

    public List<Row> openIn(String country) {
        return jdbc.sql("select * from complaints_complaint where country = :c and state <> 'DECIDED'")
                .param("c", country)
                .query(ComplaintStore::row)
                .list();
    }

    public List<Row> latest(int limit) {
        return jdbc.sql("select * from complaints_complaint order by filed_at desc limit :n")
                .param("n", limit)
                .query(ComplaintStore::row)
                .list();
    }

    public void answer(UUID id, String answer, Instant at, String by, boolean late) {
        jdbc.sql("""
                        update complaints_complaint set state = 'ANSWERED', answer = :a, answered_at = :at,
                            answered_by = :by, answer_late = :late, version = version + 1 where id = :id
                        """)
                .param("id", id)
                .param("a", answer)
                .param("at", Timestamp.from(at))
                .param("by", by)
                .param("late", late)
                .update();
    }

    public void escalate(UUID id, Instant at, LocalDate decisionDue) {
        jdbc.sql("""
                        update complaints_complaint set state = 'ESCALATED', stage = 'REGULATOR', escalated_at = :at,
                            decision_due = :due, version = version + 1 where id = :id
                        """)
                .param("id", id)
                .param("at", Timestamp.from(at))
                .param("due", decisionDue)
                .update();
    }

    public void decide(UUID id, String outcome, String reasons, Instant at, String by) {
        jdbc.sql("""
                        update complaints_complaint set state = 'DECIDED', decision = :d, decision_reasons = :r,
                            decided_at = :at, decided_by = :by, version = version + 1 where id = :id
                        """)
                .param("id", id)
                .param("d", outcome)
                .param("r", reasons)
                .param("at", Timestamp.from(at))
                .param("by", by)
                .update();
    }

    public List<ObjectionRow> objections(UUID id) {
        return jdbc.sql(
                        "select title, description from complaints_objection where complaint_id = :id order by position")
                .param("id", id)
                .query(ObjectionRow.class)
                .list();
    }

    public List<EvidenceRow> evidence(UUID id) {
        return jdbc.sql("select sha256, name from complaints_evidence where complaint_id = :id order by position")
                .param("id", id)
                .query(EvidenceRow.class)
                .list();
    }

    public List<ExchangeRow> exchanges(UUID id) {
        return jdbc.sql(
                        "select party, author, body, at from complaints_exchange where complaint_id = :id order by at, id")
                .param("id", id)
                .query((rs, n) -> new ExchangeRow(
                        rs.getString("party"),
                        rs.getString("author"),
                        rs.getString("body"),
                        rs.getTimestamp("at").toInstant()))
                .list();
    }

    public List<SuspensionRow> suspensions(UUID id) {
        return jdbc.sql("select * from complaints_suspension where complaint_id = :id order by suspended_at")
                .param("id", id)
                .query((rs, n) -> new SuspensionRow(
                        rs.getObject("id", UUID.class),
                        rs.getString("reason"),
                        rs.getTimestamp("suspended_at").toInstant(),
                        instant(rs, "lifted_at")))
                .list();
    }

    public void suspend(UUID complaintId, String ocid, String reason, Instant at, String by) {
        jdbc.sql("""
                        insert into complaints_suspension (id, ocid, complaint_id, reason, suspended_at, suspended_by)
                        values (:id, :o, :c, :r, :at, :by)
                        """)
                .param("id", UUID.randomUUID())
                .param("o", ocid)
                .param("c", complaintId)
                .param("r", reason)
                .param("at", Timestamp.from(at))
                .param("by", by)
                .update();
    }

    /** Lifts the complaint's open suspension; returns whether there was one. */
    public boolean lift(UUID complaintId, Instant at, String by) {
        return jdbc.sql("""
                        update complaints_suspension set lifted_at = :at, lifted_by = :by
                        where complaint_id = :c and lifted_at is null
                        """)
                        .param("c", complaintId)
                        .param("at", Timestamp.from(at))
                        .param("by", by)
                        .update()
                > 0;
    }

    public boolean suspended(String ocid) {
        return jdbc.sql("select count(*) from complaints_suspension where ocid = :o and lifted_at is null")
                        .param("o", ocid)
                        .query(Long.class)
                        .single()
                > 0;
    }

    private static Row row(ResultSet rs, int n) throws SQLException {
        return new Row(
                rs.getObject("id", UUID.class),
                rs.getString("ocid"),
                rs.getString("country"),
                rs.getObject("authority_id", UUID.class),
                rs.getString("authority_name"),
                rs.getString("process_title"),
                rs.getObject("complainant_id", UUID.class),
                rs.getString("complainant_name"),
                rs.getString("contested_kind"),
                rs.getString("contested_text"),
                rs.getObject("contested_on", LocalDate.class),
                rs.getString("remedy"),
                rs.getString("stage"),
                rs.getString("state"),
                rs.getTimestamp("filed_at").toInstant(),
                rs.getObject("answer_due", LocalDate.class),
                rs.getString("answer"),
                instant(rs, "answered_at"),
                rs.getBoolean("answer_late"),
                instant(rs, "escalated_at"),
                rs.getString("decision"),
                rs.getString("decision_reasons"),
                instant(rs, "decided_at"));
    }

    private static @Nullable Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }
}
