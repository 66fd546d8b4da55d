// SPDX-License-Identifier: Apache-2.0
package org.baobab.rules.internal;

import java.io.InputStream;
import java.time.LocalDate;
import java.time.MonthDay;
import java.util.List;
import java.util.function.Function;
import org.baobab.rules.Body;
import org.baobab.rules.BuyerCategory;
import org.baobab.rules.Confidence;
import org.baobab.rules.FeeScale;
import org.baobab.rules.HolidayCalendar;
import org.baobab.rules.InvalidRulePackException;
import org.baobab.rules.LegalText;
import org.baobab.rules.LocalizedText;
import org.baobab.rules.OpeningCommittee;
import org.baobab.rules.PreferenceMargin;
import org.baobab.rules.Procedure;
import org.baobab.rules.PublicHoliday;
import org.baobab.rules.RequiredDocument;
import org.baobab.rules.RulePack;
import org.baobab.rules.SupplierIdentifier;
import org.baobab.rules.Threshold;
import org.baobab.rules.TimeLimit;
import org.baobab.rules.internal.PackDocument.Sourced;
import org.baobab.rules.internal.PackDocument.Text;
import org.baobab.shared.CountryCode;
import org.jspecify.annotations.Nullable;

/**
 * Reads one country's pack ({@code pack.yaml} with the rules, {@code calendar.yaml} with the weekend and public
 * holidays) into a {@link RulePack}: Jackson binds each file to its record ({@link PackDocument},
 * {@link CalendarDocument}), Bean Validation checks each field, {@link PackChecks} what spans several fields (codes
 * defined once, references to defined codes, consistent bands). A problem stops the reading with an
 * {@link InvalidRulePackException} naming the file, the line and the path in it.
 */
public final class RulePackReader {

    private RulePackReader() {}

    /** A YAML file as read, with the name to report problems under (e.g. {@code rulepacks/SN/pack.yaml}). */
    public record Source(String name, InputStream content) {}

    /**
     * Reads and validates a pack. {@code folder} is the name of the folder the files are in, which must be the pack's
     * country code.
     */
    public static RulePack read(String folder, Source pack, Source calendar) {
        PackYaml.Parsed<PackDocument> parsedPack = PackYaml.read(pack.name(), pack.content(), PackDocument.class);
        PackChecks.check(folder, parsedPack);
        PackYaml.Parsed<CalendarDocument> parsedCalendar =
                PackYaml.read(calendar.name(), calendar.content(), CalendarDocument.class);
        PackChecks.check(parsedCalendar);
        return rulePack(parsedPack.value(), calendar(parsedCalendar.value()));
    }

    private static RulePack rulePack(PackDocument d, HolidayCalendar calendar) {
        PackDocument.MainText main = d.mainText();
        PackDocument.Committee c = d.openingCommittee();
        return new RulePack(
                CountryCode.of(d.country()),
                d.name().localized(),
                d.currency(),
                d.timeZone(),
                d.digitsOrDefault(),
                new LegalText(
                        main.code(),
                        main.name().localized(),
                        main.legalBasis().legalBasis(),
                        main.validFrom(),
                        main.confidence(),
                        Text.localized(main.note())),
                map(
                        d.bodies(),
                        b -> new Body(
                                b.code(),
                                b.role(),
                                b.name().localized(),
                                b.legalBasis().legalBasis(),
                                b.validFrom(),
                                b.confidence(),
                                note(b))),
                map(
                        d.buyerCategories(),
                        b -> new BuyerCategory(b.code(), b.name().localized())),
                map(
                        d.procedures(),
                        p -> new Procedure(
                                p.code(),
                                p.name().localized(),
                                p.ocds(),
                                Text.localized(p.description()),
                                p.legalBasis().legalBasis(),
                                p.validFrom(),
                                p.confidence(),
                                note(p))),
                map(
                        d.thresholds(),
                        t -> new Threshold(
                                t.purpose(),
                                t.buyerCategory(),
                                t.nature(),
                                t.scope(),
                                t.from(),
                                t.below(),
                                t.tax(),
                                t.procedure(),
                                t.meaning().localized(),
                                t.legalBasis().legalBasis(),
                                t.validFrom(),
                                t.confidence(),
                                note(t))),
                map(
                        d.timeLimits(),
                        t -> new TimeLimit(
                                t.code(),
                                t.name().localized(),
                                t.days(),
                                t.unit(),
                                t.kind(),
                                t.startsFrom().localized(),
                                t.legalBasis().legalBasis(),
                                t.validFrom(),
                                t.confidence(),
                                note(t))),
                calendar,
                map(
                        d.fees(),
                        f -> new FeeScale(
                                f.code(),
                                f.name().localized(),
                                f.base(),
                                f.rateApplies() == PackDocument.RateApplies.WHOLE_AMOUNT,
                                map(f.brackets(), b -> new FeeScale.Bracket(b.from(), b.below(), b.ratePercent())),
                                f.annualCapPerHolder(),
                                f.payer().localized(),
                                f.legalBasis().legalBasis(),
                                f.validFrom(),
                                f.confidence(),
                                note(f))),
                map(
                        d.requiredDocuments(),
                        r -> new RequiredDocument(
                                r.code(),
                                r.name().localized(),
                                Text.localized(r.issuer()),
                                r.legalBasis().legalBasis(),
                                r.validFrom(),
                                r.confidence(),
                                note(r))),
                map(
                        d.supplierIdentifiers(),
                        i -> new SupplierIdentifier(
                                i.code(),
                                i.name().localized(),
                                Boolean.TRUE.equals(i.required()),
                                i.pattern(),
                                i.example(),
                                i.formatConfidence() == null ? Confidence.UNVERIFIED : i.formatConfidence(),
                                i.legalBasis().legalBasis(),
                                i.validFrom(),
                                i.confidence(),
                                note(i))),
                map(
                        d.preferenceMargins(),
                        m -> new PreferenceMargin(
                                m.code(),
                                m.name().localized(),
                                m.ratePercent(),
                                Text.localized(m.condition()),
                                m.legalBasis().legalBasis(),
                                m.validFrom(),
                                m.confidence(),
                                note(m))),
                map(d.notYetEncoded(), t -> t.localized()),
                c == null
                        ? null
                        : new OpeningCommittee(
                                c.minMembers(),
                                c.maxMembers(),
                                c.quorum(),
                                c.legalBasis().legalBasis(),
                                c.validFrom(),
                                c.confidence(),
                                note(c)));
    }

    private static HolidayCalendar calendar(CalendarDocument d) {
        List<PublicHoliday> holidays = map(
                d.holidays(),
                h -> new PublicHoliday(
                        h.name().localized(),
                        h.everyYear() == null ? null : MonthDay.parse("--" + h.everyYear()),
                        List.<LocalDate>copyOf(h.dates()),
                        h.legalBasis().legalBasis(),
                        h.validFrom(),
                        h.confidence(),
                        note(h)));
        return new HolidayCalendar(d.weekend(), holidays, d.firstYear(), d.lastYear());
    }

    private static @Nullable LocalizedText note(Sourced value) {
        return Text.localized(value.note());
    }

    private static <A, B> List<B> map(List<A> items, Function<A, B> f) {
        return items.stream().map(f).toList();
    }
}
