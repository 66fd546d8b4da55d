// SPDX-License-Identifier: Apache-2.0
package org.baobab.identity.web;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import org.baobab.identity.Accounts;
import org.baobab.identity.CurrentUser;
import org.baobab.identity.IdentityErrorCode;
import org.baobab.shared.NotFoundException;
import org.baobab.shared.OrganisationKind;
import org.baobab.shared.Role;
import org.baobab.shared.web.FormErrors;
import org.jspecify.annotations.Nullable;
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
    private final FormErrors forms;

    OrganisationMembersController(Accounts accounts, FormErrors forms) {
        this.accounts = accounts;
        this.forms = forms;
    }

    /** An invitation as typed (labels {@code invitation.<field>}); {@link Accounts#invite} checks it again. */
    record InvitationForm(
            @NotBlank @Email @Size(max = 320) String email,
            @NotBlank @Size(max = 200) String fullName,
            @NotNull Role role) {}

    @GetMapping("/organisation/{id}/members")
    String members(@AuthenticationPrincipal CurrentUser user, @PathVariable UUID id, Model model) {
        var organisation = accounts.organisation(id).orElseThrow(() -> new NotFoundException(id));
        model.addAttribute("organisation", organisation);
        model.addAttribute("members", accounts.members(user, id));
        model.addAttribute("pending", accounts.pendingInvitations(user, id));
        model.addAttribute("roles", invitable(organisation.kind()));
        if (!model.containsAttribute("invitation")) {
            model.addAttribute(
                    "invitation",
                    new InvitationForm("", "", invitable(organisation.kind()).get(0)));
        }
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
            @Valid @ModelAttribute("invitation") InvitationForm form,
            BindingResult errors,
            Locale locale,
            RedirectAttributes redirect,
            HttpServletResponse response,
            Model model) {
        return forms.on(errors)
                .statusOnFailure(response)
                .field(IdentityErrorCode.INVALID_EMAIL, "email")
                .field(IdentityErrorCode.ALREADY_MEMBER, "email")
                .field(IdentityErrorCode.ROLE_NOT_ALLOWED, "role")
                .run(
                        () -> accounts.invite(
                                user, id, form.email(), form.fullName(), form.role(), locale.getLanguage()),
                        () -> {
                            redirect.addFlashAttribute("invited", form.email());
                            return "redirect:/organisation/" + id + "/members";
                        },
                        () -> members(user, id, model));
    }

    /**
     * A role given or taken (labels {@code roleChange.<field>}): a button per member, its fields hidden; a refusal is
     * shown in the summary at the top of the members page.
     */
    public static class RoleChangeForm {
        @NotNull
        public @Nullable Role role;

        @NotNull
        public @Nullable Boolean grant;
    }

    @InitBinder("roleChange")
    void bindRoleChange(WebDataBinder binder) {
        binder.initDirectFieldAccess();
    }

    @PostMapping("/organisation/{id}/members/{userId}/roles")
    String changeRole(
            @AuthenticationPrincipal CurrentUser user,
            @PathVariable UUID id,
            @PathVariable UUID userId,
            @Valid @ModelAttribute("roleChange") RoleChangeForm form,
            BindingResult errors,
            HttpServletResponse response,
            Model model) {
        return forms.on(errors)
                .statusOnFailure(response)
                .field(IdentityErrorCode.ROLE_NOT_ALLOWED, "role")
                .run(
                        () -> {
                            if (Boolean.TRUE.equals(form.grant)) {
                                accounts.grantRole(user, id, userId, form.role);
                            } else {
                                accounts.revokeRole(user, id, userId, form.role);
                            }
                        },
                        () -> "redirect:/organisation/" + id + "/members",
                        () -> members(user, id, model));
    }
}
