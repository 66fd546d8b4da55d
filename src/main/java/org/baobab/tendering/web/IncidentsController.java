// SPDX-License-Identifier: Apache-2.0
package org.baobab.tendering.web;

import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.UUID;
import org.baobab.identity.CurrentUser;
import org.baobab.rules.RulePacks;
import org.baobab.shared.BaobabException;
import org.baobab.tendering.Incident;
import org.baobab.tendering.Incidents;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Platform incidents: the public list, and the form where a platform admin or a regulator's member declares one. The
 * times are typed in the country's time (UTC for an incident in every country).
 */
@Controller
class IncidentsController {

    private final Incidents incidents;
    private final RulePacks packs;
    private final MessageSource messages;

    IncidentsController(Incidents incidents, RulePacks packs, MessageSource messages) {
        this.incidents = incidents;
        this.packs = packs;
        this.messages = messages;
    }

    @GetMapping("/incidents")
    String list(Model model) {
        model.addAttribute("incidents", incidents.all());
        return "tendering/incidents";
    }

    @GetMapping("/incidents/declare")
    String form(@AuthenticationPrincipal CurrentUser user, Model model) {
        model.addAttribute(
                "packs",
                packs.all().stream()
                        .filter(p -> incidents.mayDeclare(user, p.country().value()))
                        .toList());
        model.addAttribute("anyCountry", incidents.mayDeclare(user, null));
        return "tendering/incident-declare";
    }

    @PostMapping("/incidents")
    String declare(
            @AuthenticationPrincipal CurrentUser user,
            @RequestParam(defaultValue = "") String country,
            @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) LocalDateTime startsAt,
            @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) LocalDateTime endsAt,
            @RequestParam(defaultValue = "") String description,
            Locale locale,
            RedirectAttributes redirect) {
        @Nullable String scope = country.isBlank() ? null : country;
        ZoneId zone = scope == null ? ZoneOffset.UTC : packs.zone(scope);
        try {
            UUID id = incidents.declare(
                    user,
                    new Incident.Draft(
                            scope,
                            startsAt.atZone(zone).toInstant(),
                            endsAt.atZone(zone).toInstant(),
                            description));
            int extended = incidents.all().stream()
                    .filter(i -> i.id().equals(id))
                    .findFirst()
                    .map(i -> i.extensions().size())
                    .orElse(0);
            redirect.addFlashAttribute(
                    "message", messages.getMessage("incident.declared", new Object[] {extended}, locale));
            return "redirect:/incidents";
        } catch (BaobabException e) {
            redirect.addFlashAttribute(
                    "error", messages.getMessage(e.errorCode().messageKey(), e.arguments(), locale));
            return "redirect:/incidents/declare";
        }
    }
}
