// SPDX-License-Identifier: Apache-2.0
package org.baobab.evaluation.internal;

import java.math.BigDecimal;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.baobab.evaluation.Evaluation;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code evaluation_*} tables. */
@Repository
public class EvaluationStore {

    private final JdbcClient jdbc;

    EvaluationStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** An evaluation's own row. */
    public record Row(
            UUID id,
            String ocid,
            String country,
            UUID authorityId,
            String method,
            boolean twoStage,
            @Nullable Integer technicalWeight,
            @Nullable BigDecimal passMark,
            BigDecimal lowBidPercent,
            String stage,
            String startedBy,
            Instant startedAt) {}

    /** The report row; {@code content} is the frozen result as JSON. */
    public record ReportRow(
            UUID id,
            String content,
            String generatedBy,
            Instant generatedAt,
            @Nullable Instant approvedAt) {}

    public record ApprovalRow(UUID userId, int position, Instant approvedAt) {}

    public void insert(Row r) {
        jdbc.sql("""
                        insert into evaluation_evaluation (id, ocid, country, authority_id, method, two_stage,
                            technical_weight, pass_mark, low_bid_percent, stage, started_by, started_at)
                        values (:id, :ocid, :country, :authority, :method, :twoStage, :weight, :passMark, :low, :stage,
                            :by, :at)
                        """)
                .param("id", r.id())
                .param("ocid", r.ocid())
                .param("country", r.country())
                .param("authority", r.authorityId())
                .param("method", r.method())
                .param("twoStage", r.twoStage())
                .param("weight", r.technicalWeight())
                .param("passMark", r.passMark())
                .param("low", r.lowBidPercent())
                .param("stage", r.stage())
                .param("by", r.startedBy())
                .param("at", Timestamp.from(r.startedAt()))
                .update();
    }

    public void insertCriterion(UUID evaluation, int position, Evaluation.Criterion c) {
        jdbc.sql("insert into evaluation_criterion values (:e, :p, :code, :kind, :label, :max)")
                .param("e", evaluation)
                .param("p", position)
                .param("code", c.code())
                .param("kind", c.kind())
                .param("label", c.label())
                .param("max", c.maxPoints())
                .update();
    }

    public void insertMember(UUID evaluation, UUID user, int position, String name) {
        jdbc.sql("insert into evaluation_member (evaluation_id, user_id, position, name) values (:e, :u, :p, :n)")
                .param("e", evaluation)
                .param("u", user)
                .param("p", position)
                .param("n", name)
                .update();
    }

    public void insertBidder(UUID evaluation, Evaluation.Bidder b) {
        jdbc.sql("""
                        insert into evaluation_bidder (evaluation_id, company_id, company_name, technical_envelope,
                            financial_envelope, lots, received_at)
                        values (:e, :c, :n, :t, :f, :lots, :at)
                        """)
                .param("e", evaluation)
                .param("c", b.companyId())
                .param("n", b.name())
                .param("t", b.technicalEnvelope())
                .param("f", b.financialEnvelope())
                .param("lots", b.lots().toArray(String[]::new))
                .param("at", Timestamp.from(b.receivedAt()))
                .update();
    }

    /** The evaluation's row, locked for the transaction's change. */
    public Optional<Row> lock(String ocid) {
        return jdbc.sql("select * from evaluation_evaluation where ocid = :o for update")
                .param("o", ocid)
                .query(EvaluationStore::row)
                .optional();
    }

    public Optional<Row> find(String ocid) {
        return jdbc.sql("select * from evaluation_evaluation where ocid = :o")
                .param("o", ocid)
                .query(EvaluationStore::row)
                .optional();
    }

    public void stage(UUID evaluation, String stage, Instant at) {
        jdbc.sql("""
                        update evaluation_evaluation set stage = :s, version = version + 1,
                            technical_settled_at = case when :s in ('financial-opening', 'financial')
                                and technical_settled_at is null then :at else technical_settled_at end
                        where id = :e
                        """)
                .param("s", stage)
                .param("at", Timestamp.from(at))
                .param("e", evaluation)
                .update();
    }

    public List<Evaluation.Criterion> criteria(UUID evaluation) {
        return jdbc.sql("select * from evaluation_criterion where evaluation_id = :e order by position")
                .param("e", evaluation)
                .query((rs, n) -> new Evaluation.Criterion(
                        rs.getString("code"),
                        rs.getString("kind"),
                        rs.getString("label"),
                        rs.getBigDecimal("max_points")))
                .list();
    }

    public List<Evaluation.Member> members(UUID evaluation) {
        return jdbc.sql("select * from evaluation_member where evaluation_id = :e order by position")
                .param("e", evaluation)
                .query((rs, n) -> new Evaluation.Member(
                        rs.getObject("user_id", UUID.class),
                        rs.getInt("position"),
                        rs.getString("name"),
                        instant(rs, "declared_at"),
                        rs.getBoolean("conflict"),
                        instant(rs, "submitted_at")))
                .list();
    }

    public List<Evaluation.Bidder> bidders(UUID evaluation) {
        return jdbc.sql("select * from evaluation_bidder where evaluation_id = :e order by received_at, company_name")
                .param("e", evaluation)
                .query((rs, n) -> new Evaluation.Bidder(
                        rs.getObject("company_id", UUID.class),
                        rs.getString("company_name"),
                        rs.getObject("technical_envelope", UUID.class),
                        rs.getObject("financial_envelope", UUID.class),
                        strings(rs.getArray("lots")),
                        instant(rs, "received_at")))
                .list();
    }

    public List<Evaluation.Mark> marks(UUID evaluation) {
        return jdbc.sql("select * from evaluation_mark where evaluation_id = :e order by marked_at")
                .param("e", evaluation)
                .query((rs, n) -> new Evaluation.Mark(
                        rs.getObject("user_id", UUID.class),
                        rs.getObject("company_id", UUID.class),
                        rs.getString("code"),
                        (Boolean) rs.getObject("passed"),
                        rs.getBigDecimal("points"),
                        rs.getString("comment")))
                .list();
    }

    public List<Evaluation.Settled> settled(UUID evaluation) {
        return jdbc.sql("select * from evaluation_settled where evaluation_id = :e order by settled_at")
                .param("e", evaluation)
                .query((rs, n) -> new Evaluation.Settled(
                        rs.getObject("company_id", UUID.class),
                        rs.getString("code"),
                        (Boolean) rs.getObject("passed"),
                        rs.getBigDecimal("points"),
                        rs.getString("reason"),
                        rs.getBoolean("disagreement"),
                        rs.getString("settled_by")))
                .list();
    }

    public List<Evaluation.Price> prices(UUID evaluation) {
        return jdbc.sql("select * from evaluation_price where evaluation_id = :e order by recorded_at")
                .param("e", evaluation)
                .query((rs, n) -> new Evaluation.Price(
                        rs.getObject("company_id", UUID.class),
                        rs.getString("lot"),
                        rs.getBigDecimal("corrected_amount"),
                        rs.getString("correction_reason"),
                        rs.getString("margin_code"),
                        rs.getString("low_decision"),
                        rs.getString("low_reason")))
                .list();
    }

    /** Records the member's declaration; false if they had declared already. */
    public boolean declare(UUID evaluation, UUID user, boolean conflict, Instant at) {
        return jdbc.sql("""
                        update evaluation_member set declared_at = :at, conflict = :c
                        where evaluation_id = :e and user_id = :u and declared_at is null
                        """)
                        .param("at", Timestamp.from(at))
                        .param("c", conflict)
                        .param("e", evaluation)
                        .param("u", user)
                        .update()
                == 1;
    }

    public void submit(UUID evaluation, UUID user, Instant at) {
        jdbc.sql("update evaluation_member set submitted_at = :at where evaluation_id = :e and user_id = :u")
                .param("at", Timestamp.from(at))
                .param("e", evaluation)
                .param("u", user)
                .update();
    }

    public void mark(UUID evaluation, Evaluation.Mark m, Instant at) {
        jdbc.sql("""
                        insert into evaluation_mark values (:e, :u, :c, :code, :passed, :points, :comment, :at)
                        on conflict (evaluation_id, user_id, company_id, code) do update
                        set passed = excluded.passed, points = excluded.points, comment = excluded.comment,
                            marked_at = excluded.marked_at
                        """)
                .param("e", evaluation)
                .param("u", m.userId())
                .param("c", m.companyId())
                .param("code", m.code())
                .param("passed", m.passed())
                .param("points", m.points())
                .param("comment", m.comment())
                .param("at", Timestamp.from(at))
                .update();
    }

    public void settle(UUID evaluation, Evaluation.Settled s, Instant at) {
        jdbc.sql("""
                        insert into evaluation_settled values (:e, :c, :code, :passed, :points, :reason, :dis, :by, :at)
                        on conflict (evaluation_id, company_id, code) do update
                        set passed = excluded.passed, points = excluded.points, reason = excluded.reason,
                            disagreement = excluded.disagreement, settled_by = excluded.settled_by,
                            settled_at = excluded.settled_at
                        """)
                .param("e", evaluation)
                .param("c", s.companyId())
                .param("code", s.code())
                .param("passed", s.passed())
                .param("points", s.points())
                .param("reason", s.reason())
                .param("dis", s.disagreement())
                .param("by", s.settledBy())
                .param("at", Timestamp.from(at))
                .update();
    }

    public void price(UUID evaluation, Evaluation.Price p, String by, Instant at) {
        jdbc.sql("""
                        insert into evaluation_price values (:e, :c, :lot, :amount, :reason, :margin, :low, :lowReason,
                            :by, :at)
                        on conflict (evaluation_id, company_id, lot) do update
                        set corrected_amount = excluded.corrected_amount,
                            correction_reason = excluded.correction_reason, margin_code = excluded.margin_code,
                            low_decision = excluded.low_decision, low_reason = excluded.low_reason,
                            recorded_by = excluded.recorded_by, recorded_at = excluded.recorded_at
                        """)
                .param("e", evaluation)
                .param("c", p.companyId())
                .param("lot", p.lot())
                .param("amount", p.corrected())
                .param("reason", p.correctionReason())
                .param("margin", p.marginCode())
                .param("low", p.lowDecision())
                .param("lowReason", p.lowReason())
                .param("by", by)
                .param("at", Timestamp.from(at))
                .update();
    }

    public void setFinancialEnvelope(UUID evaluation, UUID company, UUID envelope) {
        jdbc.sql("update evaluation_bidder set financial_envelope = :f where evaluation_id = :e and company_id = :c")
                .param("f", envelope)
                .param("e", evaluation)
                .param("c", company)
                .update();
    }

    /** Writes (or rewrites, while nobody approved it) the report. */
    public UUID saveReport(UUID evaluation, String content, String by, Instant at) {
        Optional<ReportRow> existing = report(evaluation);
        if (existing.isPresent()) {
            jdbc.sql("update evaluation_report set content = :c, generated_by = :by, generated_at = :at where id = :id")
                    .param("c", content)
                    .param("by", by)
                    .param("at", Timestamp.from(at))
                    .param("id", existing.get().id())
                    .update();
            return existing.get().id();
        }
        UUID id = UUID.randomUUID();
        jdbc.sql("insert into evaluation_report (id, evaluation_id, content, generated_by, generated_at)"
                        + " values (:id, :e, :c, :by, :at)")
                .param("id", id)
                .param("e", evaluation)
                .param("c", content)
                .param("by", by)
                .param("at", Timestamp.from(at))
                .update();
        return id;
    }

    public Optional<ReportRow> report(UUID evaluation) {
        return jdbc.sql("select * from evaluation_report where evaluation_id = :e")
                .param("e", evaluation)
                .query((rs, n) -> new ReportRow(
                        rs.getObject("id", UUID.class),
                        rs.getString("content"),
                        rs.getString("generated_by"),
                        instant(rs, "generated_at"),
                        instant(rs, "approved_at")))
                .optional();
    }

    public List<ApprovalRow> approvals(UUID report) {
        return jdbc.sql("select * from evaluation_report_approval where report_id = :r order by position")
                .param("r", report)
                .query((rs, n) -> new ApprovalRow(
                        rs.getObject("user_id", UUID.class), rs.getInt("position"), instant(rs, "approved_at")))
                .list();
    }

    /** Records a member's approval; false if they had approved already. */
    public boolean approve(UUID report, UUID user, int position, Instant at) {
        return jdbc.sql("""
                        insert into evaluation_report_approval values (:r, :u, :p, :at)
                        on conflict (report_id, user_id) do nothing
                        """)
                        .param("r", report)
                        .param("u", user)
                        .param("p", position)
                        .param("at", Timestamp.from(at))
                        .update()
                == 1;
    }

    public void reportApproved(UUID report, Instant at) {
        jdbc.sql("update evaluation_report set approved_at = :at where id = :r")
                .param("at", Timestamp.from(at))
                .param("r", report)
                .update();
    }

    private static Row row(ResultSet rs, int n) throws SQLException {
        return new Row(
                rs.getObject("id", UUID.class),
                rs.getString("ocid"),
                rs.getString("country"),
                rs.getObject("authority_id", UUID.class),
                rs.getString("method"),
                rs.getBoolean("two_stage"),
                (Integer) rs.getObject("technical_weight"),
                rs.getBigDecimal("pass_mark"),
                rs.getBigDecimal("low_bid_percent"),
                rs.getString("stage"),
                rs.getString("started_by"),
                instant(rs, "started_at"));
    }

    @SuppressWarnings("NullAway")
    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }

    private static List<String> strings(@Nullable Array array) throws SQLException {
        return array == null ? List.of() : Arrays.asList((String[]) array.getArray());
    }
}
