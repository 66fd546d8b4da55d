// SPDX-License-Identifier: Apache-2.0
package org.baobab.suppliers.internal;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.baobab.rules.Cpv;
import org.baobab.suppliers.SupplierProfile;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code supplier_profile} and {@code supplier_identifier} tables. */
@Repository
public class ProfileStore {

    /**
     * Profiles with their identifiers, in one query however many: the schemes and the values in two arrays of the same
     * order (null for a company with none).
     */
    private static final String PROFILES = """
            select p.*, i.schemes, i.identifier_values from supplier_profile p
            cross join lateral (
                select array_agg(n.scheme order by n.scheme) as schemes,
                       array_agg(n.value order by n.scheme) as identifier_values
                from supplier_identifier n where n.organisation_id = p.organisation_id) i
            """;

    private final JdbcClient jdbc;

    ProfileStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Locks the company's profile row for the save (none yet: nothing to lock). */
    public void lock(UUID organisationId) {
        jdbc.sql("select 1 from supplier_profile where organisation_id = :o for update")
                .param("o", organisationId)
                .query()
                .listOfRows();
    }

    /** The company holding that identifier in that country, if any. */
    public Optional<UUID> holder(String country, String scheme, String canonical) {
        return jdbc.sql("""
                        select organisation_id from supplier_identifier
                        where country = :c and scheme = :s and canonical = :v
                        """)
                .param("c", country)
                .param("s", scheme)
                .param("v", canonical)
                .query(UUID.class)
                .optional();
    }

    /** An identifier as typed, and its canonical form (compared for duplicates). */
    public record Identifier(String value, String canonical) {}

    public void save(
            UUID organisationId,
            String country,
            SupplierProfile.Draft d,
            Map<String, Identifier> ids,
            String by,
            Instant at) {
        jdbc.sql("""
                        insert into supplier_profile (organisation_id, country, legal_name, legal_form, address, city,
                            phone, email, website, sme, startup, women_led, listed, bank_name, bank_account,
                            updated_by, updated_at)
                        values (:o, :country, :legalName, :legalForm, :address, :city, :phone, :email, :website, :sme,
                            :startup, :womenLed, :listed, :bankName, :bankAccount, :by, :at)
                        on conflict (organisation_id) do update set legal_name = excluded.legal_name,
                            legal_form = excluded.legal_form, address = excluded.address, city = excluded.city,
                            phone = excluded.phone, email = excluded.email, website = excluded.website,
                            sme = excluded.sme, startup = excluded.startup, women_led = excluded.women_led,
                            listed = excluded.listed, bank_name = excluded.bank_name,
                            bank_account = excluded.bank_account, updated_by = excluded.updated_by,
                            updated_at = excluded.updated_at
                        """)
                .param("o", organisationId)
                .param("country", country)
                .param("legalName", d.legalName())
                .param("legalForm", d.legalForm())
                .param("address", d.address())
                .param("city", d.city())
                .param("phone", d.phone())
                .param("email", d.email())
                .param("website", d.website())
                .param("sme", d.sme())
                .param("startup", d.startup())
                .param("womenLed", d.womenLed())
                .param("listed", d.listed())
                .param("bankName", d.bankName())
                .param("bankAccount", d.bankAccount())
                .param("by", by)
                .param("at", Timestamp.from(at))
                .update();
        jdbc.sql("delete from supplier_identifier where organisation_id = :o")
                .param("o", organisationId)
                .update();
        ids.forEach((scheme, value) -> jdbc.sql("""
                        insert into supplier_identifier (organisation_id, country, scheme, value, canonical)
                        values (:o, :c, :s, :v, :k)
                        """)
                .param("o", organisationId)
                .param("c", country)
                .param("s", scheme)
                .param("v", value.value())
                .param("k", value.canonical())
                .update());
    }

    public Optional<SupplierProfile> find(UUID organisationId) {
        return jdbc.sql(PROFILES + "where p.organisation_id = :o")
                .param("o", organisationId)
                .query((rs, i) -> row(rs))
                .optional();
    }

    /**
     * The companies listed in the directory, by name; a country's, names containing the words, and companies selling
     * something under or above the CPV code, if given. The words are matched as typed: a {@code %} or {@code _} in
     * them is that character, not a wildcard.
     */
    public List<SupplierProfile> listed(@Nullable String country, @Nullable String words, @Nullable String cpv) {
        return jdbc.sql(PROFILES + """
                        where p.listed and (cast(:c as text) is null or p.country = :c)
                          and (cast(:w as text) is null
                               or unaccent(p.legal_name) ilike '%' || unaccent(:w) || '%' escape '\\')
                          and (cast(:stem as text) is null or exists (
                              select 1 from supplier_category k where k.organisation_id = p.organisation_id
                              and (k.stem like :stem || '%' or :stem like k.stem || '%')))
                        order by p.legal_name limit 500
                        """)
                .param("c", country)
                .param("w", words == null ? null : literally(words))
                .param("stem", cpv == null ? null : Cpv.stem(cpv))
                .query((rs, i) -> row(rs))
                .list();
    }

    /** The text as a {@code LIKE} pattern matching exactly it: its {@code \}, {@code %} and {@code _} escaped. */
    static String literally(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }

    /** A row of {@link #PROFILES}. */
    private static SupplierProfile row(ResultSet rs) throws SQLException {
        Map<String, String> ids = new LinkedHashMap<>();
        Array schemes = rs.getArray("schemes");
        Array values = rs.getArray("identifier_values");
        if (schemes != null && values != null) {
            String[] s = (String[]) schemes.getArray();
            String[] v = (String[]) values.getArray();
            for (int i = 0; i < s.length; i++) {
                ids.put(s[i], v[i]);
            }
        }
        return new SupplierProfile(
                rs.getObject("organisation_id", UUID.class),
                rs.getString("country"),
                rs.getString("legal_name"),
                rs.getString("legal_form"),
                rs.getString("address"),
                rs.getString("city"),
                rs.getString("phone"),
                rs.getString("email"),
                rs.getString("website"),
                rs.getBoolean("sme"),
                rs.getBoolean("startup"),
                rs.getBoolean("women_led"),
                rs.getBoolean("listed"),
                rs.getString("bank_name"),
                rs.getString("bank_account"),
                ids,
                rs.getTimestamp("updated_at").toInstant());
    }
}
