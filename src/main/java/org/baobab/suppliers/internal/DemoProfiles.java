// SPDX-License-Identifier: Apache-2.0
package org.baobab.suppliers.internal;

import java.util.Map;
import org.baobab.identity.Accounts;
import org.baobab.identity.CurrentUser;
import org.baobab.shared.BaobabException;
import org.baobab.shared.database.DemoMode;
import org.baobab.suppliers.SupplierCategories;
import org.baobab.suppliers.SupplierProfile;
import org.baobab.suppliers.SupplierProfiles;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The demo supplier's profile (demo mode only), saved once by its admin through the same command as a real one, and
 * listed in the directory, selling computer equipment and IT services. The identifiers are invented but have the expected shape.
 */
@Component
@Order(41)
class DemoProfiles implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoProfiles.class);

    private final DemoMode demoMode;
    private final SupplierProfiles profiles;
    private final SupplierCategories categories;
    private final Accounts accounts;

    DemoProfiles(DemoMode demoMode, SupplierProfiles profiles, SupplierCategories categories, Accounts accounts) {
        this.demoMode = demoMode;
        this.profiles = profiles;
        this.categories = categories;
        this.accounts = accounts;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!demoMode.enabled()) {
            return;
        }
        CurrentUser admin =
                accounts.currentUserByEmail("admin@sahel-numerique.demo").orElse(null);
        if (admin == null || admin.primaryMembership().isEmpty()) {
            return;
        }
        var company = admin.primaryMembership().get().organisationId();
        if (profiles.profile(company).isPresent()) {
            return;
        }
        try {
            profiles.save(
                    admin,
                    company,
                    new SupplierProfile.Draft(
                            "Sahel Numérique SARL",
                            "SARL",
                            "Sacré-Cœur 3, villa 9120",
                            "Dakar",
                            "+221 33 800 00 00",
                            "contact@sahel-numerique.demo",
                            "https://sahel-numerique.demo",
                            true,
                            true,
                            true,
                            true,
                            "Banque de démonstration",
                            "SN012 01001 012345678901 23",
                            Map.of("NINEA", "0054321 2G3", "RCCM", "SN-DKR-2019-B-23456")));
            // computer equipment and IT services: the demo notices for laptops and for a hospital information
            // system show on its dashboard
            categories.add(admin, company, "30200000");
            categories.add(admin, company, "72000000");
            log.info("Demo supplier profile saved");
        } catch (BaobabException e) {
            log.warn("Demo supplier profile not saved: {}", e.getMessage());
        }
    }
}
