// SPDX-License-Identifier: Apache-2.0
package org.baobab.planning.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.baobab.identity.Accounts;
import org.baobab.identity.CurrentUser;
import org.baobab.planning.PlanLine;
import org.baobab.planning.PlanView;
import org.baobab.planning.Plans;
import org.baobab.rules.Nature;
import org.baobab.shared.BaobabException;
import org.baobab.shared.database.DemoMode;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The demonstration plans (demo mode only), made once through the same commands as real users, before the demo
 * notices (which launch from their lines): the Senegalese health ministry's 2026 plan, published then revised with a
 * reason, and the Cameroonian public works ministry's, published once. Amounts and dates are plausible, not real.
 */
@Component
@Order(20)
class DemoPlans implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoPlans.class);

    private static final int YEAR = 2026;

    private final DemoMode demoMode;
    private final Plans plans;
    private final Accounts accounts;
    private final TransactionTemplate transactions;

    DemoPlans(DemoMode demoMode, Plans plans, Accounts accounts, TransactionTemplate transactions) {
        this.demoMode = demoMode;
        this.plans = plans;
        this.accounts = accounts;
        this.transactions = transactions;
    }

    private static PlanLine.Draft line(
            String reference,
            String title,
            Nature nature,
            String procedure,
            String amount,
            String currency,
            String funding,
            int launchMonth) {
        LocalDate launch = LocalDate.of(YEAR, launchMonth, 1);
        return new PlanLine.Draft(
                reference,
                title,
                "",
                nature,
                procedure,
                new BigDecimal(amount),
                currency,
                funding,
                launch,
                launch.plusWeeks(6),
                launch.plusWeeks(12),
                launch.plusWeeks(16));
    }

    static final List<PlanLine.Draft> HEALTH = List.of(
            line(
                    "MSAS-2026-AOO-003",
                    "Fourniture de véhicules de supervision",
                    Nature.GOODS,
                    "AOO",
                    "540000000",
                    "XOF",
                    "Budget national",
                    2),
            line(
                    "MSAS-2026-AOO-006",
                    "Réhabilitation des logements du personnel de santé",
                    Nature.WORKS,
                    "AOO",
                    "310000000",
                    "XOF",
                    "Budget national",
                    3),
            line(
                    "MSAS-2026-AOO-009",
                    "Travaux de construction du centre de santé de Saraya (Kédougou)",
                    Nature.WORKS,
                    "AOO",
                    "1250000000",
                    "XOF",
                    "Banque islamique de développement",
                    5),
            line(
                    "MSAS-2026-AOO-011",
                    "Fourniture de médicaments essentiels et de consommables",
                    Nature.GOODS,
                    "AOO",
                    "860000000",
                    "XOF",
                    "Budget national",
                    6),
            line(
                    "MSAS-2026-AOO-014",
                    "Acquisition d'équipements informatiques pour les districts sanitaires",
                    Nature.GOODS,
                    "AOO",
                    "420000000",
                    "XOF",
                    "Fonds mondial",
                    9),
            line(
                    "MSAS-2026-DRP-021",
                    "Services de nettoyage et d'hygiène des hôpitaux régionaux",
                    Nature.SERVICES,
                    "DRP_OUVERTE",
                    "48000000",
                    "XOF",
                    "Budget national",
                    9),
            line(
                    "MSAS-2026-PI-004",
                    "Étude de faisabilité d'un système d'information hospitalier",
                    Nature.CONSULTING,
                    "PI_AMI",
                    "95000000",
                    "XOF",
                    "Banque mondiale",
                    10),
            line(
                    "MSAS-2026-AOO-040",
                    "Acquisition de réactifs de laboratoire",
                    Nature.GOODS,
                    "AOO",
                    "230000000",
                    "XOF",
                    "Fonds mondial",
                    11),
            line(
                    "MSAS-2026-DRP-030",
                    "Maintenance des groupes électrogènes des hôpitaux",
                    Nature.SERVICES,
                    "DRP_RESTREINTE",
                    "42000000",
                    "XOF",
                    "Budget national",
                    12));

    /** Added by the revision. */
    static final PlanLine.Draft HEALTH_REVISION = line(
            "MSAS-2026-AOO-045",
            "Acquisition de moustiquaires imprégnées pour la campagne de distribution",
            Nature.GOODS,
            "AOO",
            "650000000",
            "XOF",
            "Fonds mondial",
            12);

    static final List<PlanLine.Draft> PUBLIC_WORKS = List.of(
            line(
                    "MINTP-2026-AOO-097",
                    "Construction d'un pont sur le Nyong à Mbalmayo",
                    Nature.WORKS,
                    "AOO",
                    "900000000",
                    "XAF",
                    "Fonds routier",
                    3),
            line(
                    "MINTP-2026-AOO-112",
                    "Travaux d'entretien routier de la route Yaoundé–Bafoussam",
                    Nature.WORKS,
                    "AOO",
                    "3200000000",
                    "XAF",
                    "Budget d'investissement public",
                    8),
            line(
                    "MINTP-2026-AOO-118",
                    "Fourniture de panneaux de signalisation routière pour le Nord-Ouest",
                    Nature.GOODS,
                    "AOO",
                    "240000000",
                    "XAF",
                    "Budget d'investissement public",
                    9),
            line(
                    "MINTP-2026-PI-120",
                    "Contrôle et surveillance des travaux routiers de la région de l'Est",
                    Nature.CONSULTING,
                    "PI_AMI",
                    "180000000",
                    "XAF",
                    "Fonds routier",
                    11));

    @Override
    public void run(ApplicationArguments args) {
        if (!demoMode.enabled()) {
            return;
        }
        try {
            transactions.executeWithoutResult(status -> {
                @Nullable CurrentUser health = user("acheteur@sante.demo");
                @Nullable CurrentUser healthPrm = user("prm@sante.demo");
                @Nullable CurrentUser works = user("acheteur@mintp.demo");
                if (health == null || healthPrm == null || works == null || exists(health)) {
                    return;
                }
                UUID plan = publish(health, healthPrm, HEALTH);
                UUID revision = plans.revise(
                        healthPrm,
                        plan,
                        "Inscription de la campagne de distribution de moustiquaires financée par le Fonds mondial"
                                + " et réévaluation du coût des médicaments essentiels.");
                PlanView draft = plans.forStaff(healthPrm, revision);
                for (PlanLine l : draft.lines()) {
                    if (l.reference().equals("MSAS-2026-AOO-011")) {
                        PlanLine.Draft d = l.draft();
                        plans.saveLine(
                                healthPrm,
                                revision,
                                l.id(),
                                new PlanLine.Draft(
                                        d.reference(),
                                        d.title(),
                                        d.description(),
                                        d.nature(),
                                        d.procedureCode(),
                                        new BigDecimal("920000000"),
                                        d.currency(),
                                        d.fundingSource(),
                                        d.launchDate(),
                                        d.openingDate(),
                                        d.awardDate(),
                                        d.signatureDate()));
                    }
                }
                plans.saveLine(healthPrm, revision, null, HEALTH_REVISION);
                plans.validate(healthPrm, revision);
                plans.publish(healthPrm, revision);
                publish(works, works, PUBLIC_WORKS);
                log.info("Demo plans created");
            });
        } catch (BaobabException e) {
            // e.g. a data folder from an older version whose demo accounts lack a role
            log.warn("Demo plans not created: {}", e.getMessage());
        }
    }

    private UUID publish(CurrentUser buyer, CurrentUser prm, List<PlanLine.Draft> lines) {
        UUID authority = buyer.primaryMembership().orElseThrow().organisationId();
        UUID plan = plans.create(buyer, authority, YEAR);
        for (PlanLine.Draft line : lines) {
            plans.saveLine(buyer, plan, null, line);
        }
        plans.validate(prm, plan);
        plans.publish(prm, plan);
        return plan;
    }

    private boolean exists(CurrentUser buyer) {
        UUID authority = buyer.primaryMembership().orElseThrow().organisationId();
        return !plans.plansOf(buyer, authority).isEmpty();
    }

    private @Nullable CurrentUser user(String email) {
        return accounts.currentUserByEmail(email).orElse(null);
    }
}
