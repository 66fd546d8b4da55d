// SPDX-License-Identifier: Apache-2.0
package org.baobab.suppliers.web;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.baobab.identity.CurrentUser;
import org.baobab.rules.Nature;
import org.baobab.shared.BaobabException;
import org.baobab.shared.OrganisationKind;
import org.baobab.shared.Role;
import org.baobab.shared.web.FormErrors;
import org.baobab.suppliers.Exclusion;
import org.baobab.suppliers.Exclusions;
import org.baobab.suppliers.SuppliersErrorCode;
import org.jspecify.annotations.Nullable;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.InitBinder;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The regulator's register of exclusions: record a decision, lift one. */
@Controller
class RegulatorExclusionsController {

    private final Exclusions exclusions;
    private final FormErrors forms;

    RegulatorExclusionsController(Exclusions exclusions, FormErrors forms) {
        this.exclusions = exclusions;
        this.forms = forms;
    }

    /**
     * The decision as typed (model attribute {@code exclusion}: its labels are {@code exclusion.<field>}). A class bound
     * field by field ({@link #bindFields}): a date that does not convert leaves its field empty and the other checks
     * still run.
     */
    static final class Form {
        public @Nullable UUID organisation;

        @Size(max = 300)
        public String companyName = "";

        @Size(max = 500)
        public String identifiers = "";

        public @Nullable Nature nature;

        @NotNull
        @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
        public @Nullable LocalDate startsOn;

        @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
        public @Nullable LocalDate endsOn;

        @NotBlank
        @Size(max = 500)
        public String legalBasis = "";

        @NotBlank
        @Size(max = 4000)
        public String reason = "";

        static Form empty(LocalDate today) {
            Form form = new Form();
            form.startsOn = today;
            return form;
        }

        Exclusion.Draft draft() {
            return new Exclusion.Draft(
                    organisation, companyName, identifiers, nature, startsOn, endsOn, legalBasis, reason);
        }
    }

    @InitBinder("exclusion")
    void bindFields(WebDataBinder binder) {
        binder.initDirectFieldAccess();
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
        if (!model.containsAttribute("exclusion")) {
            model.addAttribute("exclusion", Form.empty(exclusions.today(regulator.country())));
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
            @Valid @ModelAttribute("exclusion") Form form,
            BindingResult errors,
            Model model,
            RedirectAttributes redirect) {
        List<CurrentUser.Membership> regulators = regulators(user);
        if (regulators.isEmpty()) {
            throw new BaobabException(SuppliersErrorCode.NOT_REGULATOR);
        }
        return forms.on(errors)
                .namingField(SuppliersErrorCode.REQUIRED, SuppliersErrorCode.TOO_LONG, SuppliersErrorCode.INVALID_VALUE)
                .field(SuppliersErrorCode.PERIOD_REVERSED, "endsOn")
                .field(SuppliersErrorCode.NOT_A_SUPPLIER, "organisation")
                .run(
                        () -> exclusions.record(user, regulators.get(0).organisationId(), form.draft()),
                        () -> forms.redirect(redirect, "/regulator/exclusions", "exclusions.recorded"),
                        () -> page(user, model));
    }

    @PostMapping("/regulator/exclusions/{id}/lift")
    String lift(
            @AuthenticationPrincipal CurrentUser user,
            @PathVariable UUID id,
            @RequestParam(defaultValue = "") String reason,
            RedirectAttributes redirect) {
        return forms.act(
                redirect,
                "/regulator/exclusions",
                "exclusions.lifted",
                "exclusion",
                () -> exclusions.lift(user, id, reason));
    }
}
