// SPDX-License-Identifier: Apache-2.0
package org.baobab.audit.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.baobab.audit.AuditEntry;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The journal's tables. Rows are only ever inserted: the database refuses anything else. */
@Repository
public class JournalStore {

    /** Serialises appends across transactions and nodes, so the chain stays one line. Held until commit. */
    static final long APPEND_LOCK = 0x6261_6f62_6162L; // "baobab"

    private final JdbcClient jdbc;
    private final JdbcClient streaming;

    JournalStore(JdbcClient jdbc, DataSource dataSource) {
        this.jdbc = jdbc;
        JdbcTemplate template = new JdbcTemplate(dataSource);
        // with a fetch size, PostgreSQL streams rows through a cursor instead of loading the whole journal
        template.setFetchSize(1000);
        this.streaming = JdbcClient.create(template);
    }

    public record Head(long seq, String hash) {}

    public record Checkpoint(long id, long seq, String entryHash, Instant signedAt, String keyId, String signature) {}

    static AuditEntry entry(ResultSet rs, int row) throws SQLException {
        return new AuditEntry(
                rs.getLong("seq"),
                rs.getTimestamp("occurred_at").toInstant(),
                rs.getString("actor"),
                rs.getString("organisation"),
                rs.getString("action"),
                rs.getString("subject_type"),
                rs.getString("subject_id"),
                rs.getString("legal_reason"),
                rs.getString("payload"),
                rs.getString("previous_hash"),
                rs.getString("entry_hash"));
    }

    void lockForAppend() {
        jdbc.sql("select pg_advisory_xact_lock(:key)")
                .param("key", APPEND_LOCK)
                .query()
                .rowSet();
    }

    public Optional<Head> head() {
        return jdbc.sql("select seq, entry_hash from audit_entry order by seq desc limit 1")
                .query((rs, n) -> new Head(rs.getLong(1), rs.getString(2)))
                .optional();
    }

    void insert(AuditEntry e) {
        jdbc.sql("""
                insert into audit_entry (seq, occurred_at, actor, organisation, action, subject_type, subject_id,
                                         legal_reason, payload, payload_json, previous_hash, entry_hash)
                values (:seq, :at, :actor, :organisation, :action, :subjectType, :subjectId, :legalReason,
                        :payload, cast(:payload as jsonb), :previousHash, :entryHash)""")
                .param("seq", e.seq())
                .param("at", Timestamp.from(e.occurredAt()))
                .param("actor", e.actor())
                .param("organisation", e.organisation())
                .param("action", e.action())
                .param("subjectType", e.subjectType())
                .param("subjectId", e.subjectId())
                .param("legalReason", e.legalReason())
                .param("payload", e.payload())
                .param("previousHash", e.previousHash())
                .param("entryHash", e.entryHash())
                .update();
    }

    /** Every entry in chain order, streamed; close the stream. Call inside a (read-only) transaction. */
    public Stream<AuditEntry> streamAll() {
        return streaming.sql("select * from audit_entry order by seq").query(JournalStore::entry).stream();
    }

    public List<AuditEntry> latest(
            @Nullable String action,
            @Nullable String subjectType,
            @Nullable String subjectId,
            @Nullable Long beforeSeq,
            int limit) {
        return jdbc.sql("""
                select * from audit_entry
                where (cast(:action as text) is null or action = :action)
                  and (cast(:subjectType as text) is null or subject_type = :subjectType)
                  and (cast(:subjectId as text) is null or subject_id = :subjectId)
                  and (cast(:before as bigint) is null or seq < :before)
                order by seq desc limit :limit""")
                .param("action", action)
                .param("subjectType", subjectType)
                .param("subjectId", subjectId)
                .param("before", beforeSeq)
                .param("limit", limit)
                .query(JournalStore::entry)
                .list();
    }

    public void insertCheckpoint(long seq, String entryHash, Instant signedAt, String keyId, String signature) {
        jdbc.sql("""
                insert into audit_checkpoint (seq, entry_hash, signed_at, key_id, signature)
                values (:seq, :hash, :at, :keyId, :signature)""")
                .param("seq", seq)
                .param("hash", entryHash)
                .param("at", Timestamp.from(signedAt))
                .param("keyId", keyId)
                .param("signature", signature)
                .update();
    }

    /** The highest entry a checkpoint names; 0 when there is none. */
    public long highestCheckpointedSeq() {
        return jdbc.sql("select coalesce(max(seq), 0) from audit_checkpoint")
                .query(Long.class)
                .single();
    }

    public List<Checkpoint> checkpoints(@Nullable Long beforeId, int limit) {
        return jdbc.sql("""
                select * from audit_checkpoint where (cast(:before as bigint) is null or id < :before)
                order by id desc limit :limit""")
                .param("before", beforeId)
                .param("limit", limit)
                .query((rs, n) -> new Checkpoint(
                        rs.getLong("id"),
                        rs.getLong("seq"),
                        rs.getString("entry_hash"),
                        rs.getTimestamp("signed_at").toInstant(),
                        rs.getString("key_id"),
                        rs.getString("signature")))
                .list();
    }

    public List<Checkpoint> allCheckpoints() {
        return jdbc.sql("select * from audit_checkpoint order by seq, id")
                .query((rs, n) -> new Checkpoint(
                        rs.getLong("id"),
                        rs.getLong("seq"),
                        rs.getString("entry_hash"),
                        rs.getTimestamp("signed_at").toInstant(),
                        rs.getString("key_id"),
                        rs.getString("signature")))
                .list();
    }
}
