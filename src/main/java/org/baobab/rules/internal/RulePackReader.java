// SPDX-License-Identifier: Apache-2.0
package org.baobab.rules.internal;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.MonthDay;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Currency;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.baobab.rules.Body;
import org.baobab.rules.BuyerCategory;
import org.baobab.rules.Confidence;
import org.baobab.rules.DayUnit;
import org.baobab.rules.Digits;
import org.baobab.rules.FeeScale;
import org.baobab.rules.HolidayCalendar;
import org.baobab.rules.InvalidRulePackException;
import org.baobab.rules.LegalBasis;
import org.baobab.rules.LegalText;
import org.baobab.rules.LocalizedText;
import org.baobab.rules.Nature;
import org.baobab.rules.OpeningCommittee;
import org.baobab.rules.PreferenceMargin;
import org.baobab.rules.Procedure;
import org.baobab.rules.ProcurementMethod;
import org.baobab.rules.PublicHoliday;
import org.baobab.rules.RequiredDocument;
import org.baobab.rules.RulePack;
import org.baobab.rules.SupplierIdentifier;
import org.baobab.rules.TaxBasis;
import org.baobab.rules.Threshold;
import org.baobab.rules.ThresholdPurpose;
import org.baobab.rules.TimeLimit;
import org.baobab.rules.engine.Band;
import org.baobab.rules.engine.Bands;
import org.baobab.shared.CountryCode;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * Reads one country's pack ({@code pack.yaml} with the rules, {@code calendar.yaml} with the weekend and public
 * holidays) into a {@link RulePack}, and checks it: required fields, known codes, no negative amount, consistent
 * threshold bands and fee brackets, every referenced procedure and buyer category defined. The first problem stops
 * the reading with an {@link InvalidRulePackException} naming the file and the path in it.
 */
public final class RulePackReader {

    static final String PROVENANCE_KEYS = "legalBasis validFrom confidence note";

    private static final YAMLMapper YAML = YAMLMapper.builder().build();
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private RulePackReader() {}

    /** A YAML file as read, with the name to report problems under (e.g. {@code rulepacks/SN/pack.yaml}). */
    public record Source(String name, InputStream content) {}

    /**
     * Reads and validates a pack. {@code folder} is the name of the folder the files are in, which must be the pack's
     * country code.
     */
    public static RulePack read(String folder, Source pack, Source calendar) {
        YamlNode root = parse(pack)
                .onlyKeys(
                        "country",
                        "name",
                        "currency",
                        "timeZone",
                        "digits",
                        "mainText",
                        "bodies",
                        "buyerCategories",
                        "procedures",
                        "thresholds",
                        "timeLimits",
                        "fees",
                        "requiredDocuments",
                        "supplierIdentifiers",
                        "preferenceMargins",
                        "openingCommittee",
                        "notYetEncoded");
        String code = root.text("country");
        if (!CountryCode.isValid(code) || !code.equals(code.toUpperCase(Locale.ROOT))) {
            throw root.fail("country", "'" + code + "' is not an upper-case ISO 3166-1 alpha-2 country code");
        }
        if (!code.equals(folder)) {
            throw root.fail("country", "is '" + code + "' but the pack is in folder '" + folder + "'");
        }
        Currency currency;
        try {
            currency = Currency.getInstance(root.text("currency"));
        } catch (IllegalArgumentException e) {
            throw root.fail("currency", "'" + root.text("currency") + "' is not an ISO 4217 currency code");
        }
        ZoneId zone;
        try {
            zone = ZoneId.of(root.text("timeZone"));
        } catch (DateTimeException e) {
            throw root.fail("timeZone", "'" + root.text("timeZone") + "' is not a time-zone id like Africa/Dakar");
        }

        Digits digits = Digits.LATIN;
        String digitsText = root.optionalText("digits");
        if (digitsText != null) {
            try {
                digits = Digits.ofYaml(digitsText);
            } catch (IllegalArgumentException e) {
                throw root.fail("digits", "'" + digitsText + "' is not one of: latin, arabic-indic");
            }
        }

        YamlNode main = root.object("mainText").onlyKeys(with("code name"));
        Provenance mainProvenance = provenance(main);
        LegalText mainText = new LegalText(
                main.text("code"),
                main.localized("name"),
                mainProvenance.basis(),
                mainProvenance.validFrom(),
                mainProvenance.confidence(),
                mainProvenance.note());

        List<Body> bodies = new ArrayList<>();
        for (YamlNode node : root.list("bodies")) {
            node.onlyKeys(with("code role name"));
            Provenance p = provenance(node);
            bodies.add(new Body(
                    node.text("code"),
                    node.oneOf("role", Body.Role.class),
                    node.localized("name"),
                    p.basis(),
                    p.validFrom(),
                    p.confidence(),
                    p.note()));
        }
        unique(root, "bodies", bodies.stream().map(Body::code).toList());

        List<BuyerCategory> categories = new ArrayList<>();
        for (YamlNode node : root.list("buyerCategories")) {
            node.onlyKeys("code", "name");
            String categoryCode = node.text("code");
            if (categoryCode.equals(BuyerCategory.ALL)) {
                throw node.fail("code", "'" + BuyerCategory.ALL + "' is reserved for 'every category'");
            }
            categories.add(new BuyerCategory(categoryCode, node.localized("name")));
        }
        unique(
                root,
                "buyerCategories",
                categories.stream().map(BuyerCategory::code).toList());

        List<Procedure> procedures = new ArrayList<>();
        for (YamlNode node : root.list("procedures")) {
            node.onlyKeys(with("code name ocds description"));
            procedures.add(procedureLike(node, node.oneOf("ocds", ProcurementMethod.class)));
        }
        unique(root, "procedures", procedures.stream().map(Procedure::code).toList());
        Set<String> procedureCodes =
                new HashSet<>(procedures.stream().map(Procedure::code).toList());
        Set<String> categoryCodes =
                new HashSet<>(categories.stream().map(BuyerCategory::code).toList());

        List<Threshold> thresholds = new ArrayList<>();
        Map<String, List<Band<YamlNode>>> bandsByCell = new LinkedHashMap<>();
        for (YamlNode node : root.list("thresholds")) {
            node.onlyKeys(with("purpose buyerCategory nature scope from below tax procedure meaning"));
            String category = node.text("buyerCategory");
            if (!category.equals(BuyerCategory.ALL) && !categoryCodes.contains(category)) {
                throw node.fail(
                        "buyerCategory",
                        "'" + category + "' is not ALL nor a code listed under buyerCategories " + categoryCodes);
            }
            String procedure = node.optionalText("procedure");
            if (procedure != null && !procedureCodes.contains(procedure)) {
                throw node.fail(
                        "procedure", "'" + procedure + "' is not a code listed under procedures " + procedureCodes);
            }
            BigDecimal from = node.amount("from");
            BigDecimal below = node.optionalAmount("below");
            if (below != null && below.compareTo(from) <= 0) {
                throw node.fail(
                        "below",
                        "must be greater than from (" + from.toPlainString() + "), found " + below.toPlainString());
            }
            Provenance p = provenance(node);
            Threshold threshold = new Threshold(
                    node.oneOf("purpose", ThresholdPurpose.class),
                    category,
                    node.optionalOneOf("nature", Nature.class),
                    node.optionalText("scope"),
                    from,
                    below,
                    node.optionalOneOf("tax", TaxBasis.class),
                    procedure,
                    node.localized("meaning"),
                    p.basis(),
                    p.validFrom(),
                    p.confidence(),
                    p.note());
            if (threshold.purpose() == ThresholdPurpose.PROCEDURE && procedure == null) {
                throw node.fail("procedure", "is required when the purpose is 'procedure'");
            }
            thresholds.add(threshold);
            String cell = threshold.purpose() + "/" + category + "/" + threshold.nature() + "/" + threshold.scope();
            bandsByCell.computeIfAbsent(cell, k -> new ArrayList<>()).add(new Band<>(from, below, node));
        }
        for (List<Band<YamlNode>> bands : bandsByCell.values()) {
            List<String> problems = Bands.problems(bands);
            if (!problems.isEmpty()) {
                YamlNode last = bands.get(bands.size() - 1).value();
                throw last.fail("thresholds of the same purpose, buyer category, nature and scope: " + problems.get(0));
            }
        }

        List<TimeLimit> limits = new ArrayList<>();
        for (YamlNode node : root.list("timeLimits")) {
            node.onlyKeys(with("code name days unit kind startsFrom"));
            Provenance p = provenance(node);
            limits.add(new TimeLimit(
                    node.text("code"),
                    node.localized("name"),
                    node.count("days"),
                    node.oneOf("unit", DayUnit.class),
                    node.oneOf("kind", TimeLimit.Kind.class),
                    node.localized("startsFrom"),
                    p.basis(),
                    p.validFrom(),
                    p.confidence(),
                    p.note()));
        }
        unique(root, "timeLimits", limits.stream().map(TimeLimit::code).toList());

        List<FeeScale> fees = new ArrayList<>();
        for (YamlNode node : root.list("fees")) {
            node.onlyKeys(with("code name base rateApplies brackets annualCapPerHolder payer"));
            String applies = node.text("rateApplies");
            if (!applies.equals("whole-amount") && !applies.equals("marginal")) {
                throw node.fail("rateApplies", "'" + applies + "' is not one of whole-amount, marginal");
            }
            List<FeeScale.Bracket> brackets = new ArrayList<>();
            List<Band<YamlNode>> bands = new ArrayList<>();
            for (YamlNode b : node.list("brackets")) {
                b.onlyKeys("from", "below", "ratePercent");
                BigDecimal from = b.amount("from");
                BigDecimal below = b.optionalAmount("below");
                if (below != null && below.compareTo(from) <= 0) {
                    throw b.fail("below", "must be greater than from (" + from.toPlainString() + ")");
                }
                BigDecimal rate = b.amount("ratePercent");
                if (rate.compareTo(HUNDRED) > 0) {
                    throw b.fail("ratePercent", "a rate in percent cannot exceed 100 (found " + rate + ")");
                }
                brackets.add(new FeeScale.Bracket(from, below, rate));
                bands.add(new Band<>(from, below, b));
            }
            if (brackets.isEmpty()) {
                throw node.fail("brackets", "needs at least one bracket");
            }
            List<String> problems = Bands.problems(bands);
            if (!problems.isEmpty()) {
                throw node.fail("brackets", problems.get(0));
            }
            if (!Bands.coverFromZero(bands)) {
                throw node.fail(
                        "brackets", "must cover every amount from 0 upwards without a gap (last without below)");
            }
            Provenance p = provenance(node);
            fees.add(new FeeScale(
                    node.text("code"),
                    node.localized("name"),
                    node.oneOf("base", TaxBasis.class),
                    applies.equals("whole-amount"),
                    brackets,
                    node.optionalAmount("annualCapPerHolder"),
                    node.localized("payer"),
                    p.basis(),
                    p.validFrom(),
                    p.confidence(),
                    p.note()));
        }
        unique(root, "fees", fees.stream().map(FeeScale::code).toList());

        List<RequiredDocument> documents = new ArrayList<>();
        for (YamlNode node : root.list("requiredDocuments")) {
            node.onlyKeys(with("code name issuer"));
            Provenance p = provenance(node);
            documents.add(new RequiredDocument(
                    node.text("code"),
                    node.localized("name"),
                    node.optionalLocalized("issuer"),
                    p.basis(),
                    p.validFrom(),
                    p.confidence(),
                    p.note()));
        }
        unique(
                root,
                "requiredDocuments",
                documents.stream().map(RequiredDocument::code).toList());

        List<SupplierIdentifier> identifiers = new ArrayList<>();
        for (YamlNode node : root.list("supplierIdentifiers")) {
            node.onlyKeys(with("code name required pattern example formatConfidence"));
            String pattern = node.optionalText("pattern");
            String example = node.optionalText("example");
            if (pattern != null) {
                try {
                    java.util.regex.Pattern.compile(pattern);
                } catch (java.util.regex.PatternSyntaxException e) {
                    throw node.fail("pattern", "is not a regular expression: " + e.getDescription());
                }
            }
            Provenance p = provenance(node);
            SupplierIdentifier identifier = new SupplierIdentifier(
                    node.text("code"),
                    node.localized("name"),
                    node.flag("required"),
                    pattern,
                    example,
                    node.has("formatConfidence")
                            ? node.oneOf("formatConfidence", Confidence.class)
                            : Confidence.UNVERIFIED,
                    p.basis(),
                    p.validFrom(),
                    p.confidence(),
                    p.note());
            if (example != null && !identifier.matches(example)) {
                throw node.fail("example", "'" + example + "' does not match the pattern " + pattern);
            }
            identifiers.add(identifier);
        }
        unique(
                root,
                "supplierIdentifiers",
                identifiers.stream().map(SupplierIdentifier::code).toList());

        List<PreferenceMargin> margins = new ArrayList<>();
        for (YamlNode node : root.list("preferenceMargins")) {
            node.onlyKeys(with("code name ratePercent condition"));
            BigDecimal rate = node.amount("ratePercent");
            if (rate.compareTo(HUNDRED) > 0) {
                throw node.fail("ratePercent", "a rate in percent cannot exceed 100 (found " + rate + ")");
            }
            Provenance p = provenance(node);
            margins.add(new PreferenceMargin(
                    node.text("code"),
                    node.localized("name"),
                    rate,
                    node.optionalLocalized("condition"),
                    p.basis(),
                    p.validFrom(),
                    p.confidence(),
                    p.note()));
        }
        unique(
                root,
                "preferenceMargins",
                margins.stream().map(PreferenceMargin::code).toList());

        OpeningCommittee committee = null;
        YamlNode committeeNode = root.optionalObject("openingCommittee");
        if (committeeNode != null) {
            committeeNode.onlyKeys(with("minMembers maxMembers quorum"));
            int min = committeeNode.count("minMembers");
            int max = committeeNode.count("maxMembers");
            if (min < OpeningCommittee.MIN_THRESHOLD) {
                throw committeeNode.fail("minMembers", "must be at least 2 (one key alone must never open a bid)");
            }
            if (max < min || max > 255) {
                throw committeeNode.fail("maxMembers", "must be between minMembers (" + min + ") and 255");
            }
            Provenance p = provenance(committeeNode);
            committee = new OpeningCommittee(
                    min,
                    max,
                    committeeNode.oneOf("quorum", OpeningCommittee.Quorum.class),
                    p.basis(),
                    p.validFrom(),
                    p.confidence(),
                    p.note());
        }

        List<LocalizedText> pending = new ArrayList<>();
        for (YamlNode node : root.list("notYetEncoded")) {
            pending.add(node.asLocalized());
        }

        return new RulePack(
                CountryCode.of(code),
                root.localized("name"),
                currency,
                zone,
                digits,
                mainText,
                bodies,
                categories,
                procedures,
                thresholds,
                limits,
                calendar(calendar),
                fees,
                documents,
                identifiers,
                margins,
                pending,
                committee);
    }

    private static HolidayCalendar calendar(Source source) {
        YamlNode root = parse(source).onlyKeys("weekend", "firstYear", "lastYear", "holidays");
        List<DayOfWeek> weekend = new ArrayList<>();
        for (YamlNode day : root.list("weekend")) {
            String name = day.json().asString().toUpperCase(Locale.ROOT);
            try {
                weekend.add(DayOfWeek.valueOf(name));
            } catch (IllegalArgumentException e) {
                throw day.fail("'" + day.json().asString() + "' is not a day of the week (monday … sunday)");
            }
        }
        if (weekend.size() >= 7) {
            throw root.fail("weekend", "leaves no working day");
        }
        int firstYear = root.count("firstYear");
        int lastYear = root.count("lastYear");
        if (lastYear < firstYear) {
            throw root.fail("lastYear", "must not be before firstYear (" + firstYear + ")");
        }
        List<PublicHoliday> holidays = new ArrayList<>();
        for (YamlNode node : root.list("holidays")) {
            node.onlyKeys(with("name everyYear dates"));
            MonthDay everyYear = null;
            String fixed = node.optionalText("everyYear");
            if (fixed != null) {
                try {
                    everyYear = MonthDay.parse("--" + fixed);
                } catch (DateTimeParseException e) {
                    throw node.fail("everyYear", "'" + fixed + "' is not a day of the year of the form MM-DD");
                }
            }
            List<LocalDate> dates = new ArrayList<>();
            for (YamlNode date : node.list("dates")) {
                String text = date.json().asString();
                LocalDate parsed;
                try {
                    parsed = LocalDate.parse(text);
                } catch (DateTimeParseException e) {
                    throw date.fail("'" + text + "' is not a date of the form YYYY-MM-DD");
                }
                if (parsed.getYear() < firstYear || parsed.getYear() > lastYear) {
                    throw date.fail("'" + text + "' is outside the calendar's years " + firstYear + "–" + lastYear);
                }
                dates.add(parsed);
            }
            if ((everyYear == null) == dates.isEmpty()) {
                throw node.fail("give either everyYear (a fixed day) or dates (a movable feast), not both nor neither");
            }
            Provenance p = provenance(node);
            holidays.add(new PublicHoliday(
                    node.localized("name"), everyYear, dates, p.basis(), p.validFrom(), p.confidence(), p.note()));
        }
        return new HolidayCalendar(weekend, holidays, firstYear, lastYear);
    }

    private static Procedure procedureLike(YamlNode node, ProcurementMethod method) {
        Provenance p = provenance(node);
        return new Procedure(
                node.text("code"),
                node.localized("name"),
                method,
                node.optionalLocalized("description"),
                p.basis(),
                p.validFrom(),
                p.confidence(),
                p.note());
    }

    /** Where a value comes from, common to every rule value. */
    record Provenance(
            LegalBasis basis,
            LocalDate validFrom,
            Confidence confidence,
            @Nullable LocalizedText note) {}

    static Provenance provenance(YamlNode node) {
        YamlNode basis = node.object("legalBasis").onlyKeys("text", "article", "sourceUrl");
        String url = basis.optionalText("sourceUrl");
        if (url != null) {
            try {
                URI uri = new URI(url);
                if (!"https".equals(uri.getScheme()) && !"http".equals(uri.getScheme())) {
                    throw basis.fail("sourceUrl", "'" + url + "' must be an http(s) address");
                }
            } catch (URISyntaxException e) {
                throw basis.fail("sourceUrl", "'" + url + "' is not a valid address");
            }
        }
        return new Provenance(
                new LegalBasis(basis.text("text"), basis.optionalText("article"), url),
                node.date("validFrom"),
                node.oneOf("confidence", Confidence.class),
                node.optionalLocalized("note"));
    }

    private static void unique(YamlNode root, String key, List<String> codes) {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < codes.size(); i++) {
            if (!seen.add(codes.get(i))) {
                throw new InvalidRulePackException(
                        root.file(), key + "[" + i + "].code", "'" + codes.get(i) + "' is defined twice");
            }
        }
    }

    private static String[] with(String keys) {
        return (keys + " " + PROVENANCE_KEYS).split(" ");
    }

    private static YamlNode parse(Source source) {
        try (InputStream in = source.content()) {
            JsonNode json = YAML.readTree(in);
            if (json == null || json.isMissingNode() || json.isNull()) {
                throw new InvalidRulePackException(source.name(), "", "the file is empty");
            }
            return new YamlNode(source.name(), "", json);
        } catch (JacksonException e) {
            throw new InvalidRulePackException(source.name(), "", "not valid YAML: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new InvalidRulePackException(source.name(), "", "cannot be read: " + e.getMessage());
        }
    }
}
