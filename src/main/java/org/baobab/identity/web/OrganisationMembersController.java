// SPDX-License-Identifier: Apache-2.0
package org.baobab.identity.web;

import jakarta.servlet.http.HttpServletResponse;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import org.baobab.identity.Accounts;
import org.baobab.identity.CurrentUser;
import org.baobab.shared.BaobabException;
import org.baobab.shared.NotFoundException;
import org.baobab.shared.OrganisationKind;
import org.baobab.shared.Role;
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
 * An organisation's admin (or a supplier's admin) manages its members: invites colleagues with a role, gives and takes
 * roles. Whether the user administers that very organisation is checked by {@link Accounts}.
 */
@Controller
class OrganisationMembersController {

    private static final Set<Role> ADMINISTERING =
            EnumSet.of(Role.ORGANISATION_ADMIN, Role.SUPPLIER_ADMIN, Role.PLATFORM_ADMIN);

    private final Accounts accounts;
    private final MessageSource messages;

    OrganisationMembersController(Accounts accounts, MessageSource messages) {
        this.accounts = accounts;
        this.messages = messages;
    }

    @GetMapping("/organisation/{id}/members")
    String members(@AuthenticationPrincipal CurrentUser user, @PathVariable UUID id, Model model) {
        var organisation = accounts.organisation(id).orElseThrow(() -> new NotFoundException(id));
        model.addAttribute("organisation", organisation);
        model.addAttribute("members", accounts.members(user, id));
        model.addAttribute("pending", accounts.pendingInvitations(user, id));
        model.addAttribute("roles", invitable(organisation.kind()));
        return "identity/members";
    }

    /**
     * The roles an invitation may give, the least powerful first, so that the form starts on it: the roles that
     * administer (the organisation, the platform) come last.
     */
    static List<Role> invitable(OrganisationKind kind) {
        return Role.allowedFor(kind).stream()
                .sorted(Comparator.comparing(ADMINISTERING::contains))
                .toList();
    }

    @PostMapping("/organisation/{id}/invitations")
    String invite(
            @AuthenticationPrincipal CurrentUser user,
            @PathVariable UUID id,
            @RequestParam String email,
            @RequestParam String fullName,
            @RequestParam Role role,
            Locale locale,
            RedirectAttributes redirect,
            HttpServletResponse response,
            Model model) {
        try {
            accounts.invite(user, id, email, fullName, role, locale.getLanguage());
        } catch (BaobabException e) {
            response.setStatus(e.errorCode().httpStatus());
            model.addAttribute("formError", messages.getMessage(e.errorCode().messageKey(), e.arguments(), locale));
            return members(user, id, model);
        }
        redirect.addFlashAttribute("invited", email);
        return "redirect:/organisation/" + id + "/members";
    }

    @PostMapping("/organisation/{id}/members/{userId}/roles")
    String changeRole(
            @AuthenticationPrincipal CurrentUser user,
            @PathVariable UUID id,
            @PathVariable UUID userId,
            @RequestParam Role role,
            @RequestParam boolean grant,
            Locale locale,
            HttpServletResponse response,
            Model model) {
        try {
            if (grant) {
                accounts.grantRole(user, id, userId, role);
            } else {
                accounts.revokeRole(user, id, userId, role);
            }
        } catch (BaobabException e) {
            response.setStatus(e.errorCode().httpStatus());
            model.addAttribute("formError", messages.getMessage(e.errorCode().messageKey(), e.arguments(), locale));
            return members(user, id, model);
        }
        return "redirect:/organisation/" + id + "/members";
    }
}
