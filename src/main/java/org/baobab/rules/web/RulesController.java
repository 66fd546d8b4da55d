// SPDX-License-Identifier: Apache-2.0
package org.baobab.rules.web;

import java.util.Locale;
import org.baobab.rules.RulePack;
import org.baobab.rules.RulePacks;
import org.baobab.shared.CountryCode;
import org.baobab.shared.NotFoundException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/** The public pages that show each country's rule pack in plain language, with the source of every value. */
@Controller
class RulesController {

    private final RulePacks packs;

    RulesController(RulePacks packs) {
        this.packs = packs;
    }

    @GetMapping("/rules")
    String index(Model model) {
        model.addAttribute("packs", packs.all());
        return "rules/index";
    }

    @GetMapping("/rules/{country}")
    String pack(@PathVariable String country, Model model, Locale locale) {
        RulePack pack = find(packs, country);
        model.addAttribute("pack", pack);
        model.addAttribute("view", new PackView(locale, pack.currency()));
        return "rules/pack";
    }

    /** The pack of a country code in any case; a 404 for an unknown or malformed code. */
    static RulePack find(RulePacks packs, String country) {
        if (!CountryCode.isValid(country)) {
            throw new NotFoundException(country);
        }
        return packs.find(CountryCode.of(country)).orElseThrow(() -> new NotFoundException(country));
    }
}
