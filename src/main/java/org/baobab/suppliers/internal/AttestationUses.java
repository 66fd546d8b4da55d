// SPDX-License-Identifier: Apache-2.0
package org.baobab.suppliers.internal;

import java.util.Optional;
import org.baobab.documents.DocumentReader;
import org.baobab.documents.DocumentUses;
import org.baobab.shared.Role;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * A company's attestations (tax, social security, register): its own members read them as their owner; the buyers and
 * PRMs who verify attestations at the verification desk (the officials who check a bidder's papers) read them too.
 * Never public.
 */
@Component
class AttestationUses implements DocumentUses {

    private final JdbcClient jdbc;

    AttestationUses(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Optional<ReadGrant> grant(String sha256, DocumentReader reader) {
        if (!reader.hasAnyRole(Role.BUYER, Role.PRM)) {
            return Optional.empty();
        }
        boolean attestation = jdbc.sql("select exists (select 1 from supplier_document where sha256 = :sha)")
                .param("sha", sha256)
                .query(Boolean.class)
                .single();
        return attestation ? Optional.of(ReadGrant.restricted("suppliers.verification")) : Optional.empty();
    }
}
