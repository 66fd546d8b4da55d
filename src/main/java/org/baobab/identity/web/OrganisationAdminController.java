// SPDX-License-Identifier: Apache-2.0
package org.baobab.identity.web;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.EnumSet;
import java.util.Locale;
import org.baobab.identity.Accounts;
import org.baobab.identity.CurrentUser;
import org.baobab.identity.IdentityErrorCode;
import org.baobab.shared.OrganisationKind;
import org.baobab.shared.SharedErrorCode;
import org.baobab.shared.web.FormErrors;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The platform admin creates the public organisations (contracting authorities, control bodies, regulators) and
 * invites their first administrator; suppliers register themselves.
 */
@Controller
class OrganisationAdminController {

    private final Accounts accounts;
    private final FormErrors forms;

    OrganisationAdminController(Accounts accounts, FormErrors forms) {
        this.accounts = accounts;
        this.forms = forms;
    }

    /** A public body and its first administrator (labels {@code newOrganisation.<field>}). */
    record NewOrganisation(
            @NotNull OrganisationKind kind,
            @NotBlank @Size(max = 300) String name,
            @NotBlank String country,
            @NotBlank @Email @Size(max = 320) String adminEmail,
            @NotBlank @Size(max = 200) String adminName) {}

    @GetMapping("/admin/organisations")
    String list(Model model, Locale locale) {
        model.addAttribute("organisations", accounts.organisations());
        model.addAttribute(
                "kinds",
                EnumSet.of(
                        OrganisationKind.CONTRACTING_AUTHORITY,
                        OrganisationKind.CONTROL_BODY,
                        OrganisationKind.REGULATOR));
        model.addAttribute("countries", RegistrationController.countryOptions(locale));
        if (!model.containsAttribute("newOrganisation")) {
            model.addAttribute(
                    "newOrganisation", new NewOrganisation(OrganisationKind.CONTRACTING_AUTHORITY, "", "SN", "", ""));
        }
        return "identity/admin-organisations";
    }

    @PostMapping("/admin/organisations")
    String create(
            @AuthenticationPrincipal CurrentUser user,
            @Valid @ModelAttribute("newOrganisation") NewOrganisation form,
            BindingResult errors,
            Locale locale,
            RedirectAttributes redirect,
            HttpServletResponse response,
            Model model) {
        if (form.kind() == OrganisationKind.SUPPLIER) {
            errors.rejectValue("kind", SharedErrorCode.INVALID_INPUT.messageKey());
        }
        return forms.on(errors)
                .statusOnFailure(response)
                .field(IdentityErrorCode.ORGANISATION_NAME_TAKEN, "name")
                .field(IdentityErrorCode.INVALID_COUNTRY, "country")
                .field(IdentityErrorCode.INVALID_EMAIL, "adminEmail")
                .field(IdentityErrorCode.EMAIL_TAKEN, "adminEmail")
                .field(IdentityErrorCode.ROLE_NOT_ALLOWED, "kind")
                .run(
                        () -> accounts.createOrganisation(
                                user,
                                form.kind(),
                                form.name(),
                                form.country(),
                                form.adminEmail(),
                                form.adminName(),
                                locale.getLanguage()),
                        () -> {
                            redirect.addFlashAttribute("created", form.name());
                            return "redirect:/admin/organisations";
                        },
                        () -> list(model, locale));
    }
}
