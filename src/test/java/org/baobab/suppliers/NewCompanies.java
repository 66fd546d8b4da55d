// SPDX-License-Identifier: Apache-2.0
package org.baobab.suppliers;

import java.util.UUID;
import org.baobab.identity.Accounts;
import org.baobab.identity.CurrentUser;
import org.baobab.shared.BaobabException;

/** Companies registered for a test as a real one registers, each with its first user (its admin). */
final class NewCompanies {

    private NewCompanies() {}

    /** A new company of the country, and its admin. */
    static CurrentUser register(Accounts accounts, String country) {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        String email = "admin-" + tag + "@entreprise.test";
        accounts.registerSupplier(new Accounts.SupplierRegistration(
                "Entreprise " + tag, country, "Awa Ndiaye", email, "Un mot de passe bien long 2026", "fr"));
        return accounts.currentUserByEmail(email).orElseThrow();
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
