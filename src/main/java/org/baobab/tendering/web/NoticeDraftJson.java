// SPDX-License-Identifier: Apache-2.0
package org.baobab.tendering.web;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.baobab.rules.Nature;
import org.baobab.tendering.NoticeDraft;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.jackson.JacksonComponent;
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.SerializationContext;
import tools.jackson.databind.ValueSerializer;

/**
 * A notice as the API has always published it ({@code /api/notices/{ocid}}): its fields side by side, whatever groups
 * the code keeps them in ({@link NoticeDraft}), so that those who read the API are not broken by a change of the code.
 * A new field is added at the end.
 */
@JacksonComponent
class NoticeDraftJson extends ValueSerializer<NoticeDraft> {

    /** The published shape, field by field, in the published order. */
    record Published(
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
            List<NoticeDraft.Lot> lots,
            List<String> classification) {

        static Published of(NoticeDraft n) {
            return new Published(
                    n.reference(),
                    n.title(),
                    n.description(),
                    n.classification().buyerCategory(),
                    n.classification().nature(),
                    n.classification().scope(),
                    n.procedure().code(),
                    n.procedure().international(),
                    n.language(),
                    n.value().currency(),
                    n.value().estimated(),
                    n.value().published(),
                    n.procedure().eligibility(),
                    n.procedure().evaluationCriteria(),
                    n.procedure().awardCriteria(),
                    n.value().bidSecurity(),
                    n.dates().clarificationDeadline(),
                    n.dates().submissionDeadline(),
                    n.dates().openingAt(),
                    n.dates().openingPlace(),
                    n.contact().name(),
                    n.contact().email(),
                    n.contact().phone(),
                    n.procedure().requiredDocuments(),
                    n.lots(),
                    n.classification().cpv());
        }
    }

    @Override
    public void serialize(NoticeDraft notice, JsonGenerator generator, SerializationContext context) {
        context.writeValue(generator, Published.of(notice));
    }
}
