// SPDX-License-Identifier: Apache-2.0
package org.baobab.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.UUID;
import org.baobab.ModuleTest;
import org.baobab.identity.IdentityEvents.MemberInvited;
import org.baobab.identity.IdentityEvents.RoleChanged;
import org.baobab.identity.internal.IdentityStore.MemberRow;
import org.baobab.shared.BaobabException;
import org.baobab.shared.OrganisationKind;
import org.baobab.shared.Role;
import org.junit.jupiter.api.Test;
import org.springframework.modulith.test.PublishedEvents;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * An organisation's members, with the identity module on its own: the test makes its organisation, reads the
 * invitation links from the events the module publishes (no mail is sent: notifications do not run here), and checks
 * what an admin may and may not do.
 */
@ModuleTest
class MembershipModuleTests {

    private static final String PASSWORD = "Correct-Horse-Battery-9";

    private final Accounts accounts;

    MembershipModuleTests(Accounts accounts) {
        this.accounts = accounts;
    }

    @Test
    void anInvitedAdminJoinsInvitesAColleagueAndCannotLeaveTheOrganisationWithoutAnAdmin(PublishedEvents events) {
        String unique = UUID.randomUUID().toString().substring(0, 8);
        CurrentUser platformAdmin = new CurrentUser(
                UUID.randomUUID(),
                "admin-" + unique + "@regulateur.test",
                "Admin",
                "fr",
                List.of(new CurrentUser.Membership(
                        UUID.randomUUID(), "Régulateur", OrganisationKind.REGULATOR, "SN", Role.PLATFORM_ADMIN)));

        String adminEmail = "prm-" + unique + "@ministere.test";
        UUID organisation = accounts.createOrganisation(
                platformAdmin,
                OrganisationKind.CONTRACTING_AUTHORITY,
                "Ministère " + unique,
                "SN",
                adminEmail,
                "Awa Diop",
                "fr");
        UUID admin = accounts.acceptInvitation(invitationTo(events, adminEmail), "Awa Diop", PASSWORD, "fr");
        CurrentUser awa = accounts.currentUserByEmail(adminEmail).orElseThrow();
        assertThat(awa.hasRoleIn(organisation, Role.ORGANISATION_ADMIN)).isTrue();

        String buyerEmail = "acheteur-" + unique + "@ministere.test";
        accounts.invite(awa, organisation, buyerEmail, "Moussa Ba", Role.BUYER, "fr");
        assertThatThrownBy(() -> accounts.acceptInvitation("not-a-token", "Moussa Ba", PASSWORD, "fr"))
                .isInstanceOfSatisfying(
                        BaobabException.class,
                        e -> assertThat(e.errorCode()).isEqualTo(IdentityErrorCode.TOKEN_INVALID));
        String buyerToken = invitationTo(events, buyerEmail);
        UUID buyer = accounts.acceptInvitation(buyerToken, "Moussa Ba", PASSWORD, "fr");
        assertThatThrownBy(() -> accounts.acceptInvitation(buyerToken, "Moussa Ba", PASSWORD, "fr"))
                .as("an invitation is used once")
                .isInstanceOf(BaobabException.class);

        accounts.grantRole(awa, organisation, buyer, Role.PRM);
        assertThat(accounts.members(awa, organisation))
                .extracting(MemberRow::email, MemberRow::role)
                .containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple(adminEmail, Role.ORGANISATION_ADMIN),
                        org.assertj.core.groups.Tuple.tuple(buyerEmail, Role.BUYER),
                        org.assertj.core.groups.Tuple.tuple(buyerEmail, Role.PRM));
        assertThat(events.ofType(RoleChanged.class)
                        .matching(e -> e.organisationId().equals(organisation) && e.granted()))
                .hasSize(3);

        assertThatThrownBy(() -> accounts.grantRole(awa, organisation, buyer, Role.SUPPLIER_ADMIN))
                .as("a supplier's role in a ministry")
                .isInstanceOfSatisfying(
                        BaobabException.class,
                        e -> assertThat(e.errorCode()).isEqualTo(IdentityErrorCode.ROLE_NOT_ALLOWED));
        CurrentUser moussa = accounts.currentUserByEmail(buyerEmail).orElseThrow();
        assertThatThrownBy(() -> accounts.invite(moussa, organisation, "x-" + unique + "@test", "X", Role.BUYER, "fr"))
                .isInstanceOfSatisfying(
                        BaobabException.class,
                        e -> assertThat(e.errorCode()).isEqualTo(IdentityErrorCode.NOT_ORGANISATION_ADMIN));
        assertThatThrownBy(() -> accounts.revokeRole(awa, organisation, admin, Role.ORGANISATION_ADMIN))
                .isInstanceOfSatisfying(
                        BaobabException.class, e -> assertThat(e.errorCode()).isEqualTo(IdentityErrorCode.LAST_ADMIN));
        assertThat(accounts.currentUserByEmail(adminEmail)
                        .orElseThrow()
                        .hasRoleIn(organisation, Role.ORGANISATION_ADMIN))
                .isTrue();
    }

    private static String invitationTo(PublishedEvents events, String email) {
        MemberInvited invited = events.ofType(MemberInvited.class)
                .matching(e -> e.recipient().equals(email))
                .iterator()
                .next();
        return UriComponentsBuilder.fromUriString(invited.link())
                .build()
                .getQueryParams()
                .getFirst("token");
    }
}
