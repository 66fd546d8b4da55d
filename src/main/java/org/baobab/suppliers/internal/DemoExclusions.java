// SPDX-License-Identifier: Apache-2.0
package org.baobab.suppliers.internal;

import java.time.LocalDate;
import java.util.UUID;
import org.baobab.identity.Accounts;
import org.baobab.identity.CurrentUser;
import org.baobab.rules.Nature;
import org.baobab.shared.BaobabException;
import org.baobab.shared.database.DemoMode;
import org.baobab.suppliers.Exclusion;
import org.baobab.suppliers.Exclusions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Demonstration exclusions (demo mode only), recorded once by the demo ARCOP complaints officer through the same
 * command as a real one: one in force, one ended, one lifted. The companies are invented and not registered, so the
 * demo suppliers can still bid.
 */
@Component
@Order(40)
class DemoExclusions implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoExclusions.class);

    private final DemoMode demoMode;
    private final Exclusions exclusions;
    private final Accounts accounts;
    private final TransactionTemplate transactions;

    DemoExclusions(DemoMode demoMode, Exclusions exclusions, Accounts accounts, TransactionTemplate transactions) {
        this.demoMode = demoMode;
        this.exclusions = exclusions;
        this.accounts = accounts;
        this.transactions = transactions;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!demoMode.enabled()) {
            return;
        }
        CurrentUser officer = accounts.currentUserByEmail("crd@arcop.demo").orElse(null);
        if (officer == null || !exclusions.list("SN").isEmpty()) {
            return;
        }
        UUID arcop = officer.primaryMembership().orElseThrow().organisationId();
        LocalDate today = exclusions.today("SN");
        try {
            transactions.executeWithoutResult(status -> {
                exclusions.record(
                        officer,
                        arcop,
                        new Exclusion.Draft(
                                null,
                                "Bâtir Plus Sénégal SARL (démonstration)",
                                "NINEA 0099999 2G3 · RCCM SN-DKR-2017-B-99999",
                                null,
                                today.minusMonths(3),
                                today.plusMonths(21),
                                "Décision du CRD de l'ARCOP n° 2026-045 (démonstration)",
                                "Production de fausses attestations de bonne exécution dans une offre."));
                exclusions.record(
                        officer,
                        arcop,
                        new Exclusion.Draft(
                                null,
                                "Fournitures Médicales du Littoral SA (démonstration)",
                                "NINEA 0088888 1A2",
                                Nature.GOODS,
                                today.minusYears(2),
                                today.minusMonths(6),
                                "Décision du CRD de l'ARCOP n° 2024-012 (démonstration)",
                                "Défaut grave d'exécution : livraisons non conformes répétées."));
                UUID lifted = exclusions.record(
                        officer,
                        arcop,
                        new Exclusion.Draft(
                                null,
                                "Études et Conseils du Fleuve SUARL (démonstration)",
                                "",
                                Nature.CONSULTING,
                                today.minusMonths(2),
                                null,
                                "Décision du CRD de l'ARCOP n° 2026-061 (démonstration)",
                                "Conflit d'intérêts non déclaré."));
                exclusions.lift(
                        officer,
                        lifted,
                        "Décision annulée sur recours : le conflit d'intérêts n'est pas établi (démonstration).");
            });
            log.info("Demo exclusions recorded");
        } catch (BaobabException e) {
            log.warn("Demo exclusions not recorded: {}", e.getMessage());
        }
    }
}
