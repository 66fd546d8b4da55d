// SPDX-License-Identifier: Apache-2.0
package org.baobab.suppliers.internal;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.baobab.suppliers.SupplierDocument;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code supplier_document} table. */
@Repository
public class DocumentStore {

    private final JdbcClient jdbc;

    DocumentStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Inserts a document as the current one of its kind, the previous current one (if any) replaced by it. */
    public void insertReplacing(SupplierDocument d) {
        jdbc.sql("""
                        insert into supplier_document (id, organisation_id, country, code, sha256, file_name, issued_on,
                            expires_on, uploaded_by, uploaded_at)
                        values (:id, :o, :country, :code, :sha, :name, :issued, :expires, :by, :at)
                        """)
                .param("id", d.id())
                .param("o", d.organisationId())
                .param("country", d.country())
                .param("code", d.code())
                .param("sha", d.sha256())
                .param("name", d.fileName())
                .param("issued", Date.valueOf(d.issuedOn()))
                .param("expires", d.expiresOn() == null ? null : Date.valueOf(d.expiresOn()))
                .param("by", d.uploadedBy())
                .param("at", Timestamp.from(d.uploadedAt()))
                .update();
        jdbc.sql("""
                        update supplier_document set replaced_by = :id
                        where organisation_id = :o and code = :code and replaced_by is null and id <> :id
                        """)
                .param("id", d.id())
                .param("o", d.organisationId())
                .param("code", d.code())
                .update();
    }

    /** Records a decision on a current, undecided document; false if it was replaced or decided meanwhile. */
    public boolean decide(
            UUID id,
            SupplierDocument.Verification decision,
            String by,
            String forWhom,
            Instant at,
            @Nullable String reason) {
        return jdbc.sql("""
                        update supplier_document set decision = :d, decided_by = :by, decided_for = :for,
                            decided_at = :at, rejection_reason = :reason
                        where id = :id and replaced_by is null and decision is null
                        """)
                        .param("id", id)
                        .param("d", decision.name())
                        .param("by", by)
                        .param("for", forWhom)
                        .param("at", Timestamp.from(at))
                        .param("reason", reason)
                        .update()
                > 0;
    }

    public Optional<SupplierDocument> find(UUID id) {
        return jdbc.sql("select * from supplier_document where id = :id")
                .param("id", id)
                .query(DocumentStore::row)
                .optional();
    }

    /** A company's current documents, by kind. */
    public List<SupplierDocument> current(UUID organisationId) {
        return jdbc.sql("""
                        select * from supplier_document where organisation_id = :o and replaced_by is null
                        order by code
                        """)
                .param("o", organisationId)
                .query(DocumentStore::row)
                .list();
    }

    /** Current documents of a country awaiting a decision, oldest first. */
    public List<SupplierDocument> awaiting(String country) {
        return jdbc.sql("""
                        select * from supplier_document where country = :c and replaced_by is null and decision is null
                        order by uploaded_at limit 200
                        """).param("c", country).query(DocumentStore::row).list();
    }

    /** Current documents expiring between the two days (included) whose expiry was not reminded yet; locked. */
    public List<SupplierDocument> expiringUnreminded(LocalDate from, LocalDate to) {
        return jdbc.sql("""
                        select * from supplier_document
                        where replaced_by is null and expires_on between :from and :to
                          and (reminded_for is null or reminded_for <> expires_on)
                        order by expires_on for update skip locked
                        """)
                .param("from", Date.valueOf(from))
                .param("to", Date.valueOf(to))
                .query(DocumentStore::row)
                .list();
    }

    public void markReminded(UUID id, LocalDate expiresOn) {
        jdbc.sql("update supplier_document set reminded_for = :e where id = :id")
                .param("id", id)
                .param("e", Date.valueOf(expiresOn))
                .update();
    }

    private static SupplierDocument row(ResultSet rs, int i) throws SQLException {
        Date expires = rs.getDate("expires_on");
        String decision = rs.getString("decision");
        return new SupplierDocument(
                rs.getObject("id", UUID.class),
                rs.getObject("organisation_id", UUID.class),
                rs.getString("country"),
                rs.getString("code"),
                rs.getString("sha256"),
                rs.getString("file_name"),
                rs.getDate("issued_on").toLocalDate(),
                expires == null ? null : expires.toLocalDate(),
                rs.getString("uploaded_by"),
                rs.getTimestamp("uploaded_at").toInstant(),
                decision == null ? null : SupplierDocument.Verification.valueOf(decision),
                rs.getString("decided_for"),
                rs.getString("rejection_reason"));
    }
}
