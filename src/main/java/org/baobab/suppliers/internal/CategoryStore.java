// SPDX-License-Identifier: Apache-2.0
package org.baobab.suppliers.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.baobab.rules.Cpv;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code supplier_category} table: the CPV codes of what each company sells. */
@Repository
public class CategoryStore {

    private final JdbcClient jdbc;

    CategoryStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A company's codes, in code order. */
    public List<String> of(UUID organisationId) {
        return jdbc.sql("select cpv_code from supplier_category where organisation_id = :o order by cpv_code")
                .param("o", organisationId)
                .query(String.class)
                .list();
    }

    /** The codes of several companies at once (for a page of the directory). */
    public Map<UUID, List<String>> of(Collection<UUID> organisations) {
        Map<UUID, List<String>> codes = new LinkedHashMap<>();
        if (organisations.isEmpty()) {
            return codes;
        }
        jdbc.sql("""
                        select organisation_id, cpv_code from supplier_category
                        where organisation_id = any(:o) order by cpv_code
                        """)
                .param("o", organisations.toArray(UUID[]::new))
                .query((rs, i) -> codes.computeIfAbsent(
                                rs.getObject("organisation_id", UUID.class), k -> new java.util.ArrayList<>())
                        .add(rs.getString("cpv_code")))
                .list();
        return codes;
    }

    /** Adds a code; false if the company had it already. */
    public boolean add(UUID organisationId, String code, String by, Instant at) {
        return jdbc.sql("""
                        insert into supplier_category (organisation_id, cpv_code, stem, added_by, added_at)
                        values (:o, :c, :s, :by, :at) on conflict do nothing
                        """)
                        .param("o", organisationId)
                        .param("c", code)
                        .param("s", Cpv.stem(code))
                        .param("by", by)
                        .param("at", Timestamp.from(at))
                        .update()
                > 0;
    }

    public boolean remove(UUID organisationId, String code) {
        return jdbc.sql("delete from supplier_category where organisation_id = :o and cpv_code = :c")
                        .param("o", organisationId)
                        .param("c", code)
                        .update()
                > 0;
    }
}
