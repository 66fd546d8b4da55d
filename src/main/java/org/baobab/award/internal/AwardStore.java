// SPDX-License-Identifier: Apache-2.0
package org.baobab.award.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.baobab.award.Recommendation;
import org.baobab.award.Recommendation.BidderResult;
import org.baobab.award.Recommendation.LotResult;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code award_*} tables: one award per process, its lots and every bidder's result. */
@Repository
public class AwardStore {

    private final JdbcClient jdbc;

    AwardStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** An award's row. */
    public record Row(
            String ocid,
            String country,
            UUID authorityId,
            UUID reportId,
            String method,
            Instant approvedAt,
            Instant recommendedAt,
            String status,
            @Nullable String reviewDecision,
            @Nullable String reviewComments,
            @Nullable Instant reviewedAt,
            @Nullable Instant provisionalAt,
            @Nullable LocalDate standstillEnds,
            @Nullable LocalDate complainBy,
            @Nullable Instant finalAt,
            @Nullable Instant cancelledAt,
            @Nullable String cancelReason) {}

    public Optional<Row> lock(String ocid) {
        return jdbc.sql("select * from award_award where ocid = :o for update")
                .param("o", ocid)
                .query(AwardStore::row)
                .optional();
    }

    public Optional<Row> find(String ocid) {
        return jdbc.sql("select * from award_award where ocid = :o")
                .param("o", ocid)
                .query(AwardStore::row)
                .optional();
    }

    /** Stores a recommendation, replacing the previous one of the process (its lots and bidders too). */
    public void save(Recommendation r, String country, UUID authorityId, Instant now, boolean replace) {
        if (replace) {
            jdbc.sql("delete from award_lot where ocid = :o")
                    .param("o", r.ocid())
                    .update();
            jdbc.sql("delete from award_bidder where ocid = :o")
                    .param("o", r.ocid())
                    .update();
            jdbc.sql("""
                            update award_award set report_id = :report, method = :method, approved_at = :approved,
                                recommended_at = :now, status = 'RECOMMENDED', review_decision = null,
                                review_comments = null, reviewed_by = null, reviewed_at = null
                            where ocid = :o
                            """)
                    .param("o", r.ocid())
                    .param("report", r.reportId())
                    .param("method", r.method())
                    .param("approved", Timestamp.from(r.approvedAt()))
                    .param("now", Timestamp.from(now))
                    .update();
        } else {
            jdbc.sql("""
                            insert into award_award (ocid, country, authority_id, report_id, method, approved_at,
                                recommended_at, status)
                            values (:o, :country, :authority, :report, :method, :approved, :now, 'RECOMMENDED')
                            """)
                    .param("o", r.ocid())
                    .param("country", country)
                    .param("authority", authorityId)
                    .param("report", r.reportId())
                    .param("method", r.method())
                    .param("approved", Timestamp.from(r.approvedAt()))
                    .param("now", Timestamp.from(now))
                    .update();
        }
        for (int i = 0; i < r.lots().size(); i++) {
            LotResult l = r.lots().get(i);
            jdbc.sql("insert into award_lot values (:o, :p, :lot, :winner, :name, :amount, :currency)")
                    .param("o", r.ocid())
                    .param("p", i + 1)
                    .param("lot", l.lot())
                    .param("winner", l.winnerId())
                    .param("name", l.winnerName())
                    .param("amount", l.amount())
                    .param("currency", l.currency())
                    .update();
        }
        for (int i = 0; i < r.bidders().size(); i++) {
            BidderResult b = r.bidders().get(i);
            jdbc.sql("""
                            insert into award_bidder values (:o, :p, :company, :name, :envelopes, :lots, :read,
                                :corrected, :evaluated, :technical, :combined, :rank, :outcome, :reasons)
                            """)
                    .param("o", r.ocid())
                    .param("p", i + 1)
                    .param("company", b.companyId())
                    .param("name", b.companyName())
                    .param(
                            "envelopes",
                            String.join(
                                    ",",
                                    b.envelopeIds().stream().map(UUID::toString).toList()))
                    .param("lots", String.join(",", b.lots()))
                    .param("read", b.readAmount())
                    .param("corrected", b.correctedAmount())
                    .param("evaluated", b.evaluatedAmount())
                    .param("technical", b.technicalScore())
                    .param("combined", b.combinedScore())
                    .param("rank", b.rank())
                    .param("outcome", b.outcome())
                    .param("reasons", b.reasons())
                    .update();
        }
    }

    /** The stored recommendation of the process. */
    public Recommendation recommendation(Row row) {
        List<LotResult> lots = jdbc.sql("select * from award_lot where ocid = :o order by position")
                .param("o", row.ocid())
                .query((rs, n) -> new LotResult(
                        rs.getString("lot"),
                        rs.getObject("winner_id", UUID.class),
                        rs.getString("winner_name"),
                        rs.getBigDecimal("amount"),
                        rs.getString("currency")))
                .list();
        List<BidderResult> bidders = jdbc.sql("select * from award_bidder where ocid = :o order by position")
                .param("o", row.ocid())
                .query((rs, n) -> new BidderResult(
                        rs.getObject("company_id", UUID.class),
                        rs.getString("company_name"),
                        split(rs.getString("envelope_ids")).stream()
                                .map(UUID::fromString)
                                .toList(),
                        split(rs.getString("lots")),
                        rs.getBigDecimal("read_amount"),
                        rs.getBigDecimal("corrected_amount"),
                        rs.getBigDecimal("evaluated_amount"),
                        rs.getBigDecimal("technical_score"),
                        rs.getBigDecimal("combined_score"),
                        rs.getObject("rank", Integer.class),
                        rs.getString("outcome"),
                        rs.getString("reasons")))
                .list();
        return new Recommendation(row.ocid(), row.reportId(), row.method(), row.approvedAt(), lots, bidders);
    }

    /** The ocids of the awards in prior review in these countries, oldest recommendation first. */
    public List<String> inReview(List<String> countries) {
        if (countries.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("select ocid from award_award where status = 'IN_REVIEW' and country in (:c)"
                        + " order by recommended_at")
                .param("c", countries)
                .query(String.class)
                .list();
    }

    public void status(String ocid, String status) {
        jdbc.sql("update award_award set status = :s where ocid = :o")
                .param("o", ocid)
                .param("s", status)
                .update();
    }

    public void review(String ocid, String decision, String comments, String by, Instant at, String status) {
        jdbc.sql("""
                        update award_award set review_decision = :d, review_comments = :c, reviewed_by = :by,
                            reviewed_at = :at, status = :s
                        where ocid = :o
                        """)
                .param("o", ocid)
                .param("d", decision)
                .param("c", comments)
                .param("by", by)
                .param("at", Timestamp.from(at))
                .param("s", status)
                .update();
    }

    public void provisional(String ocid, Instant at, String by, LocalDate standstillEnds, LocalDate complainBy) {
        jdbc.sql("""
                        update award_award set status = 'PROVISIONAL', provisional_at = :at, provisional_by = :by,
                            standstill_ends = :ends, complain_by = :complain
                        where ocid = :o
                        """)
                .param("o", ocid)
                .param("at", Timestamp.from(at))
                .param("by", by)
                .param("ends", standstillEnds)
                .param("complain", complainBy)
                .update();
    }

    public void finalised(String ocid, Instant at, String by) {
        jdbc.sql("update award_award set status = 'FINAL', final_at = :at, final_by = :by where ocid = :o")
                .param("o", ocid)
                .param("at", Timestamp.from(at))
                .param("by", by)
                .update();
    }

    public void cancelled(String ocid, Instant at, String by, String reason) {
        jdbc.sql("""
                        update award_award set status = 'CANCELLED', cancelled_at = :at, cancelled_by = :by,
                            cancel_reason = :r
                        where ocid = :o
                        """)
                .param("o", ocid)
                .param("at", Timestamp.from(at))
                .param("by", by)
                .param("r", reason)
                .update();
    }

    private static List<String> split(String joined) {
        return joined.isEmpty() ? List.of() : Arrays.asList(joined.split(","));
    }

    private static Row row(ResultSet rs, int n) throws SQLException {
        return new Row(
                rs.getString("ocid"),
                rs.getString("country"),
                rs.getObject("authority_id", UUID.class),
                rs.getObject("report_id", UUID.class),
                rs.getString("method"),
                rs.getTimestamp("approved_at").toInstant(),
                rs.getTimestamp("recommended_at").toInstant(),
                rs.getString("status"),
                rs.getString("review_decision"),
                rs.getString("review_comments"),
                instant(rs, "reviewed_at"),
                instant(rs, "provisional_at"),
                rs.getObject("standstill_ends", LocalDate.class),
                rs.getObject("complain_by", LocalDate.class),
                instant(rs, "final_at"),
                instant(rs, "cancelled_at"),
                rs.getString("cancel_reason"));
    }

    private static @Nullable Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }
}
