// SPDX-License-Identifier: Apache-2.0
package org.baobab.rules;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.baobab.rules.internal.RulePackLoader;
import org.baobab.shared.BaobabException;
import org.baobab.shared.CountryCode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Service;

/**
 * The rule packs of every country Baobab serves, loaded once at start-up from {@code rulepacks/<country>/}. A broken
 * pack stops the start-up with an {@link InvalidRulePackException} naming the file and the faulty field, because a
 * platform running on a wrong threshold or time limit would make unlawful decisions; each unverified value is logged
 * as a warning, since the platform will only warn (never block) on it.
 */
@Service
public class RulePacks {

    private static final Logger log = LoggerFactory.getLogger(RulePacks.class);

    private final Map<CountryCode, RulePack> packs;
    private final Clock clock;

    @Autowired
    public RulePacks(Clock clock) {
        this(clock, RulePackLoader.DEFAULT_ROOT);
    }

    /** The packs under another class-path folder (tests of a setting no shipped pack has). */
    RulePacks(Clock clock, String root) {
        long started = System.nanoTime();
        List<RulePack> packs = RulePackLoader.load(root);
        log.info(
                "Loaded and validated {} rule packs in {} ms", packs.size(), (System.nanoTime() - started) / 1_000_000);
        this.clock = clock;
        Map<CountryCode, RulePack> byCountry = new LinkedHashMap<>();
        packs.forEach(p -> byCountry.put(p.country(), p));
        this.packs = Map.copyOf(byCountry);
        for (RulePack pack : packs) {
            List<Ruled> unverified = pack.unverified();
            log.info(
                    "Rule pack {} loaded: {} procedures, {} thresholds, {} time limits, {} fee scales; {} unverified"
                            + " values",
                    pack.country(),
                    pack.procedures().size(),
                    pack.thresholds().size(),
                    pack.timeLimits().size(),
                    pack.fees().size(),
                    unverified.size());
            if (!unverified.isEmpty()) {
                log.warn(
                        "Rule pack {}: {} unverified values: the platform warns on them, never enforces them"
                                + " (listed at /rules/{} and at DEBUG level)",
                        pack.country(),
                        unverified.size(),
                        pack.country());
                log.debug(
                        "Rule pack {} unverified values: {}",
                        pack.country(),
                        unverified.stream().map(RulePacks::label).collect(Collectors.joining("; ")));
            }
        }
    }

    /** Every pack, sorted by country code. */
    public List<RulePack> all() {
        return packs.values().stream()
                .sorted(Comparator.comparing(p -> p.country().value()))
                .toList();
    }

    public Optional<RulePack> find(CountryCode country) {
        return Optional.ofNullable(packs.get(country));
    }

    /** The pack of a country given as stored (e.g. an organisation's), empty for no pack or no valid code. */
    public Optional<RulePack> find(String country) {
        return CountryCode.isValid(country) ? find(CountryCode.of(country)) : Optional.empty();
    }

    /**
     * The country's time zone, from its pack; UTC where Baobab has no pack (the West and Central African countries
     * served are UTC+0 to UTC+1, and a day is then read at most an hour off).
     */
    public ZoneId zone(String country) {
        return find(country).map(RulePack::timeZone).orElse(ZoneOffset.UTC);
    }

    /** Today in the country, by {@link #zone(String)}. */
    public LocalDate today(String country) {
        return LocalDate.now(clock.withZone(zone(country)));
    }

    /** The pack of a country; {@code RULES-0001} (404) when Baobab has none. */
    public RulePack pack(CountryCode country) {
        return find(country).orElseThrow(() -> new BaobabException(RulesErrorCode.NO_PACK, country));
    }

    /** Today in the country's time zone: the day from which its time limits count. */
    public LocalDate today(CountryCode country) {
        return LocalDate.now(clock.withZone(pack(country).timeZone()));
    }

    private static String label(Ruled value) {
        String what = value.toString();
        if (value instanceof Procedure p) {
            what = "procedure " + p.code();
        } else if (value instanceof Threshold t) {
            what = "threshold " + t.purpose() + " " + t.meaning().fr();
        } else if (value instanceof TimeLimit t) {
            what = "time limit " + t.code();
        } else if (value instanceof FeeScale f) {
            what = "fee " + f.code();
        } else if (value instanceof RequiredDocument d) {
            what = "document " + d.code();
        } else if (value instanceof SupplierIdentifier i) {
            what = "supplier identifier " + i.code();
        } else if (value instanceof PreferenceMargin m) {
            what = "preference margin " + m.code();
        } else if (value instanceof PublicHoliday h) {
            what = "holiday " + h.name().fr();
        } else if (value instanceof LegalText l) {
            what = "main text " + l.code();
        } else if (value instanceof Body b) {
            what = "body " + b.code();
        }
        return what + " (" + value.legalBasis().text() + ")";
    }
}
