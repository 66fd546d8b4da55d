// SPDX-License-Identifier: Apache-2.0
package org.baobab.suppliers.web;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.baobab.identity.CurrentUser;
import org.baobab.rules.Nature;
import org.baobab.shared.BaobabException;
import org.baobab.shared.OrganisationKind;
import org.baobab.shared.Role;
import org.baobab.suppliers.Exclusion;
import org.baobab.suppliers.Exclusions;
import org.baobab.suppliers.SuppliersErrorCode;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The regulator's register of exclusions: record a decision, lift one. */
@Controller
class RegulatorExclusionsController {

    private final Exclusions exclusions;
    private final MessageSource messages;

    RegulatorExclusionsController(Exclusions exclusions, MessageSource messages) {
        this.exclusions = exclusions;
        this.messages = messages;
    }

    /** The form as typed, kept to show it again with the error. */
    record Form(
            @Nullable UUID organisation,
            String companyName,
            String identifiers,
            @Nullable Nature nature,
            @Nullable LocalDate startsOn,
            @Nullable LocalDate endsOn,
            String legalBasis,
            String reason)
            implements java.io.Serializable {

        static Form empty(LocalDate today) {
            return new Form(null, "", "", null, today, null, "", "");
        }
    }

    private static List<CurrentUser.Membership> regulators(CurrentUser user) {
        return user.organisationsWith(OrganisationKind.REGULATOR, Role.COMPLAINTS_OFFICER);
    }

    @GetMapping("/regulator/exclusions")
    String page(@AuthenticationPrincipal CurrentUser user, Model model) {
        List<CurrentUser.Membership> regulators = regulators(user);
        if (regulators.isEmpty()) {
            throw new BaobabException(SuppliersErrorCode.NOT_REGULATOR);
        }
        CurrentUser.Membership regulator = regulators.get(0);
        if (!model.containsAttribute("form")) {
            model.addAttribute("form", Form.empty(exclusions.today(regulator.country())));
        }
        model.addAttribute("regulator", regulator);
        model.addAttribute("suppliers", exclusions.suppliers(regulator.country()));
        model.addAttribute("natures", Nature.values());
        model.addAttribute("today", exclusions.today(regulator.country()));
        model.addAttribute("exclusions", exclusions.list(regulator.country()));
        return "suppliers/regulator-exclusions";
    }

    @PostMapping("/regulator/exclusions")
    String record(
            @AuthenticationPrincipal CurrentUser user,
            @RequestParam(required = false) @Nullable UUID organisation,
            @RequestParam(defaultValue = "") String companyName,
            @RequestParam(defaultValue = "") String identifiers,
            @RequestParam(required = false) @Nullable Nature nature,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate startsOn,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate endsOn,
            @RequestParam(defaultValue = "") String legalBasis,
            @RequestParam(defaultValue = "") String reason,
            Locale locale,
            RedirectAttributes redirect) {
        List<CurrentUser.Membership> regulators = regulators(user);
        if (regulators.isEmpty()) {
            throw new BaobabException(SuppliersErrorCode.NOT_REGULATOR);
        }
        try {
            exclusions.record(
                    user,
                    regulators.get(0).organisationId(),
                    new Exclusion.Draft(
                            organisation, companyName, identifiers, nature, startsOn, endsOn, legalBasis, reason));
            redirect.addFlashAttribute("message", messages.getMessage("exclusions.recorded", null, locale));
        } catch (BaobabException e) {
            redirect.addFlashAttribute("error", FieldErrors.message(messages, e, "exclusion", locale));
            redirect.addFlashAttribute(
                    "form",
                    new Form(organisation, companyName, identifiers, nature, startsOn, endsOn, legalBasis, reason));
        }
        return "redirect:/regulator/exclusions";
    }

    @PostMapping("/regulator/exclusions/{id}/lift")
    String lift(
            @AuthenticationPrincipal CurrentUser user,
            @PathVariable UUID id,
            @RequestParam(defaultValue = "") String reason,
            Locale locale,
            RedirectAttributes redirect) {
        try {
            exclusions.lift(user, id, reason);
            redirect.addFlashAttribute("message", messages.getMessage("exclusions.lifted", null, locale));
        } catch (BaobabException e) {
            redirect.addFlashAttribute("error", FieldErrors.message(messages, e, "exclusion", locale));
        }
        return "redirect:/regulator/exclusions";
    }
}
