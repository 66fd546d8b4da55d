// SPDX-License-Identifier: Apache-2.0
package org.baobab.rules.internal;

import com.fasterxml.jackson.annotation.JsonCreator;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Currency;
import java.util.List;
import org.baobab.rules.Body;
import org.baobab.rules.Confidence;
import org.baobab.rules.DayUnit;
import org.baobab.rules.Digits;
import org.baobab.rules.LegalBasis;
import org.baobab.rules.LocalizedText;
import org.baobab.rules.Nature;
import org.baobab.rules.OpeningCommittee;
import org.baobab.rules.ProcurementMethod;
import org.baobab.rules.TaxBasis;
import org.baobab.rules.ThresholdPurpose;
import org.baobab.rules.TimeLimit;
import org.jspecify.annotations.Nullable;

/**
 * A country's {@code pack.yaml} as written, bound by Jackson field by field and checked by Bean Validation (the
 * constraints below); {@link PackChecks} adds the checks that span several fields and {@link RulePackReader} turns it
 * into a {@link org.baobab.rules.RulePack}. The JSON Schema pack authors use ({@code rules/pack.schema.json}) describes
 * the same fields: {@code PackSchemaTests} keeps the two in step.
 */
public record PackDocument(
        @NotBlank(message = NOT_EMPTY)
        @Pattern(regexp = "[A-Z]{2}", message = "is not an upper-case ISO 3166-1 alpha-2 country code")
        String country,

        @NotNull(message = REQUIRED) @Valid Text name,
        @NotNull(message = REQUIRED) Currency currency,
        @NotNull(message = REQUIRED) java.time.ZoneId timeZone,
        @Nullable Digits digits,
        @NotNull(message = REQUIRED) @Valid MainText mainText,
        List<@Valid BodyEntry> bodies,
        List<@Valid Category> buyerCategories,
        List<@Valid ProcedureEntry> procedures,
        List<@Valid ThresholdEntry> thresholds,
        List<@Valid TimeLimitEntry> timeLimits,
        List<@Valid Fee> fees,
        List<@Valid Document> requiredDocuments,
        List<@Valid Identifier> supplierIdentifiers,
        List<@Valid Margin> preferenceMargins,
        @Nullable @Valid Committee openingCommittee,
        List<@Valid Text> notYetEncoded) {

    static final String REQUIRED = "is required";
    static final String NOT_EMPTY = "must not be empty";
    static final String NOT_NEGATIVE = "must not be negative";
    static final String AT_MOST_100 = "a rate in percent cannot exceed 100";

    public PackDocument {
        bodies = orEmpty(bodies);
        buyerCategories = orEmpty(buyerCategories);
        procedures = orEmpty(procedures);
        thresholds = orEmpty(thresholds);
        timeLimits = orEmpty(timeLimits);
        fees = orEmpty(fees);
        requiredDocuments = orEmpty(requiredDocuments);
        supplierIdentifiers = orEmpty(supplierIdentifiers);
        preferenceMargins = orEmpty(preferenceMargins);
        notYetEncoded = orEmpty(notYetEncoded);
    }

    /** The digits Arabic pages show for the country: latin unless the pack says arabic-indic. */
    Digits digitsOrDefault() {
        return digits == null ? Digits.LATIN : digits;
    }

    static <T> List<T> orEmpty(@Nullable List<T> list) {
        return list == null ? List.of() : list;
    }

    /** {@code {fr: …, en: …, ar: …}}, French required; or a plain text taken as French. */
    public record Text(
            @NotBlank(message = NOT_EMPTY) String fr,

            @Nullable @Pattern(regexp = ".*\\S.*", flags = Pattern.Flag.DOTALL, message = NOT_EMPTY)
            String en,

            @Nullable @Pattern(regexp = ".*\\S.*", flags = Pattern.Flag.DOTALL, message = NOT_EMPTY)
            String ar) {

        @JsonCreator(mode = JsonCreator.Mode.PROPERTIES)
        public Text {}

        @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
        static Text of(String fr) {
            return new Text(fr, null, null);
        }

        LocalizedText localized() {
            return new LocalizedText(fr.strip(), en == null ? null : en.strip(), ar == null ? null : ar.strip());
        }

        static @Nullable LocalizedText localized(@Nullable Text text) {
            return text == null ? null : text.localized();
        }
    }

    /** The law a value comes from. */
    public record Basis(
            @NotBlank(message = NOT_EMPTY) String text,
            @Nullable String article,

            @Nullable @Pattern(regexp = "https?://\\S+", message = "must be an http(s) address")
            String sourceUrl) {

        LegalBasis legalBasis() {
            return new LegalBasis(text.strip(), article == null ? null : article.strip(), sourceUrl);
        }
    }

    /** Where a value comes from: every rule value has these four fields. */
    interface Sourced {
        Basis legalBasis();

        LocalDate validFrom();

        Confidence confidence();

        @Nullable
        Text note();
    }

    public record MainText(
            @NotBlank(message = NOT_EMPTY) String code,
            @NotNull(message = REQUIRED) @Valid Text name,
            @NotNull(message = REQUIRED) @Valid Basis legalBasis,
            @NotNull(message = REQUIRED) LocalDate validFrom,
            @NotNull(message = REQUIRED) Confidence confidence,
            @Nullable @Valid Text note)
            implements Sourced {}

    public record BodyEntry(
            @NotBlank(message = NOT_EMPTY) String code,
            @NotNull(message = REQUIRED) Body.Role role,
            @NotNull(message = REQUIRED) @Valid Text name,
            @NotNull(message = REQUIRED) @Valid Basis legalBasis,
            @NotNull(message = REQUIRED) LocalDate validFrom,
            @NotNull(message = REQUIRED) Confidence confidence,
            @Nullable @Valid Text note)
            implements Sourced {}

    public record Category(
            @NotBlank(message = NOT_EMPTY) String code,
            @NotNull(message = REQUIRED) @Valid Text name) {}

    public record ProcedureEntry(
            @NotBlank(message = NOT_EMPTY) String code,
            @NotNull(message = REQUIRED) @Valid Text name,
            @NotNull(message = REQUIRED) ProcurementMethod ocds,
            @Nullable @Valid Text description,
            @NotNull(message = REQUIRED) @Valid Basis legalBasis,
            @NotNull(message = REQUIRED) LocalDate validFrom,
            @NotNull(message = REQUIRED) Confidence confidence,
            @Nullable @Valid Text note)
            implements Sourced {}

    public record ThresholdEntry(
            @NotNull(message = REQUIRED) ThresholdPurpose purpose,
            @NotBlank(message = NOT_EMPTY) String buyerCategory,
            @Nullable Nature nature,
            @Nullable String scope,

            @NotNull(message = REQUIRED) @DecimalMin(value = "0", message = NOT_NEGATIVE)
            BigDecimal from,

            @Nullable @DecimalMin(value = "0", message = NOT_NEGATIVE)
            BigDecimal below,

            @Nullable TaxBasis tax,
            @Nullable String procedure,
            @NotNull(message = REQUIRED) @Valid Text meaning,
            @NotNull(message = REQUIRED) @Valid Basis legalBasis,
            @NotNull(message = REQUIRED) LocalDate validFrom,
            @NotNull(message = REQUIRED) Confidence confidence,
            @Nullable @Valid Text note)
            implements Sourced {}

    public record TimeLimitEntry(
            @NotBlank(message = NOT_EMPTY) String code,
            @NotNull(message = REQUIRED) @Valid Text name,

            @NotNull(message = REQUIRED) @Min(value = 0, message = NOT_NEGATIVE)
            Integer days,

            @NotNull(message = REQUIRED) DayUnit unit,
            @NotNull(message = REQUIRED) TimeLimit.Kind kind,
            @NotNull(message = REQUIRED) @Valid Text startsFrom,
            @NotNull(message = REQUIRED) @Valid Basis legalBasis,
            @NotNull(message = REQUIRED) LocalDate validFrom,
            @NotNull(message = REQUIRED) Confidence confidence,
            @Nullable @Valid Text note)
            implements Sourced {}

    /** How a fee's rate applies: to the whole amount, or bracket by bracket. */
    public enum RateApplies {
        WHOLE_AMOUNT,
        MARGINAL
    }

    public record Fee(
            @NotBlank(message = NOT_EMPTY) String code,
            @NotNull(message = REQUIRED) @Valid Text name,
            @NotNull(message = REQUIRED) TaxBasis base,
            @NotNull(message = REQUIRED) RateApplies rateApplies,

            @NotEmpty(message = "needs at least one bracket")
            List<@Valid Bracket> brackets,

            @Nullable @DecimalMin(value = "0", message = NOT_NEGATIVE)
            BigDecimal annualCapPerHolder,

            @NotNull(message = REQUIRED) @Valid Text payer,
            @NotNull(message = REQUIRED) @Valid Basis legalBasis,
            @NotNull(message = REQUIRED) LocalDate validFrom,
            @NotNull(message = REQUIRED) Confidence confidence,
            @Nullable @Valid Text note)
            implements Sourced {}

    public record Bracket(
            @NotNull(message = REQUIRED) @DecimalMin(value = "0", message = NOT_NEGATIVE)
            BigDecimal from,

            @Nullable @DecimalMin(value = "0", message = NOT_NEGATIVE)
            BigDecimal below,

            @NotNull(message = REQUIRED)
            @DecimalMin(value = "0", message = NOT_NEGATIVE)
            @DecimalMax(value = "100", message = AT_MOST_100)
            BigDecimal ratePercent) {}

    public record Document(
            @NotBlank(message = NOT_EMPTY) String code,
            @NotNull(message = REQUIRED) @Valid Text name,
            @Nullable @Valid Text issuer,
            @NotNull(message = REQUIRED) @Valid Basis legalBasis,
            @NotNull(message = REQUIRED) LocalDate validFrom,
            @NotNull(message = REQUIRED) Confidence confidence,
            @Nullable @Valid Text note)
            implements Sourced {}

    public record Identifier(
            @NotBlank(message = NOT_EMPTY) String code,
            @NotNull(message = REQUIRED) @Valid Text name,
            @Nullable Boolean required,
            @Nullable String pattern,
            @Nullable String example,
            @Nullable Confidence formatConfidence,
            @NotNull(message = REQUIRED) @Valid Basis legalBasis,
            @NotNull(message = REQUIRED) LocalDate validFrom,
            @NotNull(message = REQUIRED) Confidence confidence,
            @Nullable @Valid Text note)
            implements Sourced {}

    public record Margin(
            @NotBlank(message = NOT_EMPTY) String code,
            @NotNull(message = REQUIRED) @Valid Text name,

            @NotNull(message = REQUIRED)
            @DecimalMin(value = "0", message = NOT_NEGATIVE)
            @DecimalMax(value = "100", message = AT_MOST_100)
            BigDecimal ratePercent,

            @Nullable @Valid Text condition,
            @NotNull(message = REQUIRED) @Valid Basis legalBasis,
            @NotNull(message = REQUIRED) LocalDate validFrom,
            @NotNull(message = REQUIRED) Confidence confidence,
            @Nullable @Valid Text note)
            implements Sourced {}

    public record Committee(
            @NotNull(message = REQUIRED)
            @Min(
                    value = OpeningCommittee.MIN_THRESHOLD,
                    message = "must be at least 2 (one key alone must never open a bid)")
            Integer minMembers,

            @NotNull(message = REQUIRED) @Max(value = 255, message = "must be between minMembers and 255")
            Integer maxMembers,

            @NotNull(message = REQUIRED) OpeningCommittee.Quorum quorum,
            @NotNull(message = REQUIRED) @Valid Basis legalBasis,
            @NotNull(message = REQUIRED) LocalDate validFrom,
            @NotNull(message = REQUIRED) Confidence confidence,
            @Nullable @Valid Text note)
            implements Sourced {}
}
