// SPDX-License-Identifier: Apache-2.0
package org.baobab.tendering;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.baobab.rules.Nature;
import org.jspecify.annotations.Nullable;

/**
 * What the authority's staff write in a notice (avis d'appel à la concurrence): its text, what is bought
 * ({@link Classification}), how it is competed ({@link Procedure}), its {@link Value}, its {@link Dates}, whom to ask
 * ({@link Contact}) and its {@link Lot}s. Each group is a value of its own: a new field goes in its group (and in the
 * group's form and store mapping), nowhere else. Instants are absolute; pages enter and show them in the country's
 * time zone.
 *
 * @param language the notice's language, one of {@link #LANGUAGES}
 */
public record NoticeDraft(
        String reference,
        String title,
        String description,
        String language,
        Classification classification,
        Procedure procedure,
        Value value,
        Dates dates,
        Contact contact,
        List<Lot> lots) {

    public static final List<String> AWARD_CRITERIA = List.of("priceOnly", "costOnly", "qualityOnly", "ratedCriteria");

    public static final List<String> LANGUAGES = List.of("fr", "en", "ar");

    /** The most CPV codes a notice may carry: the main one and a few more precise or related ones. */
    public static final int MAX_CPV_CODES = 10;

    public NoticeDraft {
        lots = List.copyOf(lots);
    }

    /**
     * What is bought and by whom, as the pack's thresholds and the suppliers' alerts see it.
     *
     * @param scope a narrower subject some packs' thresholds depend on (e.g. Cameroon's {@code ROAD_WORKS}), or null
     * @param cpv CPV codes of what is bought (eight digits), the main one first; suppliers' categories and alerts
     *     match them
     */
    public record Classification(
            String buyerCategory, Nature nature, @Nullable String scope, List<String> cpv) {
        public Classification {
            cpv = List.copyOf(cpv);
        }

        public Classification withCpv(List<String> codes) {
            return new Classification(buyerCategory, nature, scope, codes);
        }
    }

    /**
     * How the competition runs: the pack's procedure, who may bid with which documents, how bids are evaluated.
     *
     * @param international whether the competition is international (longer minimum bid period in some packs)
     * @param awardCriteria the OCDS {@code awardCriteria} code, one of {@link #AWARD_CRITERIA}
     * @param requiredDocuments codes of the pack's required supplier documents
     */
    public record Procedure(
            String code,
            boolean international,
            String eligibility,
            String evaluationCriteria,
            String awardCriteria,
            List<String> requiredDocuments) {
        public Procedure {
            requiredDocuments = List.copyOf(requiredDocuments);
        }

        public Procedure withCode(String other) {
            return new Procedure(
                    other, international, eligibility, evaluationCriteria, awardCriteria, requiredDocuments);
        }

        public Procedure withRequiredDocuments(List<String> codes) {
            return new Procedure(code, international, eligibility, evaluationCriteria, awardCriteria, codes);
        }
    }

    /**
     * The money: the currency, the estimate and the bid security asked.
     *
     * @param estimated the estimated value, or null when not given
     * @param published whether the estimate is published; a confidential estimate stays with the authority
     */
    public record Value(String currency, @Nullable BigDecimal estimated, boolean published, String bidSecurity) {}

    /** The notice's dates (absolute instants) and where the bids are opened. */
    public record Dates(
            @Nullable Instant clarificationDeadline,
            @Nullable Instant submissionDeadline,
            @Nullable Instant openingAt,
            String openingPlace) {}

    /** Whom suppliers may contact about the notice. */
    public record Contact(String name, String email, String phone) {}

    /** A lot of the notice, numbered from 1; a notice without lots is one single lot. */
    public record Lot(
            int number,
            String title,
            String description,
            @Nullable BigDecimal estimatedValue,
            String bidSecurity) {}

    public NoticeDraft withClassification(Classification other) {
        return new NoticeDraft(reference, title, description, language, other, procedure, value, dates, contact, lots);
    }

    /** The same notice with other CPV codes. */
    public NoticeDraft withClassification(List<String> cpv) {
        return withClassification(classification.withCpv(cpv));
    }

    public NoticeDraft withProcedure(Procedure other) {
        return new NoticeDraft(
                reference, title, description, language, classification, other, value, dates, contact, lots);
    }

    /** The same notice under another procedure of the pack. */
    public NoticeDraft withProcedure(String procedureCode) {
        return withProcedure(procedure.withCode(procedureCode));
    }

    public NoticeDraft withValue(Value other) {
        return new NoticeDraft(
                reference, title, description, language, classification, procedure, other, dates, contact, lots);
    }

    public NoticeDraft withDates(Dates other) {
        return new NoticeDraft(
                reference, title, description, language, classification, procedure, value, other, contact, lots);
    }

    public NoticeDraft withLots(List<Lot> other) {
        return new NoticeDraft(
                reference, title, description, language, classification, procedure, value, dates, contact, other);
    }

    /** The same notice with other required documents and lots. */
    public NoticeDraft withDocumentsAndLots(List<String> requiredDocuments, List<Lot> lots) {
        return withProcedure(procedure.withRequiredDocuments(requiredDocuments)).withLots(lots);
    }

    /** The same notice with another estimate, published or kept confidential. */
    public NoticeDraft withEstimate(@Nullable BigDecimal estimated, boolean published) {
        return withValue(new Value(value.currency(), estimated, published, value.bidSecurity()));
    }

    /** The same notice with other dates (clarification deadline, submission deadline, opening), same place. */
    public NoticeDraft withDates(
            @Nullable Instant clarificationDeadline,
            @Nullable Instant submissionDeadline,
            @Nullable Instant openingAt) {
        return withDates(new Dates(clarificationDeadline, submissionDeadline, openingAt, dates.openingPlace()));
    }

    // Shortcuts for the facts the other modules and their pages read most (bids, opening, evaluation, award): they
    // only read a group's field, so a new field needs none.

    public String currency() {
        return value.currency();
    }

    public @Nullable Instant submissionDeadline() {
        return dates.submissionDeadline();
    }

    public @Nullable Instant openingAt() {
        return dates.openingAt();
    }

    public String openingPlace() {
        return dates.openingPlace();
    }

    public List<String> requiredDocuments() {
        return procedure.requiredDocuments();
    }

    public String awardCriteria() {
        return procedure.awardCriteria();
    }

    public String evaluationCriteria() {
        return procedure.evaluationCriteria();
    }
}
