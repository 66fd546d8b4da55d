// SPDX-License-Identifier: Apache-2.0
package org.baobab.bidding.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.baobab.bidding.EnvelopeUpload;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code bidding_upload} table. */
@Repository
public class UploadStore {

    private final JdbcClient jdbc;

    UploadStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void insert(EnvelopeUpload u) {
        jdbc.sql("""
                        insert into bidding_upload (id, organisation_id, user_id, ocid, size, sha256, received,
                            created_at, updated_at)
                        values (:id, :org, :user, :ocid, :size, :sha, 0, :at, :at)
                        """)
                .param("id", u.id())
                .param("org", u.organisationId())
                .param("user", u.userId())
                .param("ocid", u.ocid())
                .param("size", u.size())
                .param("sha", u.sha256())
                .param("at", Timestamp.from(u.createdAt()))
                .update();
    }

    /** The upload of that company, locked for the rest of the transaction when {@code lock}. */
    public Optional<EnvelopeUpload> find(UUID id, UUID organisationId, boolean lock) {
        return jdbc.sql("select * from bidding_upload where id = :id and organisation_id = :org"
                        + (lock ? " for update" : ""))
                .param("id", id)
                .param("org", organisationId)
                .query(UploadStore::row)
                .optional();
    }

    public void received(UUID id, long received, Instant at) {
        jdbc.sql("update bidding_upload set received = :r, updated_at = :at where id = :id")
                .param("id", id)
                .param("r", received)
                .param("at", Timestamp.from(at))
                .update();
    }

    public void completed(UUID id, String document, Instant at) {
        jdbc.sql("update bidding_upload set completed_at = :at, updated_at = :at, document = :d where id = :id")
                .param("id", id)
                .param("d", document)
                .param("at", Timestamp.from(at))
                .update();
    }

    /** Unfinished uploads untouched since {@code before}, deleted and returned (their staged files go too). */
    public List<UUID> deleteUnfinished(Instant before) {
        return jdbc.sql("""
                        delete from bidding_upload where completed_at is null and updated_at < :before returning id
                        """)
                .param("before", Timestamp.from(before))
                .query(UUID.class)
                .list();
    }

    /** A completed upload that no envelope refers to: its id, process and ciphertext. */
    public record Unsubmitted(UUID id, String ocid, String document) {}

    /**
     * Completed uploads that no envelope refers to, locked for the rest of the transaction; those a submission under
     * way holds are left out (the submission decides their fate).
     */
    public List<Unsubmitted> completedUnsubmittedForUpdate() {
        return jdbc.sql("""
                        select u.id, u.ocid, u.document from bidding_upload u
                        where u.completed_at is not null
                            and not exists (select 1 from bidding_envelope e where e.upload_id = u.id)
                        order by u.ocid, u.id
                        for update of u skip locked
                        """)
                .query((rs, i) ->
                        new Unsubmitted(rs.getObject("id", UUID.class), rs.getString("ocid"), rs.getString("document")))
                .list();
    }

    /** Deletes those uploads. */
    public void delete(List<UUID> ids) {
        jdbc.sql("delete from bidding_upload where id = any(:ids)")
                .param("ids", ids.toArray(UUID[]::new))
                .update();
    }

    /** Of those ciphertexts, the ones that no envelope and no upload refers to any more. */
    public List<String> unreferenced(List<String> documents) {
        return jdbc.sql("""
                        select d from unnest(cast(:docs as text[])) as d
                        where not exists (select 1 from bidding_envelope e where e.document = d)
                            and not exists (select 1 from bidding_upload u where u.document = d)
                        order by d
                        """)
                .param("docs", documents.stream().distinct().toArray(String[]::new))
                .query(String.class)
                .list();
    }

    private static EnvelopeUpload row(ResultSet rs, int i) throws SQLException {
        Timestamp completed = rs.getTimestamp("completed_at");
        return new EnvelopeUpload(
                rs.getObject("id", UUID.class),
                rs.getObject("organisation_id", UUID.class),
                rs.getObject("user_id", UUID.class),
                rs.getString("ocid"),
                rs.getLong("size"),
                rs.getString("sha256"),
                rs.getLong("received"),
                rs.getTimestamp("created_at").toInstant(),
                rs.getTimestamp("updated_at").toInstant(),
                completed == null ? null : completed.toInstant(),
                rs.getString("document"));
    }
}
