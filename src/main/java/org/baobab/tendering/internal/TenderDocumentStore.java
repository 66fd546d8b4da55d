// SPDX-License-Identifier: Apache-2.0
package org.baobab.tendering.internal;

import static org.baobab.tendering.internal.Sql.ts;

import java.util.UUID;
import org.baobab.tendering.ProcessView;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The tender documents attached to processes ({@code tendering_document}); the files live in the document store. */
@Repository
public class TenderDocumentStore {

    private final JdbcClient jdbc;

    public TenderDocumentStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void insert(ProcessView.TenderDocument d, UUID processId, String addedBy) {
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

    public boolean delete(UUID processId, UUID documentId) {
        return jdbc.sql("delete from tendering_document where process_id = :p and id = :id")
                        .param("p", processId)
                        .param("id", documentId)
                        .update()
                == 1;
    }
}
