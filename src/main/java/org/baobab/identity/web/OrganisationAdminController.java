// SPDX-License-Identifier: Apache-2.0
package org.baobab.identity.web;

import jakarta.servlet.http.HttpServletResponse;
import java.util.EnumSet;
import java.util.Locale;
import org.baobab.identity.Accounts;
import org.baobab.identity.CurrentUser;
import org.baobab.shared.BaobabException;
import org.baobab.shared.OrganisationKind;
import org.springframework.context.MessageSource;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The platform admin creates the public organisations (contracting authorities, control bodies, regulators) and
 * invites their first administrator; suppliers register themselves.
 */
@Controller
class OrganisationAdminController {

    private final Accounts accounts;
    private final MessageSource messages;

    OrganisationAdminController(Accounts accounts, MessageSource messages) {
        this.accounts = accounts;
        this.messages = messages;
    }

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
        return "identity/admin-organisations";
    }

    @PostMapping("/admin/organisations")
    String create(
            @AuthenticationPrincipal CurrentUser user,
            @RequestParam OrganisationKind kind,
            @RequestParam String name,
            @RequestParam String country,
            @RequestParam String adminEmail,
            @RequestParam String adminName,
            Locale locale,
            RedirectAttributes redirect,
            HttpServletResponse response,
            Model model) {
        if (kind == OrganisationKind.SUPPLIER || name.isBlank() || adminEmail.isBlank() || adminName.isBlank()) {
            response.setStatus(400);
            model.addAttribute("formError", messages.getMessage("error.shared.invalid-input", null, locale));
            return list(model, locale);
        }
        try {
            accounts.createOrganisation(user, kind, name, country, adminEmail, adminName, locale.getLanguage());
        } catch (BaobabException e) {
            response.setStatus(e.errorCode().httpStatus());
            model.addAttribute("formError", messages.getMessage(e.errorCode().messageKey(), e.arguments(), locale));
            return list(model, locale);
        }
        redirect.addFlashAttribute("created", name);
        return "redirect:/admin/organisations";
    }
}
