// SPDX-License-Identifier: Apache-2.0
package org.baobab.suppliers;

import java.util.UUID;
import org.baobab.identity.Accounts;
import org.baobab.identity.CurrentUser;
import org.baobab.shared.BaobabException;

/** Companies registered for a test as a real one registers, each with its first user (its admin). */
public final class NewCompanies {

    private NewCompanies() {}

    /** A new company of the country, and its admin. */
    public static CurrentUser register(Accounts accounts, String country) {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        String email = "admin-" + tag + "@entreprise.test";
        accounts.registerSupplier(new Accounts.SupplierRegistration(
                "Entreprise " + tag, country, "Awa Ndiaye", email, "Un mot de passe bien long 2026", "fr"));
        return accounts.currentUserByEmail(email).orElseThrow();
    }

    /** A NINEA of the usual shape, random enough not to be another test's. */
    static String ninea() {
        return String.format("%07d 2G3", (int) (Math.random() * 9_000_000) + 1_000_000);
    }

    /** A Dakar RCCM number of the usual shape. */
    static String rccm() {
        return "SN-DKR-2020-B-" + (int) (Math.random() * 90_000 + 10_000);
    }

    /** Saves a Senegalese company's profile as its admin would (valid NINEA and RCCM); returns the NINEA. */
    public static String profile(SupplierProfiles profiles, CurrentUser admin, String name, boolean listed) {
        String ninea = ninea();
        profiles.save(
                admin,
                company(admin),
                new SupplierProfile.Draft(
                        name,
                        "SARL",
                        "",
                        "Dakar",
                        "",
                        "",
                        "",
                        true,
                        false,
                        false,
                        listed,
                        "",
                        "",
                        java.util.Map.of("NINEA", ninea, "RCCM", rccm())));
        return ninea;
    }

    /** The company an admin registered. */
    static UUID company(CurrentUser admin) {
        return admin.primaryMembership().orElseThrow().organisationId();
    }

    /** The suppliers error a call failed with. */
    static SuppliersErrorCode code(Throwable e) {
        return (SuppliersErrorCode) ((BaobabException) e).errorCode();
    }
}
