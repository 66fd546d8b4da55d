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
 * The demo suppliers' profiles (demo mode only), each saved once by its admin through the same command as a real one,
 * and listed in the directory, with what each sells and the papers the Senegalese notices ask for. The identifiers are
 * invented but have the expected shape.
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

    /** A demo company: its admin's e-mail, its profile and what it sells. */
    private record Company(String admin, SupplierProfile.Draft profile, List<String> categories) {}

    private static Company company(
            String admin,
            String name,
            String form,
            String address,
            String domain,
            String ninea,
            String rccm,
            List<String> categories) {
        return new Company(
                admin,
                new SupplierProfile.Draft(
                        name,
                        form,
                        address,
                        "Dakar",
                        "+221 33 800 00 00",
                        "contact@" + domain,
                        "https://" + domain,
                        true,
                        false,
                        false,
                        true,
                        "Banque de démonstration",
                        "SN012 01001 0123456789" + ninea.substring(0, 2) + " 23",
                        Map.of("NINEA", ninea, "RCCM", rccm)),
                categories);
    }

    // computer equipment and IT services for the first (the demo notices for laptops and for a hospital information
    // system show on its dashboard), office equipment and medical equipment for the two others, who compete with it
    // in the demo history
    private static final List<Company> COMPANIES = List.of(
            new Company(
                    "admin@sahel-numerique.demo",
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
                            Map.of("NINEA", "0054321 2G3", "RCCM", "SN-DKR-2019-B-23456")),
                    List.of("30200000", "72000000")),
            company(
                    "admin@teranga-bureautique.demo",
                    "Teranga Bureautique SA",
                    "SA",
                    "Route de Rufisque, km 4",
                    "teranga-bureautique.demo",
                    "0067890 2G3",
                    "SN-DKR-2012-B-11873",
                    List.of("30200000", "30100000")),
            company(
                    "admin@dakar-medical.demo",
                    "Dakar Médical Équipements SARL",
                    "SARL",
                    "Avenue Cheikh Anta Diop, immeuble 12",
                    "dakar-medical.demo",
                    "0071234 2G3",
                    "SN-DKR-2016-B-30412",
                    List.of("33100000", "30200000")));

    @Override
    public void run(ApplicationArguments args) {
        if (!demoMode.enabled()) {
            return;
        }
        int saved = 0;
        for (Company c : COMPANIES) {
            CurrentUser admin = accounts.currentUserByEmail(c.admin()).orElse(null);
            if (admin == null || admin.primaryMembership().isEmpty()) {
                continue;
            }
            var company = admin.primaryMembership().get().organisationId();
            if (profiles.profile(company).isPresent()) {
                continue;
            }
            try {
                profiles.save(admin, company, c.profile());
                for (String code : c.categories()) {
                    categories.add(admin, company, code);
                }
                // the papers the Senegalese demo notices ask for, so that the demo companies can bid (demo texts,
                // not scans; the attestations valid six months)
                LocalDate today = documents.today("SN");
                for (String code : List.of("NINEA", "RCCM", "ATTESTATION_FISCALE", "ATTESTATION_SOCIALE")) {
                    byte[] text = ("Document de démonstration : " + code + " de "
                                    + c.profile().legalName() + ".\n")
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
                saved++;
            } catch (BaobabException e) {
                log.warn("Demo supplier profile of {} not saved: {}", c.admin(), e.getMessage());
            }
        }
        if (saved > 0) {
            log.info("Demo supplier profiles saved: {}", saved);
        }
    }
}
