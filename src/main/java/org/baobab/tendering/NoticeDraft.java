// SPDX-License-Identifier: Apache-2.0
package org.baobab.tendering;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.baobab.rules.Nature;
import org.jspecify.annotations.Nullable;

/**
 * What the authority's staff write in a notice (avis d'appel à la concurrence): the object, the procedure from the
 * country's pack, the lots, the value, who may bid and with which documents, how bids are evaluated, and the dates.
 * Instants are absolute; pages enter and show them in the country's time zone.
 *
 * @param scope a narrower subject some packs' thresholds depend on (e.g. Cameroon's {@code ROAD_WORKS}), or null
 * @param international whether the competition is international (longer minimum bid period in some packs)
 * @param awardCriteria the OCDS {@code awardCriteria} code: {@code priceOnly}, {@code costOnly},
 *     {@code qualityOnly} or {@code ratedCriteria}
 * @param valuePublic whether the estimated value is published; a confidential estimate stays with the authority
 * @param requiredDocuments codes of the pack's required supplier documents
 * @param classification CPV codes of what is bought (eight digits), the main one first; suppliers' categories and
 *     alerts match them
 */
public record NoticeDraft(
        String reference,
        String title,
        String description,
        String buyerCategory,
        Nature nature,
        @Nullable String scope,
        String procedureCode,
        boolean international,
        String language,
        String currency,
        @Nullable BigDecimal estimatedValue,
        boolean valuePublic,
        String eligibility,
        String evaluationCriteria,
        String awardCriteria,
        String bidSecurity,
        @Nullable Instant clarificationDeadline,
        @Nullable Instant submissionDeadline,
        @Nullable Instant openingAt,
        String openingPlace,
        String contactName,
        String contactEmail,
        String contactPhone,
        List<String> requiredDocuments,
        List<Lot> lots,
        List<String> classification) {

    public static final List<String> AWARD_CRITERIA = List.of("priceOnly", "costOnly", "qualityOnly", "ratedCriteria");

    public static final List<String> LANGUAGES = List.of("fr", "en", "ar");

    /** The most CPV codes a notice may carry: the main one and a few more precise or related ones. */
    public static final int MAX_CPV_CODES = 10;

    public NoticeDraft {
        requiredDocuments = List.copyOf(requiredDocuments);
        lots = List.copyOf(lots);
        classification = List.copyOf(classification);
    }

    /** A notice without CPV codes yet. */
    public NoticeDraft(
            String reference,
            String title,
            String description,
            String buyerCategory,
            Nature nature,
            @Nullable String scope,
            String procedureCode,
            boolean international,
            String language,
            String currency,
            @Nullable BigDecimal estimatedValue,
            boolean valuePublic,
            String eligibility,
            String evaluationCriteria,
            String awardCriteria,
            String bidSecurity,
            @Nullable Instant clarificationDeadline,
            @Nullable Instant submissionDeadline,
            @Nullable Instant openingAt,
            String openingPlace,
            String contactName,
            String contactEmail,
            String contactPhone,
            List<String> requiredDocuments,
            List<Lot> lots) {
        this(
                reference,
                title,
                description,
                buyerCategory,
                nature,
                scope,
                procedureCode,
                international,
                language,
                currency,
                estimatedValue,
                valuePublic,
                eligibility,
                evaluationCriteria,
                awardCriteria,
                bidSecurity,
                clarificationDeadline,
                submissionDeadline,
                openingAt,
                openingPlace,
                contactName,
                contactEmail,
                contactPhone,
                requiredDocuments,
                lots,
                List.of());
    }

    /** The same notice with other CPV codes. */
    public NoticeDraft withClassification(List<String> classification) {
        return new NoticeDraft(
                reference,
                title,
                description,
                buyerCategory,
                nature,
                scope,
                procedureCode,
                international,
                language,
                currency,
                estimatedValue,
                valuePublic,
                eligibility,
                evaluationCriteria,
                awardCriteria,
                bidSecurity,
                clarificationDeadline,
                submissionDeadline,
                openingAt,
                openingPlace,
                contactName,
                contactEmail,
                contactPhone,
                requiredDocuments,
                lots,
                classification);
    }

    /** The same notice with other required documents and lots. */
    public NoticeDraft withDocumentsAndLots(List<String> requiredDocuments, List<Lot> lots) {
        return new NoticeDraft(
                reference,
                title,
                description,
                buyerCategory,
                nature,
                scope,
                procedureCode,
                international,
                language,
                currency,
                estimatedValue,
                valuePublic,
                eligibility,
                evaluationCriteria,
                awardCriteria,
                bidSecurity,
                clarificationDeadline,
                submissionDeadline,
                openingAt,
                openingPlace,
                contactName,
                contactEmail,
                contactPhone,
                requiredDocuments,
                lots,
                classification);
    }

    /** The same notice with another estimate, published or kept confidential. */
    public NoticeDraft withEstimate(@Nullable BigDecimal estimatedValue, boolean valuePublic) {
        return new NoticeDraft(
                reference,
                title,
                description,
                buyerCategory,
                nature,
                scope,
                procedureCode,
                international,
                language,
                currency,
                estimatedValue,
                valuePublic,
                eligibility,
                evaluationCriteria,
                awardCriteria,
                bidSecurity,
                clarificationDeadline,
                submissionDeadline,
                openingAt,
                openingPlace,
                contactName,
                contactEmail,
                contactPhone,
                requiredDocuments,
                lots,
                classification);
    }

    /** The same notice under another procedure of the pack. */
    public NoticeDraft withProcedure(String procedureCode) {
        return new NoticeDraft(
                reference,
                title,
                description,
                buyerCategory,
                nature,
                scope,
                procedureCode,
                international,
                language,
                currency,
                estimatedValue,
                valuePublic,
                eligibility,
                evaluationCriteria,
                awardCriteria,
                bidSecurity,
                clarificationDeadline,
                submissionDeadline,
                openingAt,
                openingPlace,
                contactName,
                contactEmail,
                contactPhone,
                requiredDocuments,
                lots,
                classification);
    }

    /** The same notice with other dates (clarification deadline, submission deadline, opening). */
    public NoticeDraft withDates(
            @Nullable Instant clarificationDeadline,
            @Nullable Instant submissionDeadline,
            @Nullable Instant openingAt) {
        return new NoticeDraft(
                reference,
                title,
                description,
                buyerCategory,
                nature,
                scope,
                procedureCode,
                international,
                language,
                currency,
                estimatedValue,
                valuePublic,
                eligibility,
                evaluationCriteria,
                awardCriteria,
                bidSecurity,
                clarificationDeadline,
                submissionDeadline,
                openingAt,
                openingPlace,
                contactName,
                contactEmail,
                contactPhone,
                requiredDocuments,
                lots,
                classification);
    }

    /** A lot of the notice, numbered from 1; a notice without lots is one single lot. */
    public record Lot(
            int number,
            String title,
            String description,
            @Nullable BigDecimal estimatedValue,
            String bidSecurity) {}
}
