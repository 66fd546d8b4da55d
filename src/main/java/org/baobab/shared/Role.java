// SPDX-License-Identifier: Apache-2.0
package org.baobab.shared;

import java.util.EnumSet;
import java.util.Set;

/**
 * What a member may do in its organisation. A user holds roles through memberships; each role becomes the Spring
 * Security authority {@link #authority()}.
 *
 * <p>Every role here can touch a procedure (publish, bid, open, review, audit), so every role requires a second factor
 * (TOTP) at sign-in: see {@link #requiresSecondFactor()}.
 */
public enum Role {
    /** Administers its organisation: invites members, changes their roles. */
    ORGANISATION_ADMIN(EnumSet.of(
            OrganisationKind.CONTRACTING_AUTHORITY, OrganisationKind.CONTROL_BODY, OrganisationKind.REGULATOR)),
    /** Buyer staff of a contracting authority: drafts plans and notices. */
    BUYER(EnumSet.of(OrganisationKind.CONTRACTING_AUTHORITY)),
    /** Personne responsable des marchés: signs off the authority's procurement acts. */
    PRM(EnumSet.of(OrganisationKind.CONTRACTING_AUTHORITY)),
    /** Member of an opening / evaluation committee. */
    COMMITTEE_MEMBER(EnumSet.of(OrganisationKind.CONTRACTING_AUTHORITY)),
    /** Administers a supplier company's account and members. */
    SUPPLIER_ADMIN(EnumSet.of(OrganisationKind.SUPPLIER)),
    /** Prepares bids for a supplier. */
    BID_PREPARER(EnumSet.of(OrganisationKind.SUPPLIER)),
    /** Signs and submits bids in the supplier's name. */
    SIGNATORY(EnumSet.of(OrganisationKind.SUPPLIER)),
    /** Reviewer of a control body: prior review of notices and awards. */
    CONTROLLER(EnumSet.of(OrganisationKind.CONTROL_BODY)),
    /** Auditor of the regulator: reads the audit journal and verifies its chain. */
    REGULATOR_AUDITOR(EnumSet.of(OrganisationKind.REGULATOR)),
    /** Complaints desk of the regulator (CRD). */
    COMPLAINTS_OFFICER(EnumSet.of(OrganisationKind.REGULATOR)),
    /** Operates the platform: creates public organisations, declares incidents. Held in the regulator. */
    PLATFORM_ADMIN(EnumSet.of(OrganisationKind.REGULATOR));

    private final Set<OrganisationKind> kinds;

    Role(Set<OrganisationKind> kinds) {
        this.kinds = kinds;
    }

    /** The Spring Security authority of this role, {@code ROLE_<NAME>}. */
    public String authority() {
        return "ROLE_" + name();
    }

    /** Whether an organisation of that kind may give this role to a member. */
    public boolean allowedIn(OrganisationKind kind) {
        return kinds.contains(kind);
    }

    /** Whether signing in with this role needs a second factor. True for every role that can touch a procedure. */
    public boolean requiresSecondFactor() {
        return true;
    }

    /** The roles an organisation of that kind may give. */
    public static Set<Role> allowedFor(OrganisationKind kind) {
        EnumSet<Role> roles = EnumSet.noneOf(Role.class);
        for (Role role : values()) {
            if (role.allowedIn(kind)) {
                roles.add(role);
            }
        }
        return roles;
    }
}
