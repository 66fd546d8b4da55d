// SPDX-License-Identifier: Apache-2.0
package org.baobab.suppliers.web;

import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.baobab.identity.CurrentUser;
import org.baobab.rules.Nature;
import org.baobab.rules.Procedure;
import org.baobab.rules.RulePacks;
import org.baobab.shared.BaobabException;
import org.baobab.shared.web.FormErrors;
import org.baobab.suppliers.Alerts;
import org.baobab.suppliers.Subscription;
import org.baobab.suppliers.SuppliersErrorCode;
import org.baobab.tendering.Notices;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Alerts on notices by words, country, category, procedure, authority and CPV codes: subscribe (with or without an
 * account), confirm, unsubscribe in one click.
 */
@Controller
class AlertsController {

    private final Alerts alerts;
    private final RulePacks packs;
    private final Notices notices;
    private final MessageSource messages;
    private final FormErrors forms;

    AlertsController(Alerts alerts, RulePacks packs, Notices notices, MessageSource messages, FormErrors forms) {
        this.alerts = alerts;
        this.notices = notices;
        this.packs = packs;
        this.messages = messages;
        this.forms = forms;
    }

    @GetMapping("/alerts")
    String page(@AuthenticationPrincipal @Nullable CurrentUser user, Model model) {
        model.addAttribute("packs", packs.all());
        model.addAttribute("natures", Nature.values());
        model.addAttribute(
                "procedures",
                packs.all().stream()
                        .flatMap(p -> p.procedures().stream())
                        .map(Procedure::code)
                        .distinct()
                        .sorted()
                        .toList());
        model.addAttribute("authorities", notices.authorities());
        model.addAttribute(
                "authorityNames",
                notices.authorities().stream()
                        .collect(java.util.stream.Collectors.toMap(
                                java.util.Map.Entry::getKey, java.util.Map.Entry::getValue, (a, b) -> a)));
        model.addAttribute("email", user == null ? "" : user.email());
        model.addAttribute("mine", user == null ? List.of() : alerts.mine(user));
        return "suppliers/alerts";
    }

    @PostMapping("/alerts")
    String subscribe(
            @AuthenticationPrincipal @Nullable CurrentUser user,
            @RequestParam(defaultValue = "") String email,
            @RequestParam(required = false) @Nullable String country,
            @RequestParam(required = false) @Nullable Nature nature,
            @RequestParam(required = false) @Nullable String procedure,
            @RequestParam(required = false) @Nullable UUID authority,
            @RequestParam(defaultValue = "") String cpv,
            @RequestParam(defaultValue = "") String words,
            @RequestParam(defaultValue = "INSTANT") Subscription.Frequency frequency,
            Locale locale,
            RedirectAttributes redirect) {
        return forms.actNaming(redirect, "/alerts", "alerts", () -> {
            boolean active = alerts.subscribe(
                    user,
                    email,
                    locale.getLanguage(),
                    new Subscription.Criteria(
                            country, nature, procedure, authority, words, List.of(cpv.split("[,;\\s]+"))),
                    frequency);
            return forms.redirect(redirect, "/alerts", active ? "alerts.active" : "alerts.check-mail");
        });
    }

    @PostMapping("/alerts/{id}/remove")
    String remove(
            @AuthenticationPrincipal CurrentUser user,
            @PathVariable UUID id,
            Locale locale,
            RedirectAttributes redirect) {
        alerts.remove(user, id);
        redirect.addFlashAttribute("message", messages.getMessage("alerts.removed", null, locale));
        return "redirect:/alerts";
    }

    @GetMapping("/alerts/confirm")
    String confirm(@RequestParam(defaultValue = "") String token, Model model) {
        try {
            alerts.confirm(token);
            model.addAttribute("outcome", "confirmed");
        } catch (BaobabException e) {
            model.addAttribute("outcome", "unknown");
        }
        return "suppliers/alert-outcome";
    }

    @GetMapping("/alerts/unsubscribe")
    String unsubscribeForm(@RequestParam(defaultValue = "") String token, Model model) {
        model.addAttribute("token", token);
        model.addAttribute("outcome", alerts.exists(token) ? "confirm-unsubscribe" : "unknown");
        return "suppliers/alert-outcome";
    }

    @PostMapping("/alerts/unsubscribe")
    String unsubscribe(@RequestParam(defaultValue = "") String token, Model model) {
        try {
            alerts.unsubscribe(token);
            model.addAttribute("outcome", "unsubscribed");
        } catch (BaobabException e) {
            if (e.errorCode() != SuppliersErrorCode.UNKNOWN_ALERT) {
                throw e;
            }
            model.addAttribute("outcome", "unknown");
        }
        return "suppliers/alert-outcome";
    }
}
