// SPDX-License-Identifier: Apache-2.0
package org.baobab.identity;

import java.io.Serializable;
import java.security.Principal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.baobab.shared.OrganisationKind;
import org.baobab.shared.Role;

/**
 * The signed-in person as other modules see them: who, in which organisations, with which roles. It is the principal
 * of the security context (kept in the session), so it carries no secret.
 */
public record CurrentUser(UUID id, String email, String fullName, String language, List<Membership> memberships)
        implements Serializable, Principal {

    public CurrentUser {
        memberships = List.copyOf(memberships);
    }

    /** One role held in one organisation. */
    public record Membership(
            UUID organisationId, String organisationName, OrganisationKind kind, String country, Role role)
            implements Serializable {}

    /** The name Spring Session indexes sessions by (so an admin can end all sessions of a user): the e-mail. */
    @Override
    public String getName() {
        return email;
    }

    /** The control body of this country in which the user is a controller, if any: whom a prior review speaks for. */
    public Optional<UUID> controlBodyFor(String country) {
        return memberships.stream()
                .filter(m -> m.role() == Role.CONTROLLER
                        && m.kind() == OrganisationKind.CONTROL_BODY
                        && m.country().equals(country))
                .map(Membership::organisationId)
                .findFirst();
    }

    public boolean hasRole(Role role) {
        return memberships.stream().anyMatch(m -> m.role() == role);
    }

    public boolean hasRoleIn(UUID organisationId, Role role) {
        return memberships.stream().anyMatch(m -> m.organisationId().equals(organisationId) && m.role() == role);
    }

    /**
     * The organisations of the given kind in which the user holds one of the roles, once each (the membership with the
     * earliest-listed role wins, so {@code (PRM, BUYER)} prefers the PRM membership), in the order of the memberships.
     */
    public List<Membership> organisationsWith(OrganisationKind kind, Role... roles) {
        List<Role> wanted = List.of(roles);
        Map<UUID, Membership> chosen = new LinkedHashMap<>();
        for (Membership m : memberships) {
            if (m.kind() != kind || !wanted.contains(m.role())) {
                continue;
            }
            chosen.merge(m.organisationId(), m, (a, b) -> wanted.indexOf(a.role()) <= wanted.indexOf(b.role()) ? a : b);
        }
        return List.copyOf(chosen.values());
    }

    /** Whether any of the user's roles makes the second factor mandatory. */
    public boolean requiresSecondFactor() {
        return memberships.stream().anyMatch(m -> m.role().requiresSecondFactor());
    }

    /** The first organisation the user belongs to, the one the pages act for by default. */
    public Optional<Membership> primaryMembership() {
        return memberships.stream().findFirst();
    }

    /** The organisation name the audit journal records for this user's actions. */
    public String organisationLabel() {
        return primaryMembership()
                .map(Membership::organisationId)
                .map(UUID::toString)
                .orElse("");
    }
}
