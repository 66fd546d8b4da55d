// SPDX-License-Identifier: Apache-2.0
package org.baobab.rules;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Currency;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.baobab.rules.engine.Band;
import org.baobab.rules.engine.DayCount;
import org.baobab.rules.engine.FeeCalculator;
import org.baobab.rules.engine.WorkingDayCalendar;
import org.baobab.shared.BaobabException;
import org.baobab.shared.CountryCode;
import org.jspecify.annotations.Nullable;

/**
 * The procurement rules of one country as data, loaded from {@code rulepacks/<country>/*.yaml}. No threshold, time
 * limit or fee rate is written in code (ARCHITECTURE.md, "Rules are data"): modules ask the pack, and get each value
 * with its legal basis and confidence.
 *
 * @param digits the digits Arabic pages show for this country (pack key {@code digits}, default {@code latin})
 * @param mainText the procurement code in force (e.g. Senegal's décret n°2022-2295 du 28 décembre 2022)
 * @param notYetEncoded rules the law has but the pack does not hold yet (values not retrieved), shown to readers so
 *     that an absent rule is not mistaken for no rule
 * @param openingCommittee the size and quorum of the opening committee, if the pack holds them
 */
public record RulePack(
        CountryCode country,
        LocalizedText name,
        Currency currency,
        ZoneId timeZone,
        Digits digits,
        LegalText mainText,
        List<Body> bodies,
        List<BuyerCategory> buyerCategories,
        List<Procedure> procedures,
        List<Threshold> thresholds,
        List<TimeLimit> timeLimits,
        HolidayCalendar calendar,
        List<FeeScale> fees,
        List<RequiredDocument> requiredDocuments,
        List<SupplierIdentifier> supplierIdentifiers,
        List<PreferenceMargin> preferenceMargins,
        List<LocalizedText> notYetEncoded,
        @Nullable OpeningCommittee openingCommittee) {

    public RulePack {
        bodies = List.copyOf(bodies);
        buyerCategories = List.copyOf(buyerCategories);
        procedures = List.copyOf(procedures);
        thresholds = List.copyOf(thresholds);
        timeLimits = List.copyOf(timeLimits);
        fees = List.copyOf(fees);
        requiredDocuments = List.copyOf(requiredDocuments);
        supplierIdentifiers = List.copyOf(supplierIdentifiers);
        preferenceMargins = List.copyOf(preferenceMargins);
        notYetEncoded = List.copyOf(notYetEncoded);
    }

    public Optional<Procedure> procedure(String code) {
        return procedures.stream().filter(p -> p.code().equals(code)).findFirst();
    }

    /** The opening committee's size and quorum, empty when the pack does not hold them. */
    public Optional<OpeningCommittee> committee() {
        return Optional.ofNullable(openingCommittee);
    }

    public Optional<TimeLimit> timeLimit(String code) {
        return timeLimits.stream().filter(t -> t.code().equals(code)).findFirst();
    }

    public Optional<FeeScale> fee(String code) {
        return fees.stream().filter(f -> f.code().equals(code)).findFirst();
    }

    public Optional<BuyerCategory> buyerCategory(String code) {
        return buyerCategories.stream().filter(c -> c.code().equals(code)).findFirst();
    }

    /** The threshold cells of a purpose that apply to this buyer category, nature and subject, by ascending amount. */
    public List<Threshold> thresholds(
            ThresholdPurpose purpose, String buyerCategory, @Nullable Nature nature, @Nullable String scope) {
        return thresholds.stream()
                .filter(t -> t.purpose() == purpose && t.appliesTo(buyerCategory, nature, scope))
                .sorted(Comparator.comparing(Threshold::from))
                .toList();
    }

    /**
     * The threshold cell of a purpose whose band contains the amount, e.g. which procedure applies to a 30 M FCFA
     * supply contract of a ministry. Empty when the pack has no rule for it: the caller must then not assume any.
     */
    public Optional<Threshold> threshold(
            ThresholdPurpose purpose,
            String buyerCategory,
            @Nullable Nature nature,
            @Nullable String scope,
            BigDecimal amount) {
        return thresholds(purpose, buyerCategory, nature, scope).stream()
                .filter(t -> t.contains(amount))
                .findFirst();
    }

    /**
     * The last day on which one may act under the time limit when its triggering event happens on {@code event},
     * counting the country's weekends and public holidays.
     */
    public Deadline lastDay(TimeLimit limit, LocalDate event) {
        WorkingDayCalendar days = calendar.workingDays();
        LocalDate last = days.lastDay(
                event, limit.amount(), DayCount.valueOf(limit.unit().name()));
        boolean holidaysKnown = limit.unit() == DayUnit.CALENDAR || (calendar.covers(event) && calendar.covers(last));
        return new Deadline(limit, event, last, holidaysKnown);
    }

    /** Whether the day is a working day in this country (neither weekend nor public holiday). */
    public boolean isWorkingDay(LocalDate day) {
        return calendar.workingDays().isWorkingDay(day);
    }

    /** The fee due on an amount (in the scale's {@link FeeScale#base()}), rounded to the currency's minor unit. */
    public BigDecimal fee(FeeScale scale, BigDecimal amount) {
        List<Band<BigDecimal>> bands = scale.brackets().stream()
                .map(b -> new Band<>(b.from(), b.below(), b.ratePercent()))
                .toList();
        return FeeCalculator.fee(
                amount,
                bands,
                scale.wholeAmount() ? FeeCalculator.Mode.WHOLE_AMOUNT : FeeCalculator.Mode.MARGINAL,
                scale.annualCapPerHolder(),
                Math.max(currency.getDefaultFractionDigits(), 0));
    }

    /** Every value of the pack, with its provenance. */
    public List<Ruled> values() {
        List<Ruled> all = new ArrayList<>();
        all.add(mainText);
        Stream.of(bodies, procedures, thresholds, timeLimits, calendar.holidays(), fees, requiredDocuments)
                .forEach(all::addAll);
        all.addAll(supplierIdentifiers);
        all.addAll(preferenceMargins);
        if (openingCommittee != null) {
            all.add(openingCommittee);
        }
        return all;
    }

    /** The values that must only warn, never block (confidence {@link Confidence#UNVERIFIED}). */
    public List<Ruled> unverified() {
        return values().stream().filter(v -> !v.enforceable()).toList();
    }

    /** Convenience for callers that need the procedure and treat its absence as an error. */
    public Procedure requireProcedure(String code) {
        return procedure(code).orElseThrow(() -> new BaobabException(RulesErrorCode.UNKNOWN_RULE, country, code));
    }
}
