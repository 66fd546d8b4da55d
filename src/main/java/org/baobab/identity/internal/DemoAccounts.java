// SPDX-License-Identifier: Apache-2.0
package org.baobab.identity.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.baobab.identity.IdentityEvents.OrganisationRegistered;
import org.baobab.identity.IdentityEvents.RoleChanged;
import org.baobab.identity.IdentityEvents.UserRegistered;
import org.baobab.shared.OrganisationKind;
import org.baobab.shared.Role;
import org.baobab.shared.database.DemoMode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.core.annotation.Order;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The demonstration organisations and accounts (demo mode only): one account per role, all with the password {@link
 * #PASSWORD} and the TOTP secret {@link SignIn#DEMO_TOTP_SECRET}, listed on the login page and in the README. Created
 * once, with the same audited events as real accounts.
 */
@Component
@Order(10)
public class DemoAccounts implements ApplicationRunner {

    public static final String PASSWORD = "Baobab-Demo-2026";

    private static final Logger log = LoggerFactory.getLogger(DemoAccounts.class);

    /** One demo organisation. */
    record DemoOrganisation(String name, OrganisationKind kind, String country, List<DemoUser> users) {}

    /** One demo account, with its roles in its organisation. */
    public record DemoUser(String email, String fullName, List<Role> roles) {}

    static final List<DemoOrganisation> ORGANISATIONS = List.of(
            new DemoOrganisation(
                    "Autorité de régulation de la commande publique (ARCOP)",
                    OrganisationKind.REGULATOR,
                    "SN",
                    List.of(
                            new DemoUser(
                                    "admin@arcop.demo",
                                    "Awa Ndiaye",
                                    List.of(Role.PLATFORM_ADMIN, Role.ORGANISATION_ADMIN)),
                            new DemoUser("auditeur@arcop.demo", "Moussa Sarr", List.of(Role.REGULATOR_AUDITOR)),
                            new DemoUser("crd@arcop.demo", "Fatou Diop", List.of(Role.COMPLAINTS_OFFICER)))),
            new DemoOrganisation(
                    "Direction centrale des marchés publics (DCMP)",
                    OrganisationKind.CONTROL_BODY,
                    "SN",
                    List.of(new DemoUser("controleur@dcmp.demo", "Ibrahima Fall", List.of(Role.CONTROLLER)))),
            new DemoOrganisation(
                    "Ministère de la Santé et de l'Action sociale",
                    OrganisationKind.CONTRACTING_AUTHORITY,
                    "SN",
                    List.of(
                            new DemoUser("prm@sante.demo", "Aminata Ba", List.of(Role.PRM, Role.ORGANISATION_ADMIN)),
                            new DemoUser("acheteur@sante.demo", "Cheikh Diallo", List.of(Role.BUYER)),
                            new DemoUser("commission1@sante.demo", "Mariama Sow", List.of(Role.COMMITTEE_MEMBER)),
                            new DemoUser("commission2@sante.demo", "Ousmane Kane", List.of(Role.COMMITTEE_MEMBER)),
                            new DemoUser("commission3@sante.demo", "Khady Gueye", List.of(Role.COMMITTEE_MEMBER)))),
            new DemoOrganisation(
                    "Ministère des Travaux publics",
                    OrganisationKind.CONTRACTING_AUTHORITY,
                    "CM",
                    List.of(
                            new DemoUser(
                                    "acheteur@mintp.demo",
                                    "Jean-Paul Mbarga",
                                    List.of(Role.BUYER, Role.PRM, Role.ORGANISATION_ADMIN)),
                            new DemoUser("commission1@mintp.demo", "Paul Atangana", List.of(Role.COMMITTEE_MEMBER)),
                            new DemoUser(
                                    "commission2@mintp.demo", "Marie-Claire Ngono", List.of(Role.COMMITTEE_MEMBER)),
                            new DemoUser("commission3@mintp.demo", "Hamidou Bello", List.of(Role.COMMITTEE_MEMBER)))),
            new DemoOrganisation(
                    "Sahel Numérique SARL",
                    OrganisationKind.SUPPLIER,
                    "SN",
                    List.of(
                            new DemoUser(
                                    "admin@sahel-numerique.demo",
                                    "Rokhaya Mbaye",
                                    List.of(Role.SUPPLIER_ADMIN, Role.SIGNATORY)),
                            new DemoUser("offres@sahel-numerique.demo", "Pape Seck", List.of(Role.BID_PREPARER)))),
            new DemoOrganisation(
                    "Teranga Bureautique SA",
                    OrganisationKind.SUPPLIER,
                    "SN",
                    List.of(new DemoUser(
                            "admin@teranga-bureautique.demo",
                            "Ndèye Fall",
                            List.of(Role.SUPPLIER_ADMIN, Role.SIGNATORY)))),
            new DemoOrganisation(
                    "Dakar Médical Équipements SARL",
                    OrganisationKind.SUPPLIER,
                    "SN",
                    List.of(new DemoUser(
                            "admin@dakar-medical.demo",
                            "Alioune Thiam",
                            List.of(Role.SUPPLIER_ADMIN, Role.SIGNATORY)))),
            new DemoOrganisation(
                    "Bâtir Cameroun SA",
                    OrganisationKind.SUPPLIER,
                    "CM",
                    List.of(new DemoUser(
                            "admin@batir-cameroun.demo",
                            "Esther Ngo Bassong",
                            List.of(Role.SUPPLIER_ADMIN, Role.SIGNATORY)))));

    private final DemoMode demoMode;
    private final IdentityStore store;
    private final SignIn signIn;
    private final PasswordEncoder passwordEncoder;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate transactions;
    private final Clock clock;

    DemoAccounts(
            DemoMode demoMode,
            IdentityStore store,
            SignIn signIn,
            PasswordEncoder passwordEncoder,
            ApplicationEventPublisher events,
            TransactionTemplate transactions,
            Clock clock) {
        this.demoMode = demoMode;
        this.store = store;
        this.signIn = signIn;
        this.passwordEncoder = passwordEncoder;
        this.events = events;
        this.transactions = transactions;
        this.clock = clock;
    }

    /** The accounts to show on the login page: in demo mode only. */
    public List<DemoUser> listed() {
        return demoMode.enabled()
                ? ORGANISATIONS.stream().flatMap(o -> o.users().stream()).toList()
                : List.of();
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!demoMode.enabled()) {
            return;
        }
        transactions.executeWithoutResult(status -> {
            if (store.userByEmail(ORGANISATIONS.get(0).users().get(0).email()).isPresent()) {
                return;
            }
            String hash = passwordEncoder.encode(PASSWORD);
            Instant now = clock.instant();
            for (DemoOrganisation organisation : ORGANISATIONS) {
                UUID organisationId = UUID.randomUUID();
                store.insertOrganisation(
                        organisationId, organisation.kind(), organisation.name(), organisation.country(), now);
                events.publishEvent(new OrganisationRegistered(
                        "system", organisationId, organisation.name(), organisation.kind(), organisation.country()));
                for (DemoUser user : organisation.users()) {
                    UUID userId = UUID.randomUUID();
                    store.insertUser(userId, user.email(), user.fullName(), hash, true, "fr", now);
                    signIn.enrolDemoSecret(userId);
                    events.publishEvent(new UserRegistered("system", userId, user.email(), organisationId));
                    for (Role role : user.roles()) {
                        store.grant(userId, organisationId, role, "system", now);
                        events.publishEvent(
                                new RoleChanged("system", organisationId, userId, user.email(), role, true));
                    }
                }
            }
            log.info("Demo organisations and accounts created (password and TOTP secret in the README)");
        });
    }
}
