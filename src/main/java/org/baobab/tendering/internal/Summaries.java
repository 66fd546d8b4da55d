// SPDX-License-Identifier: Apache-2.0
package org.baobab.tendering.internal;

import static org.baobab.tendering.internal.Sql.instant;
import static org.baobab.tendering.internal.Sql.nullableInstant;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.UUID;
import org.baobab.rules.Nature;
import org.baobab.tendering.NoticeSummary;
import org.baobab.tendering.ProcessStatus;

/** The {@link NoticeSummary} read model: its columns (over {@code tendering_process p}) and its mapping. */
final class Summaries {

    static final String COLUMNS = """
            p.ocid, p.reference, p.title, p.authority_id, p.authority_name, p.country, p.nature, p.procedure_code,
            p.procurement_method, p.status, case when p.value_public then p.estimated_value end as value,
            p.currency, p.submission_deadline, p.published_at, p.updated_at,
            (select count(*) from tendering_addendum a where a.process_id = p.id) as addenda
            """;

    private Summaries() {}

    static NoticeSummary summary(ResultSet rs, int row) throws SQLException {
        return new NoticeSummary(
                rs.getString("ocid"),
                rs.getString("reference"),
                rs.getString("title"),
                rs.getObject("authority_id", UUID.class),
                rs.getString("authority_name"),
                rs.getString("country"),
                Nature.valueOf(rs.getString("nature")),
                rs.getString("procedure_code"),
                rs.getString("procurement_method"),
                ProcessStatus.valueOf(rs.getString("status")),
                rs.getBigDecimal("value"),
                rs.getString("currency"),
                nullableInstant(rs, "submission_deadline"),
                instant(rs, "published_at"),
                instant(rs, "updated_at"),
                rs.getInt("addenda"));
    }
}
