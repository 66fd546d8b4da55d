// SPDX-License-Identifier: Apache-2.0
package org.baobab.documents.internal;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.baobab.documents.StoredDocument;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The documents module's tables, in plain SQL. Only this module reads or writes them. */
@Repository
public class DocumentsStore {

    private final JdbcClient jdbc;

    DocumentsStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Records the blob unless it is known already; returns the content type on record. */
    public String insertBlobIfAbsent(String sha256, long size, String contentType, Instant at) {
        jdbc.sql("""
                insert into documents_blob (sha256, size, content_type, created_at)
                values (:sha, :size, :type, :at)
                on conflict (sha256) do nothing""")
                .param("sha", sha256)
                .param("size", size)
                .param("type", contentType)
                .param("at", java.sql.Timestamp.from(at))
                .update();
        return jdbc.sql("select content_type from documents_blob where sha256 = :sha")
                .param("sha", sha256)
                .query(String.class)
                .single();
    }

    public void insertUpload(
            UUID id, String sha256, String fileName, String uploadedBy, @Nullable String organisation, Instant at) {
        jdbc.sql("""
                insert into documents_upload (id, sha256, file_name, uploaded_by, organisation, uploaded_at)
                values (:id, :sha, :name, :by, :organisation, :at)""")
                .param("id", id)
                .param("sha", sha256)
                .param("name", fileName)
                .param("by", uploadedBy)
                .param("organisation", organisation)
                .param("at", java.sql.Timestamp.from(at))
                .update();
    }

    /** Who uploaded the document (e-mail) and for which organisation (its id, when recorded). */
    public record Upload(String uploadedBy, @Nullable String organisation) {}

    public List<Upload> uploads(String sha256) {
        return jdbc.sql("select uploaded_by, organisation from documents_upload where sha256 = :sha")
                .param("sha", sha256)
                .query((rs, row) -> new Upload(rs.getString("uploaded_by"), rs.getString("organisation")))
                .list();
    }

    /** Deletes the records of a blob of that type and of its uploads; returns whether there was one. */
    public boolean deleteBlob(String sha256, String contentType) {
        boolean known = jdbc.sql("select count(*) from documents_blob where sha256 = :sha and content_type = :type")
                        .param("sha", sha256)
                        .param("type", contentType)
                        .query(Long.class)
                        .single()
                == 1;
        if (known) {
            jdbc.sql("delete from documents_upload where sha256 = :sha")
                    .param("sha", sha256)
                    .update();
            jdbc.sql("delete from documents_blob where sha256 = :sha")
                    .param("sha", sha256)
                    .update();
        }
        return known;
    }

    /** The blob with the name of its first upload. */
    public Optional<StoredDocument> document(String sha256) {
        return jdbc.sql("""
                select b.sha256, b.size, b.content_type, b.created_at, u.file_name
                  from documents_blob b
                  join documents_upload u on u.sha256 = b.sha256
                 where b.sha256 = :sha
                 order by u.uploaded_at, u.id
                 limit 1""")
                .param("sha", sha256)
                .query((rs, row) -> new StoredDocument(
                        rs.getString("sha256"),
                        rs.getLong("size"),
                        rs.getString("content_type"),
                        rs.getString("file_name"),
                        rs.getTimestamp("created_at").toInstant()))
                .optional();
    }
}
