// SPDX-License-Identifier: Apache-2.0
package org.baobab.suppliers.internal;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.baobab.rules.Nature;
import org.baobab.suppliers.Exclusion;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code supplier_exclusion} table: rows are inserted, and updated once to record a lift. */
@Repository
public class ExclusionStore {

    private final JdbcClient jdbc;

    ExclusionStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void insert(Exclusion e) {
        jdbc.sql("""
                        insert into supplier_exclusion (id, country, regulator_id, regulator_name, organisation_id,
                            company_name, identifiers, nature, starts_on, ends_on, legal_basis, reason, recorded_by,
                            recorded_at)
                        values (:id, :country, :regulatorId, :regulatorName, :organisationId, :companyName,
                            :identifiers, :nature, :startsOn, :endsOn, :legalBasis, :reason, :recordedBy, :recordedAt)
                        """)
                .param("id", e.id())
                .param("country", e.country())
                .param("regulatorId", e.regulatorId())
                .param("regulatorName", e.regulatorName())
                .param("organisationId", e.organisationId())
                .param("companyName", e.companyName())
                .param("identifiers", e.identifiers())
                .param("nature", e.nature() == null ? null : e.nature().name())
                .param("startsOn", Date.valueOf(e.startsOn()))
                .param("endsOn", e.endsOn() == null ? null : Date.valueOf(e.endsOn()))
                .param("legalBasis", e.legalBasis())
                .param("reason", e.reason())
                .param("recordedBy", e.recordedBy())
                .param("recordedAt", Timestamp.from(e.recordedAt()))
                .update();
    }

    /** Records the lift; false when the exclusion was already lifted. */
    public boolean lift(UUID id, String by, Instant at, String reason) {
        return jdbc.sql("""
                        update supplier_exclusion set lifted_by = :by, lifted_at = :at, lift_reason = :reason
                        where id = :id and lifted_at is null
                        """)
                        .param("id", id)
                        .param("by", by)
                        .param("at", Timestamp.from(at))
                        .param("reason", reason)
                        .update()
                > 0;
    }

    public Optional<Exclusion> find(UUID id) {
        return jdbc.sql("select * from supplier_exclusion where id = :id")
                .param("id", id)
                .query(ExclusionStore::row)
                .optional();
    }

    /** The exclusions of a registered supplier, newest first. */
    public List<Exclusion> ofOrganisation(UUID organisationId) {
        return jdbc.sql("select * from supplier_exclusion where organisation_id = :o order by starts_on desc, id")
                .param("o", organisationId)
                .query(ExclusionStore::row)
                .list();
    }

    /** Every exclusion, or a country's, newest decision first. */
    public List<Exclusion> all(@Nullable String country) {
        return jdbc.sql("""
                        select * from supplier_exclusion where (cast(:country as text) is null or country = :country)
                        order by starts_on desc, recorded_at desc, id
                        """)
                .param("country", country)
                .query(ExclusionStore::row)
                .list();
    }

    private static Exclusion row(ResultSet rs, int i) throws SQLException {
        String nature = rs.getString("nature");
        Date ends = rs.getDate("ends_on");
        Timestamp lifted = rs.getTimestamp("lifted_at");
        return new Exclusion(
                rs.getObject("id", UUID.class),
                rs.getString("country"),
                rs.getObject("regulator_id", UUID.class),
                rs.getString("regulator_name"),
                rs.getObject("organisation_id", UUID.class),
                rs.getString("company_name"),
                rs.getString("identifiers"),
                nature == null ? null : Nature.valueOf(nature),
                rs.getDate("starts_on").toLocalDate(),
                ends == null ? null : ends.toLocalDate(),
                rs.getString("legal_basis"),
                rs.getString("reason"),
                rs.getString("recorded_by"),
                rs.getTimestamp("recorded_at").toInstant(),
                rs.getString("lifted_by"),
                lifted == null ? null : lifted.toInstant(),
                rs.getString("lift_reason"));
    }
}
