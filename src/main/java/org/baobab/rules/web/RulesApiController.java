// SPDX-License-Identifier: Apache-2.0
package org.baobab.rules.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.baobab.rules.RulePack;
import org.baobab.rules.RulePacks;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * The rule packs as JSON, for API clients and other countries' portals. Every value carries its {@code legalBasis},
 * {@code validFrom} and {@code confidence}; clients must only warn on {@code UNVERIFIED} values.
 */
@RestController
class RulesApiController {

    private final RulePacks packs;

    RulesApiController(RulePacks packs) {
        this.packs = packs;
    }

    @GetMapping("/api/rules")
    List<Map<String, Object>> index() {
        return packs.all().stream()
                .map(p -> Map.<String, Object>of(
                        "country", p.country().value(), "name", p.name(), "href", "/api/rules/" + p.country()))
                .toList();
    }

    @GetMapping("/api/rules/{country}")
    Map<String, Object> pack(@PathVariable String country) {
        RulePack pack = RulesController.find(packs, country);
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("country", pack.country().value());
        json.put("name", pack.name());
        json.put("currency", pack.currency().getCurrencyCode());
        json.put("timeZone", pack.timeZone().getId());
        json.put("mainText", pack.mainText());
        json.put("bodies", pack.bodies());
        json.put("buyerCategories", pack.buyerCategories());
        json.put(
                "procedures",
                pack.procedures().stream().map(RulesApiController::procedure).toList());
        json.put("thresholds", pack.thresholds());
        json.put("timeLimits", pack.timeLimits());
        json.put("calendar", pack.calendar());
        json.put("fees", pack.fees());
        json.put("requiredDocuments", pack.requiredDocuments());
        json.put("supplierIdentifiers", pack.supplierIdentifiers());
        json.put("preferenceMargins", pack.preferenceMargins());
        if (pack.openingCommittee() != null) {
            json.put("openingCommittee", pack.openingCommittee());
        }
        json.put("notYetEncoded", pack.notYetEncoded());
        return json;
    }

    private static Map<String, Object> procedure(org.baobab.rules.Procedure p) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("code", p.code());
        json.put("name", p.name());
        json.put("procurementMethod", p.method().ocdsCode());
        json.put("procurementMethodDetails", p.ocdsMethodDetails());
        json.put("description", p.description());
        json.put("legalBasis", p.legalBasis());
        json.put("validFrom", p.validFrom());
        json.put("confidence", p.confidence());
        json.put("note", p.note());
        return json;
    }
}
