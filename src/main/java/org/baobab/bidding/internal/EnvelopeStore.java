// SPDX-License-Identifier: Apache-2.0
package org.baobab.bidding.internal;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.baobab.bidding.SubmittedEnvelope;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code bidding_envelope} table: submitted envelopes, append-only but for the end of a current one. */
@Repository
public class EnvelopeStore {

    private final JdbcClient jdbc;

    EnvelopeStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void insert(SubmittedEnvelope e, byte[] manifest, UUID uploadId) {
        jdbc.sql("""
                        insert into bidding_envelope (id, ocid, organisation_id, supplier_name, submitted_by, kind, lots,
                            manifest, envelope_hash, document, ciphertext_size, upload_id, received_at, log_index,
                            state)
                        values (:id, :ocid, :org, :name, :by, :kind, :lots, :manifest, :hash, :doc, :size, :upload,
                            :at, :index, 'current')
                        """)
                .param("id", e.id())
                .param("ocid", e.ocid())
                .param("org", e.organisationId())
                .param("name", e.supplierName())
                .param("by", e.submittedBy())
                .param("kind", e.kind())
                .param("lots", e.lots().toArray(String[]::new))
                .param("manifest", manifest)
                .param("hash", e.envelopeHash())
                .param("doc", e.document())
                .param("size", e.ciphertextSize())
                .param("upload", uploadId)
                .param("at", Timestamp.from(e.receivedAt()))
                .param("index", e.logIndex())
                .update();
    }

    public Optional<SubmittedEnvelope> find(UUID id) {
        return jdbc.sql("select * from bidding_envelope where id = :id")
                .param("id", id)
                .query(EnvelopeStore::row)
                .optional();
    }

    public Optional<UUID> envelopeOfUpload(UUID uploadId) {
        return jdbc.sql("select id from bidding_envelope where upload_id = :u")
                .param("u", uploadId)
                .query(UUID.class)
                .optional();
    }

    /** The company's current envelopes for the process, locked for the rest of the transaction. */
    public List<SubmittedEnvelope> currentForUpdate(String ocid, UUID organisationId) {
        return jdbc.sql("""
                        select * from bidding_envelope where ocid = :ocid and organisation_id = :org and state = 'current'
                        order by kind for update
                        """)
                .param("ocid", ocid)
                .param("org", organisationId)
                .query(EnvelopeStore::row)
                .list();
    }

    /** Every envelope of the company for the process, newest first. */
    public List<SubmittedEnvelope> ofCompany(String ocid, UUID organisationId) {
        return jdbc.sql("""
                        select * from bidding_envelope where ocid = :ocid and organisation_id = :org
                        order by received_at desc, id
                        """)
                .param("ocid", ocid)
                .param("org", organisationId)
                .query(EnvelopeStore::row)
                .list();
    }

    /** Every envelope of the company, newest first. */
    public List<SubmittedEnvelope> ofCompany(UUID organisationId, int limit) {
        return jdbc.sql(
                        "select * from bidding_envelope where organisation_id = :org order by received_at desc limit :n")
                .param("org", organisationId)
                .param("n", limit)
                .query(EnvelopeStore::row)
                .list();
    }

    /** Every envelope of the process, in order of receipt. */
    public List<SubmittedEnvelope> ofProcess(String ocid) {
        return jdbc.sql("select * from bidding_envelope where ocid = :ocid order by received_at, log_index")
                .param("ocid", ocid)
                .query(EnvelopeStore::row)
                .list();
    }

    public Optional<byte[]> manifest(UUID id) {
        return jdbc.sql("select manifest from bidding_envelope where id = :id")
                .param("id", id)
                .query(byte[].class)
                .optional();
    }

    public void end(UUID id, SubmittedEnvelope.State state, UUID replacedBy, java.time.Instant at, UUID by) {
        int changed = jdbc.sql("""
                        update bidding_envelope set state = :state, replaced_by = :replaced, ended_at = :at,
                            ended_by = :by
                        where id = :id and state = 'current'
                        """)
                .param("id", id)
                .param("state", state.code())
                .param("replaced", replacedBy)
                .param("at", Timestamp.from(at))
                .param("by", by)
                .update();
        if (changed != 1) {
            throw new IllegalStateException("envelope " + id + " is not current");
        }
    }

    private static SubmittedEnvelope row(ResultSet rs, int i) throws SQLException {
        Timestamp ended = rs.getTimestamp("ended_at");
        Array lots = rs.getArray("lots");
        return new SubmittedEnvelope(
                rs.getObject("id", UUID.class),
                rs.getString("ocid"),
                rs.getObject("organisation_id", UUID.class),
                rs.getString("supplier_name"),
                rs.getObject("submitted_by", UUID.class),
                rs.getString("kind"),
                Arrays.asList((String[]) lots.getArray()),
                rs.getString("envelope_hash"),
                rs.getString("document"),
                rs.getLong("ciphertext_size"),
                rs.getTimestamp("received_at").toInstant(),
                rs.getLong("log_index"),
                SubmittedEnvelope.State.valueOf(rs.getString("state").toUpperCase(Locale.ROOT)),
                rs.getObject("replaced_by", UUID.class),
                ended == null ? null : ended.toInstant());
    }
}
