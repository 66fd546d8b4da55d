// SPDX-License-Identifier: Apache-2.0
package org.baobab.complaints.internal;

import java.util.Optional;
import org.baobab.documents.DocumentReader;
import org.baobab.documents.DocumentUses;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The evidence of a complaint: the parties read it, the complaining company and the contracting authority complained
 * to (the regulator's complaints desk reads it by its role). Never public.
 */
@Component
class EvidenceUses implements DocumentUses {

    private final JdbcClient jdbc;

    EvidenceUses(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Optional<ReadGrant> grant(String sha256, DocumentReader reader) {
        if (reader.organisations().isEmpty()) {
            return Optional.empty();
        }
        boolean party = jdbc.sql("""
                        select exists (select 1 from complaints_evidence e
                                         join complaints_complaint c on c.id = e.complaint_id
                                        where e.sha256 = :sha
                                          and (c.complainant_id in (:orgs) or c.authority_id in (:orgs)))""")
                .param("sha", sha256)
                .param("orgs", java.util.List.copyOf(reader.organisations()))
                .query(Boolean.class)
                .single();
        return party ? Optional.of(ReadGrant.restricted("complaints.party")) : Optional.empty();
    }
}
