// SPDX-License-Identifier: Apache-2.0
package org.baobab.planning.web;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.baobab.planning.PlanLine;
import org.baobab.planning.PlanView;
import org.baobab.planning.PlanningErrorCode;
import org.baobab.planning.Plans;
import org.baobab.rules.Nature;
import org.baobab.rules.RulePacks;
import org.baobab.shared.BaobabException;
import org.baobab.shared.CountryCode;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The published procurement plans, for everyone: the list, one revision with its lines, the launched processes and the
 * history of revisions with what each changed, and the general procurement notice (AGPM) of a revision.
 */
@Controller
class PublicPlansController {

    private final Plans plans;
    private final RulePacks packs;

    PublicPlansController(Plans plans, RulePacks packs) {
        this.plans = plans;
        this.packs = packs;
    }

    @GetMapping("/plans")
    String list(
            @RequestParam(required = false) @Nullable String country,
            @RequestParam(required = false) @Nullable Integer year,
            Model model) {
        model.addAttribute("plans", plans.latestPublished(country, year, null));
        model.addAttribute("packs", packs.all());
        model.addAttribute("country", country);
        model.addAttribute("year", year);
        return "planning/plans";
    }

    @GetMapping("/plans/{id}")
    String plan(@PathVariable UUID id, Model model) {
        PlanView plan = plans.published(id).orElseThrow(() -> new BaobabException(PlanningErrorCode.UNKNOWN_PLAN, id));
        List<PlanView> history = plans.history(id);
        model.addAttribute("plan", plan);
        model.addAttribute("history", history);
        PlanView previous = history.stream()
                .filter(h -> h.revision() < plan.revision())
                .findFirst()
                .orElse(null);
        model.addAttribute("changes", previous == null ? null : Plans.changes(previous, plan));
        model.addAttribute("pack", packs.find(new CountryCode(plan.country())).orElse(null));
        return "planning/plan";
    }

    @GetMapping("/plans/{id}/agpm")
    String agpm(@PathVariable UUID id, Model model) {
        PlanView plan = plans.published(id).orElseThrow(() -> new BaobabException(PlanningErrorCode.UNKNOWN_PLAN, id));
        Map<Nature, List<PlanLine>> byNature = new TreeMap<>();
        plan.lines()
                .forEach(l -> byNature.computeIfAbsent(l.nature(), n -> new java.util.ArrayList<>())
                        .add(l));
        model.addAttribute("plan", plan);
        model.addAttribute("byNature", byNature);
        model.addAttribute("pack", packs.find(new CountryCode(plan.country())).orElse(null));
        return "planning/agpm";
    }
}
