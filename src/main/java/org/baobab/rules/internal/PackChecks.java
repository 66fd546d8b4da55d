// SPDX-License-Identifier: Apache-2.0
package org.baobab.rules.internal;

import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.MonthDay;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.baobab.rules.BuyerCategory;
import org.baobab.rules.ThresholdPurpose;
import org.baobab.rules.engine.Band;
import org.baobab.rules.engine.Bands;
import org.baobab.rules.internal.PackDocument.Identifier;
import org.baobab.rules.internal.PackDocument.ThresholdEntry;
import org.baobab.shared.CountryCode;
import org.jspecify.annotations.Nullable;

/**
 * The checks of a pack that span several fields, run once every field is valid on its own: the country is the
 * folder's, each code is defined once, a threshold names a defined procedure and buyer category, bands of amounts do
 * not overlap, a fee's brackets cover every amount from 0, an identifier's example matches its pattern, a holiday is
 * a fixed day or dated within the calendar's years. The first problem stops the reading.
 */
final class PackChecks {

    private PackChecks() {}

    static void check(String folder, PackYaml.Parsed<PackDocument> parsed) {
        PackDocument d = parsed.value();
        String code = d.country();
        String countryPath = "country";
        if (!CountryCode.isValid(code)) {
            throw parsed.fail(countryPath, "'" + code + "' is not an upper-case ISO 3166-1 alpha-2 country code");
        }
        if (!code.equals(folder)) {
            throw parsed.fail(countryPath, "is '" + code + "' but the pack is in folder '" + folder + "'");
        }
        unique(parsed, "bodies", d.bodies(), PackDocument.BodyEntry::code);
        for (int i = 0; i < d.buyerCategories().size(); i++) {
            if (d.buyerCategories().get(i).code().equals(BuyerCategory.ALL)) {
                throw parsed.fail(
                        "buyerCategories[" + i + "].code",
                        "'" + BuyerCategory.ALL + "' is reserved for 'every category'");
            }
        }
        unique(parsed, "buyerCategories", d.buyerCategories(), PackDocument.Category::code);
        unique(parsed, "procedures", d.procedures(), PackDocument.ProcedureEntry::code);
        thresholds(parsed);
        unique(parsed, "timeLimits", d.timeLimits(), PackDocument.TimeLimitEntry::code);
        for (int i = 0; i < d.fees().size(); i++) {
            brackets(parsed, "fees[" + i + "]", d.fees().get(i));
        }
        unique(parsed, "fees", d.fees(), PackDocument.Fee::code);
        unique(parsed, "requiredDocuments", d.requiredDocuments(), PackDocument.Document::code);
        for (int i = 0; i < d.supplierIdentifiers().size(); i++) {
            identifier(
                    parsed,
                    "supplierIdentifiers[" + i + "]",
                    d.supplierIdentifiers().get(i));
        }
        unique(parsed, "supplierIdentifiers", d.supplierIdentifiers(), Identifier::code);
        unique(parsed, "preferenceMargins", d.preferenceMargins(), PackDocument.Margin::code);
        PackDocument.Committee committee = d.openingCommittee();
        if (committee != null && committee.maxMembers() < committee.minMembers()) {
            throw parsed.fail(
                    "openingCommittee.maxMembers",
                    "must be between minMembers (" + committee.minMembers() + ") and 255");
        }
    }

    private static void thresholds(PackYaml.Parsed<PackDocument> parsed) {
        PackDocument d = parsed.value();
        Set<String> procedures = new HashSet<>(
                d.procedures().stream().map(PackDocument.ProcedureEntry::code).toList());
        Set<String> categories = new HashSet<>(
                d.buyerCategories().stream().map(PackDocument.Category::code).toList());
        Map<String, List<Band<Integer>>> bandsByCell = new LinkedHashMap<>();
        for (int i = 0; i < d.thresholds().size(); i++) {
            ThresholdEntry t = d.thresholds().get(i);
            String at = "thresholds[" + i + "]";
            if (!t.buyerCategory().equals(BuyerCategory.ALL) && !categories.contains(t.buyerCategory())) {
                throw parsed.fail(
                        at + ".buyerCategory",
                        "'" + t.buyerCategory() + "' is not ALL nor a code listed under buyerCategories " + categories);
            }
            if (t.procedure() != null && !procedures.contains(t.procedure())) {
                throw parsed.fail(
                        at + ".procedure",
                        "'" + t.procedure() + "' is not a code listed under procedures " + procedures);
            }
            below(parsed, at, t.from(), t.below());
            if (t.purpose() == ThresholdPurpose.PROCEDURE && t.procedure() == null) {
                throw parsed.fail(at + ".procedure", "is required when the purpose is 'procedure'");
            }
            String cell = t.purpose() + "/" + t.buyerCategory() + "/" + t.nature() + "/" + t.scope();
            bandsByCell.computeIfAbsent(cell, k -> new ArrayList<>()).add(new Band<>(t.from(), t.below(), i));
        }
        for (List<Band<Integer>> bands : bandsByCell.values()) {
            List<String> problems = Bands.problems(bands);
            if (!problems.isEmpty()) {
                int last = bands.get(bands.size() - 1).value();
                throw parsed.fail(
                        "thresholds[" + last + "]",
                        "thresholds of the same purpose, buyer category, nature and scope: " + problems.get(0));
            }
        }
    }

    private static void brackets(PackYaml.Parsed<PackDocument> parsed, String at, PackDocument.Fee fee) {
        List<Band<Integer>> bands = new ArrayList<>();
        for (int i = 0; i < fee.brackets().size(); i++) {
            PackDocument.Bracket b = fee.brackets().get(i);
            below(parsed, at + ".brackets[" + i + "]", b.from(), b.below());
            bands.add(new Band<>(b.from(), b.below(), i));
        }
        List<String> problems = Bands.problems(bands);
        if (!problems.isEmpty()) {
            throw parsed.fail(at + ".brackets", problems.get(0));
        }
        if (!Bands.coverFromZero(bands)) {
            throw parsed.fail(
                    at + ".brackets", "must cover every amount from 0 upwards without a gap (last without below)");
        }
    }

    private static void below(PackYaml.Parsed<?> parsed, String at, BigDecimal from, @Nullable BigDecimal below) {
        if (below != null && below.compareTo(from) <= 0) {
            throw parsed.fail(
                    at + ".below",
                    "must be greater than from (" + from.toPlainString() + "), found " + below.toPlainString());
        }
    }

    private static void identifier(PackYaml.Parsed<PackDocument> parsed, String at, Identifier identifier) {
        String pattern = identifier.pattern();
        if (pattern != null) {
            try {
                Pattern.compile(pattern);
            } catch (PatternSyntaxException e) {
                throw parsed.fail(at + ".pattern", "is not a regular expression: " + e.getDescription());
            }
        }
        String example = identifier.example();
        if (pattern != null && example != null) {
            String canonical = org.baobab.rules.SupplierIdentifier.canonical(example);
            if (!Pattern.compile(pattern).matcher(canonical).matches()) {
                throw parsed.fail(at + ".example", "'" + example + "' does not match the pattern " + pattern);
            }
        }
    }

    static void check(PackYaml.Parsed<CalendarDocument> parsed) {
        CalendarDocument d = parsed.value();
        if (d.lastYear() < d.firstYear()) {
            throw parsed.fail("lastYear", "must not be before firstYear (" + d.firstYear() + ")");
        }
        for (int i = 0; i < d.holidays().size(); i++) {
            CalendarDocument.Holiday h = d.holidays().get(i);
            String at = "holidays[" + i + "]";
            if (h.everyYear() != null) {
                try {
                    MonthDay.parse("--" + h.everyYear());
                } catch (DateTimeException e) {
                    throw parsed.fail(
                            at + ".everyYear", "'" + h.everyYear() + "' is not a day of the year of the form MM-DD");
                }
            }
            for (int j = 0; j < h.dates().size(); j++) {
                LocalDate date = h.dates().get(j);
                if (date.getYear() < d.firstYear() || date.getYear() > d.lastYear()) {
                    throw parsed.fail(
                            at + ".dates[" + j + "]",
                            "'" + date + "' is outside the calendar's years " + d.firstYear() + "–" + d.lastYear());
                }
            }
            if ((h.everyYear() == null) == h.dates().isEmpty()) {
                throw parsed.fail(
                        at, "give either everyYear (a fixed day) or dates (a movable feast), not both nor neither");
            }
        }
    }

    private static <T> void unique(
            PackYaml.Parsed<PackDocument> parsed, String key, List<T> items, Function<T, String> code) {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < items.size(); i++) {
            String value = code.apply(items.get(i));
            if (!seen.add(value)) {
                throw parsed.fail(key + "[" + i + "].code", "'" + value + "' is defined twice");
            }
        }
    }
}
