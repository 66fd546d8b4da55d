// SPDX-License-Identifier: Apache-2.0
package org.baobab.planning.internal;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.baobab.planning.PlanLine;
import org.baobab.planning.PlanStatus;
import org.baobab.planning.PlanView;
import org.baobab.rules.Nature;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The planning tables, with plain SQL. Only this module reads them. */
@Repository
public class PlanStore {

    private final JdbcClient jdbc;

    public PlanStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A plan revision without its lines. */
    public record Head(
            UUID id,
            UUID authorityId,
            String authorityName,
            String country,
            int fiscalYear,
            int revision,
            PlanStatus status,
            @Nullable String revisionReason,
            String createdBy,
            Instant createdAt,
            @Nullable Instant validatedAt,
            @Nullable Instant publishedAt) {}

    public void insertPlan(Head h) {
        jdbc.sql("""
                        insert into planning_plan (id, authority_id, authority_name, country, fiscal_year, revision,
                            status, revision_reason, created_by, created_at)
                        values (:id, :authority, :name, :country, :year, :revision, :status, :reason, :by, :at)
                        """)
                .param("id", h.id())
                .param("authority", h.authorityId())
                .param("name", h.authorityName())
                .param("country", h.country())
                .param("year", h.fiscalYear())
                .param("revision", h.revision())
                .param("status", h.status().name())
                .param("reason", h.revisionReason())
                .param("by", h.createdBy())
                .param("at", Timestamp.from(h.createdAt()))
                .update();
    }

    public boolean exists(UUID authorityId, int year) {
        return jdbc.sql("select count(*) from planning_plan where authority_id = :a and fiscal_year = :y")
                        .param("a", authorityId)
                        .param("y", year)
                        .query(Long.class)
                        .single()
                > 0;
    }

    /** Locks the revision's row for the rest of the transaction. */
    public Optional<Head> lock(UUID id) {
        return jdbc.sql(HEAD + " where id = :id for update")
                .param("id", id)
                .query(PlanStore::head)
                .optional();
    }

    public Optional<Head> head(UUID id) {
        return jdbc.sql(HEAD + " where id = :id")
                .param("id", id)
                .query(PlanStore::head)
                .optional();
    }

    /** Every revision of the authority's plan for the year, newest first. */
    public List<Head> revisions(UUID authorityId, int year) {
        return jdbc.sql(HEAD + " where authority_id = :a and fiscal_year = :y order by revision desc")
                .param("a", authorityId)
                .param("y", year)
                .query(PlanStore::head)
                .list();
    }

    public List<Head> byAuthority(UUID authorityId) {
        return jdbc.sql(HEAD + " where authority_id = :a order by fiscal_year desc, revision desc")
                .param("a", authorityId)
                .query(PlanStore::head)
                .list();
    }

    /** The newest published revision of every plan, filtered, newest year first. */
    public List<Head> latestPublished(@Nullable String country, @Nullable Integer year, @Nullable UUID authority) {
        StringBuilder sql = new StringBuilder(HEAD
                + " where published_at is not null and revision = (select max(revision) from planning_plan q"
                + " where q.authority_id = planning_plan.authority_id and q.fiscal_year = planning_plan.fiscal_year"
                + " and q.published_at is not null)");
        Map<String, Object> params = new HashMap<>();
        if (country != null) {
            sql.append(" and country = :country");
            params.put("country", country);
        }
        if (year != null) {
            sql.append(" and fiscal_year = :year");
            params.put("year", year);
        }
        if (authority != null) {
            sql.append(" and authority_id = :authority");
            params.put("authority", authority);
        }
        sql.append(" order by fiscal_year desc, authority_name");
        return jdbc.sql(sql.toString()).params(params).query(PlanStore::head).list();
    }

    public void setStatus(UUID id, PlanStatus status, String by, Instant at) {
        String column = status == PlanStatus.VALIDATED ? "validated" : "published";
        jdbc.sql("update planning_plan set status = :status, " + column + "_by = :by, " + column + "_at = :at"
                        + " where id = :id")
                .param("id", id)
                .param("status", status.name())
                .param("by", by)
                .param("at", Timestamp.from(at))
                .update();
    }

    public void backToDraft(UUID id) {
        jdbc.sql("update planning_plan set status = 'DRAFT', validated_by = null, validated_at = null where id = :id")
                .param("id", id)
                .update();
    }

    /** A line with its ocid, if minted, and its launch, if any. */
    private static final String LINE = """
            select l.*, o.ocid, x.launched_at from planning_line l
                left join planning_line_ocid o on o.line_key = l.line_key
                left join planning_launch x on x.line_key = l.line_key
            """;

    public List<PlanLine> lines(Head head) {
        return jdbc.sql(LINE + " where l.plan_id = :id order by l.position, l.reference")
                .param("id", head.id())
                .query((rs, i) -> line(rs, head))
                .list();
    }

    public PlanView view(Head h) {
        return new PlanView(
                h.id(),
                h.authorityId(),
                h.authorityName(),
                h.country(),
                h.fiscalYear(),
                h.revision(),
                h.status(),
                h.revisionReason(),
                h.createdBy(),
                h.createdAt(),
                h.validatedAt(),
                h.publishedAt(),
                lines(h));
    }

    /** The line and the revision it belongs to. */
    public Optional<PlanLine> line(UUID lineId) {
        return jdbc.sql("select plan_id from planning_line where id = :id")
                .param("id", lineId)
                .query(UUID.class)
                .optional()
                .flatMap(this::head)
                .flatMap(h -> jdbc.sql(LINE + " where l.id = :id")
                        .param("id", lineId)
                        .query((rs, i) -> line(rs, h))
                        .optional());
    }

    public int nextPosition(UUID planId) {
        return jdbc.sql("select coalesce(max(position), 0) + 1 from planning_line where plan_id = :p")
                .param("p", planId)
                .query(Integer.class)
                .single();
    }

    public void insertLine(UUID planId, UUID id, UUID lineKey, int position, PlanLine.Draft d) {
        jdbc.sql("""
                        insert into planning_line (id, plan_id, line_key, position, reference, title, description,
                            nature, procedure_code, amount, currency, funding_source, launch_date, opening_date,
                            award_date, signature_date)
                        values (:id, :plan, :key, :position, :reference, :title, :description, :nature, :procedure,
                            :amount, :currency, :funding, :launch, :opening, :award, :signature)
                        """)
                .params(lineParams(d))
                .param("id", id)
                .param("plan", planId)
                .param("key", lineKey)
                .param("position", position)
                .update();
    }

    public boolean updateLine(UUID planId, UUID id, PlanLine.Draft d) {
        return jdbc.sql("""
                                update planning_line set reference = :reference, title = :title,
                                    description = :description, nature = :nature, procedure_code = :procedure,
                                    amount = :amount, currency = :currency, funding_source = :funding,
                                    launch_date = :launch, opening_date = :opening, award_date = :award,
                                    signature_date = :signature
                                where id = :id and plan_id = :plan
                                """)
                        .params(lineParams(d))
                        .param("id", id)
                        .param("plan", planId)
                        .update()
                == 1;
    }

    public boolean deleteLine(UUID planId, UUID id) {
        return jdbc.sql("delete from planning_line where id = :id and plan_id = :plan")
                        .param("id", id)
                        .param("plan", planId)
                        .update()
                == 1;
    }

    public boolean referenceTaken(UUID planId, String reference, @Nullable UUID exceptLine) {
        return jdbc.sql("select count(*) from planning_line where plan_id = :p and reference = :r"
                                + " and (cast(:except as uuid) is null or id <> cast(:except as uuid))")
                        .param("p", planId)
                        .param("r", reference)
                        .param("except", exceptLine)
                        .query(Long.class)
                        .single()
                > 0;
    }

    public void insertLaunch(UUID lineKey, String by, Instant at) {
        jdbc.sql("insert into planning_launch (line_key, launched_by, launched_at) values (:k, :b, :a)")
                .param("k", lineKey)
                .param("b", by)
                .param("a", Timestamp.from(at))
                .update();
    }

    /** The next number of the country and year's plan-line ocids, without gaps. */
    public int nextOcidNumber(String country, int year) {
        return jdbc.sql("""
                        insert into planning_ocid_counter (country, year, last) values (:country, :year, 1)
                        on conflict (country, year) do update set last = planning_ocid_counter.last + 1
                        returning last
                        """)
                .param("country", country)
                .param("year", year)
                .query(Integer.class)
                .single();
    }

    public void insertOcid(UUID lineKey, String ocid, Instant at) {
        jdbc.sql("insert into planning_line_ocid (line_key, ocid, minted_at) values (:k, :o, :a)")
                .param("k", lineKey)
                .param("o", ocid)
                .param("a", Timestamp.from(at))
                .update();
    }

    private static Map<String, Object> lineParams(PlanLine.Draft d) {
        Map<String, Object> p = new HashMap<>();
        p.put("reference", d.reference());
        p.put("title", d.title());
        p.put("description", d.description());
        p.put("nature", d.nature().name());
        p.put("procedure", d.procedureCode());
        p.put("amount", d.amount());
        p.put("currency", d.currency());
        p.put("funding", d.fundingSource());
        p.put("launch", date(d.launchDate()));
        p.put("opening", date(d.openingDate()));
        p.put("award", date(d.awardDate()));
        p.put("signature", date(d.signatureDate()));
        return p;
    }

    private static @Nullable Date date(@Nullable LocalDate day) {
        return day == null ? null : Date.valueOf(day);
    }

    private static @Nullable LocalDate day(ResultSet rs, String column) throws SQLException {
        Date value = rs.getDate(column);
        return value == null ? null : value.toLocalDate();
    }

    private static PlanLine line(ResultSet rs, Head h) throws SQLException {
        return new PlanLine(
                rs.getObject("id", UUID.class),
                h.id(),
                rs.getObject("line_key", UUID.class),
                h.authorityId(),
                h.country(),
                h.fiscalYear(),
                h.revision(),
                rs.getString("reference"),
                rs.getString("title"),
                rs.getString("description"),
                Nature.valueOf(rs.getString("nature")),
                rs.getString("procedure_code"),
                rs.getBigDecimal("amount"),
                rs.getString("currency"),
                rs.getString("funding_source"),
                day(rs, "launch_date"),
                day(rs, "opening_date"),
                day(rs, "award_date"),
                day(rs, "signature_date"),
                rs.getString("ocid"),
                rs.getTimestamp("launched_at") != null);
    }

    private static final String HEAD = """
            select id, authority_id, authority_name, country, fiscal_year, revision, status, revision_reason,
                created_by, created_at, validated_at, published_at
            from planning_plan
            """;

    private static Head head(ResultSet rs, int i) throws SQLException {
        Timestamp validated = rs.getTimestamp("validated_at");
        Timestamp published = rs.getTimestamp("published_at");
        return new Head(
                rs.getObject("id", UUID.class),
                rs.getObject("authority_id", UUID.class),
                rs.getString("authority_name"),
                rs.getString("country"),
                rs.getInt("fiscal_year"),
                rs.getInt("revision"),
                PlanStatus.valueOf(rs.getString("status")),
                rs.getString("revision_reason"),
                rs.getString("created_by"),
                rs.getTimestamp("created_at").toInstant(),
                validated == null ? null : validated.toInstant(),
                published == null ? null : published.toInstant());
    }
}
