// SPDX-License-Identifier: Apache-2.0
package org.baobab.tendering.internal;

import static org.baobab.tendering.internal.Sql.nullableInstant;
import static org.baobab.tendering.internal.Sql.ts;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.baobab.rules.Nature;
import org.baobab.tendering.NoticeDraft;

/**
 * The one place where a {@link NoticeDraft} meets the columns of {@code tendering_process}: its named parameters for
 * an insert or an update, and its reading back (lots and required documents live in their own tables). A new field of
 * the notice adds a column here and in a migration.
 */
final class NoticeRows {

    /** The columns of the notice, as {@code p.}-qualified select items. */
    static final String COLUMNS = """
            p.buyer_category, p.reference, p.title, p.description, p.nature, p.scope, p.procedure_code,
            p.international, p.language, p.currency, p.estimated_value, p.value_public, p.eligibility,
            p.evaluation_criteria, p.award_criteria, p.bid_security, p.submission_deadline, p.opening_at,
            p.opening_place, p.clarification_deadline, p.contact_name, p.contact_email, p.contact_phone, p.cpv_codes
            """;

    /** Column = parameter pairs of an update of the notice. */
    static final String ASSIGNMENTS = """
            buyer_category = :buyerCategory, reference = :reference, title = :title, description = :description,
            nature = :nature, scope = :scope, procedure_code = :procedureCode, international = :international,
            language = :language, currency = :currency, estimated_value = :estimatedValue,
            value_public = :valuePublic, eligibility = :eligibility, evaluation_criteria = :evaluationCriteria,
            award_criteria = :awardCriteria, bid_security = :bidSecurity,
            submission_deadline = :submissionDeadline, opening_at = :openingAt, opening_place = :openingPlace,
            clarification_deadline = :clarificationDeadline, contact_name = :contactName,
            contact_email = :contactEmail, contact_phone = :contactPhone, cpv_codes = :cpv
            """;

    /** The column names of an insert, and their parameters in the same order. */
    static final String INSERT_COLUMNS = """
            buyer_category, reference, title, description, nature, scope, procedure_code, international, language,
            currency, estimated_value, value_public, eligibility, evaluation_criteria, award_criteria, bid_security,
            submission_deadline, opening_at, opening_place, clarification_deadline, contact_name, contact_email,
            contact_phone, cpv_codes
            """;

    static final String INSERT_VALUES = """
            :buyerCategory, :reference, :title, :description, :nature, :scope, :procedureCode, :international,
            :language, :currency, :estimatedValue, :valuePublic, :eligibility, :evaluationCriteria, :awardCriteria,
            :bidSecurity, :submissionDeadline, :openingAt, :openingPlace, :clarificationDeadline, :contactName,
            :contactEmail, :contactPhone, :cpv
            """;

    private NoticeRows() {}

    /** The notice's named parameters (a mutable map: the caller adds its own; null values allowed). */
    static Map<String, Object> params(NoticeDraft n) {
        Map<String, Object> p = new HashMap<>();
        p.put("reference", n.reference());
        p.put("title", n.title());
        p.put("description", n.description());
        p.put("language", n.language());
        NoticeDraft.Classification c = n.classification();
        p.put("buyerCategory", c.buyerCategory());
        p.put("nature", c.nature().name());
        p.put("scope", c.scope());
        p.put("cpv", c.cpv().toArray(String[]::new));
        NoticeDraft.Procedure procedure = n.procedure();
        p.put("procedureCode", procedure.code());
        p.put("international", procedure.international());
        p.put("eligibility", procedure.eligibility());
        p.put("evaluationCriteria", procedure.evaluationCriteria());
        p.put("awardCriteria", procedure.awardCriteria());
        NoticeDraft.Value v = n.value();
        p.put("currency", v.currency());
        p.put("estimatedValue", v.estimated());
        p.put("valuePublic", v.published());
        p.put("bidSecurity", v.bidSecurity());
        NoticeDraft.Dates d = n.dates();
        p.put("clarificationDeadline", ts(d.clarificationDeadline()));
        p.put("submissionDeadline", ts(d.submissionDeadline()));
        p.put("openingAt", ts(d.openingAt()));
        p.put("openingPlace", d.openingPlace());
        NoticeDraft.Contact who = n.contact();
        p.put("contactName", who.name());
        p.put("contactEmail", who.email());
        p.put("contactPhone", who.phone());
        return p;
    }

    /** The notice of the current row, without its required documents and lots (read from their own tables). */
    static NoticeDraft read(ResultSet rs) throws SQLException {
        return new NoticeDraft(
                rs.getString("reference"),
                rs.getString("title"),
                rs.getString("description"),
                rs.getString("language"),
                new NoticeDraft.Classification(
                        rs.getString("buyer_category"),
                        Nature.valueOf(rs.getString("nature")),
                        rs.getString("scope"),
                        List.of((String[]) rs.getArray("cpv_codes").getArray())),
                new NoticeDraft.Procedure(
                        rs.getString("procedure_code"),
                        rs.getBoolean("international"),
                        rs.getString("eligibility"),
                        rs.getString("evaluation_criteria"),
                        rs.getString("award_criteria"),
                        List.of()),
                new NoticeDraft.Value(
                        rs.getString("currency"),
                        rs.getBigDecimal("estimated_value"),
                        rs.getBoolean("value_public"),
                        rs.getString("bid_security")),
                new NoticeDraft.Dates(
                        nullableInstant(rs, "clarification_deadline"),
                        nullableInstant(rs, "submission_deadline"),
                        nullableInstant(rs, "opening_at"),
                        rs.getString("opening_place")),
                new NoticeDraft.Contact(
                        rs.getString("contact_name"), rs.getString("contact_email"), rs.getString("contact_phone")),
                List.of());
    }
}
