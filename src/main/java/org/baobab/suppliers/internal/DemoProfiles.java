// SPDX-License-Identifier: Apache-2.0
package org.baobab.suppliers.internal;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.baobab.identity.Accounts;
import org.baobab.identity.CurrentUser;
import org.baobab.shared.BaobabException;
import org.baobab.shared.database.DemoMode;
import org.baobab.suppliers.SupplierCategories;
import org.baobab.suppliers.SupplierDocuments;
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
 * listed in the directory, selling computer equipment and IT services, with the papers the Senegalese notices ask for. The identifiers are invented but have the expected shape.
 */
@Component
@Order(41)
class DemoProfiles implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoProfiles.class);

    private final DemoMode demoMode;
    private final SupplierProfiles profiles;
    private final SupplierCategories categories;
    private final Accounts accounts;
    private final SupplierDocuments documents;

    DemoProfiles(
            DemoMode demoMode,
            SupplierProfiles profiles,
            SupplierCategories categories,
            Accounts accounts,
            SupplierDocuments documents) {
        this.documents = documents;
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
            // the papers the Senegalese demo notices ask for, so that the demo company can bid (demo texts, not
            // scans; the attestations valid six months)
            LocalDate today = documents.today("SN");
            for (String code : List.of("NINEA", "RCCM", "ATTESTATION_FISCALE", "ATTESTATION_SOCIALE")) {
                byte[] text = ("Document de démonstration : " + code + " de Sahel Numérique SARL.\n")
                        .getBytes(StandardCharsets.UTF_8);
                boolean attestation = code.startsWith("ATTESTATION");
                documents.upload(
                        admin,
                        company,
                        code,
                        new ByteArrayInputStream(text),
                        code.toLowerCase(java.util.Locale.ROOT) + ".txt",
                        "text/plain",
                        today.minusDays(30),
                        attestation ? today.plusMonths(6) : null);
            }
            log.info("Demo supplier profile saved");
        } catch (BaobabException e) {
            log.warn("Demo supplier profile not saved: {}", e.getMessage());
        }
    }
}
