// SPDX-License-Identifier: Apache-2.0
package org.baobab.suppliers.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import org.baobab.rules.Nature;
import org.baobab.rules.RulePacks;
import org.baobab.shared.CountryCode;
import org.baobab.suppliers.Exclusion;
import org.baobab.suppliers.Exclusions;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;

/**
 * The public exclusion list, as a page and as JSON: every decision with its reference, period and scope, in force or
 * not. The officer who typed it in is not shown; the regulator that decided is.
 */
@Controller
@Tag(name = "Suppliers", description = "Companies excluded from public procurement")
class ExcludedController {

    private final Exclusions exclusions;
    private final RulePacks packs;

    ExcludedController(Exclusions exclusions, RulePacks packs) {
        this.exclusions = exclusions;
        this.packs = packs;
    }

    /** An exclusion as the public sees it. */
    record PublicExclusion(
            String id,
            String country,
            String regulator,
            String companyName,
            String identifiers,
            @Nullable Nature nature,
            LocalDate startsOn,
            @Nullable LocalDate endsOn,
            String legalBasis,
            String reason,
            Exclusion.State state,
            @Nullable Instant liftedAt,
            @Nullable String liftReason) {

        static PublicExclusion of(Exclusion e, LocalDate today) {
            return new PublicExclusion(
                    e.id().toString(),
                    e.country(),
                    e.regulatorName(),
                    e.companyName(),
                    e.identifiers(),
                    e.nature(),
                    e.startsOn(),
                    e.endsOn(),
                    e.legalBasis(),
                    e.reason(),
                    e.state(today),
                    e.liftedAt(),
                    e.liftReason());
        }
    }

    private List<PublicExclusion> list(@Nullable String country) {
        String filter =
                country == null || country.isBlank() ? null : country.strip().toUpperCase(Locale.ROOT);
        if (filter != null && !CountryCode.isValid(filter)) {
            return List.of();
        }
        return exclusions.list(filter).stream()
                .map(e -> PublicExclusion.of(e, exclusions.today(e.country())))
                .toList();
    }

    @GetMapping("/suppliers/excluded")
    String page(@RequestParam(required = false) @Nullable String country, Model model) {
        List<PublicExclusion> all = list(country);
        model.addAttribute(
                "current",
                all.stream()
                        .filter(e -> e.state() == Exclusion.State.IN_FORCE || e.state() == Exclusion.State.UPCOMING)
                        .toList());
        model.addAttribute(
                "past",
                all.stream()
                        .filter(e -> e.state() == Exclusion.State.ENDED || e.state() == Exclusion.State.LIFTED)
                        .toList());
        model.addAttribute("packs", packs.all());
        model.addAttribute("country", country);
        return "suppliers/excluded";
    }

    @GetMapping(value = "/api/suppliers/excluded", produces = "application/json")
    @ResponseBody
    @Operation(
            summary = "Companies excluded from public procurement",
            description = "Every exclusion decided by a regulator, in force, upcoming, ended or lifted, newest first;"
                    + " optionally one country's (ISO 3166-1 alpha-2).")
    List<PublicExclusion> api(@RequestParam(required = false) @Nullable String country) {
        return list(country);
    }
}
