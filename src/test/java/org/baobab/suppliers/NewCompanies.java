// SPDX-License-Identifier: Apache-2.0
package org.baobab.suppliers;

import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.baobab.identity.Accounts;
import org.baobab.identity.CurrentUser;
import org.baobab.shared.BaobabException;

/** Companies registered for a test as a real one registers, each with its first user (its admin). */
public final class NewCompanies {

    private NewCompanies() {}

    /** A new company of the country, and its admin. */
    public static CurrentUser register(Accounts accounts, String country) {
        String tag = serial() + "-" + UUID.randomUUID().toString().substring(0, 8);
        String email = "admin-" + tag + "@entreprise.test";
        accounts.registerSupplier(new Accounts.SupplierRegistration(
                "Entreprise " + tag, country, "Awa Ndiaye", email, "Un mot de passe bien long 2026", "fr"));
        return accounts.currentUserByEmail(email).orElseThrow();
    }

    /**
     * The serial numbers of this test run's identifiers: one counter for the whole JVM (whose embedded database is new),
     * so that no two identifiers drawn by tests are the same, by construction rather than by luck.
     */
    private static final AtomicInteger SERIAL = new AtomicInteger();

    /** A number never returned before in this test run (1, 2, 3…). */
    static int serial() {
        return SERIAL.incrementAndGet();
    }

    /** A NINEA of the usual shape (7 digits and the COFI code), never another test's. */
    static String ninea() {
        return String.format("%07d 2G3", 1_000_000 + serial());
    }

    /** A Dakar RCCM number of the usual shape, never another test's. */
    static String rccm() {
        return "SN-DKR-2020-B-" + (10_000 + serial());
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
