// SPDX-License-Identifier: Apache-2.0
package org.baobab.tendering.internal;

import java.util.Optional;
import org.baobab.documents.DocumentReader;
import org.baobab.documents.DocumentUses;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Tender documents: public once their notice is published (anyone may read them, as on the notice page); before that,
 * the authority's own officials read them as their owner, and control bodies by their role.
 */
@Component
class TenderDocumentUses implements DocumentUses {

    private final JdbcClient jdbc;

    TenderDocumentUses(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Optional<ReadGrant> grant(String sha256, DocumentReader reader) {
        boolean published =
                jdbc.sql("""
                        select exists (select 1 from tendering_document d
                                         join tendering_process p on p.id = d.process_id
                                        where d.sha256 = :sha and p.published_at is not null)""").param("sha", sha256).query(Boolean.class).single();
        return published ? Optional.of(ReadGrant.publicDocument("tendering.published-notice")) : Optional.empty();
    }
}
