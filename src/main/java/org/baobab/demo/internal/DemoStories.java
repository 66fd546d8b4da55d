// SPDX-License-Identifier: Apache-2.0
package org.baobab.demo.internal;

import java.math.BigDecimal;
import java.util.List;
import org.baobab.rules.Nature;

/** The demo history's cast (the demo accounts who act in it) and its five stories, one per stage after the bids. */
final class DemoStories {

    /** The passphrase of the public demo key files: the demo accounts' password. */
    static final String PASSPHRASE = "Baobab-Demo-2026";

    static final String BUYER = "acheteur@sante.demo";
    static final String PRM = "prm@sante.demo";
    static final List<String> MEMBERS =
            List.of("commission1@sante.demo", "commission2@sante.demo", "commission3@sante.demo");
    static final String SAHEL = "offres@sahel-numerique.demo";
    static final String TERANGA = "admin@teranga-bureautique.demo";
    static final String DAKAR_MEDICAL = "admin@dakar-medical.demo";
    static final String CRD = "crd@arcop.demo";

    /** The stage a demo process is left at. */
    enum Stage {
        OPENED,
        UNDER_EVALUATION,
        STANDSTILL,
        SUSPENDED,
        FINAL
    }

    /** A demo process: its notice, its bids (bidder, amount, rebate) and the stage it is left at. */
    record Story(
            String reference,
            String title,
            String description,
            Nature nature,
            String cpv,
            BigDecimal value,
            int deadlineDaysAgo,
            Stage stage,
            List<String[]> bids) {}

    static final List<Story> STORIES = List.of(
            new Story(
                    "MSAS-2026-AOO-101",
                    "Fourniture de réactifs et de consommables de laboratoire pour les hôpitaux régionaux",
                    "Réactifs d'hématologie et de biochimie, consommables de prélèvement, livrés aux laboratoires de"
                            + " six hôpitaux régionaux sur douze mois.",
                    Nature.GOODS,
                    "33696500",
                    new BigDecimal("95000000"),
                    2,
                    Stage.OPENED,
                    List.of(
                            new String[] {DAKAR_MEDICAL, "88400000", null},
                            new String[] {SAHEL, "91250000", "1,5 %"},
                            new String[] {TERANGA, "93800000", null})),
            new Story(
                    "MSAS-2026-AOO-102",
                    "Acquisition de mobilier de bureau pour les districts sanitaires",
                    "Bureaux, sièges, armoires et tables de réunion pour quatorze districts sanitaires.",
                    Nature.GOODS,
                    "39130000",
                    new BigDecimal("60000000"),
                    6,
                    Stage.UNDER_EVALUATION,
                    List.of(
                            new String[] {TERANGA, "54900000", null},
                            new String[] {SAHEL, "57300000", null},
                            new String[] {DAKAR_MEDICAL, "59800000", "2 %"})),
            new Story(
                    "MSAS-2026-AOO-103",
                    "Acquisition d'imprimantes et de photocopieurs pour l'administration centrale",
                    "Imprimantes réseau, photocopieurs multifonctions et trois ans de maintenance sur site.",
                    Nature.GOODS,
                    "30120000",
                    new BigDecimal("48000000"),
                    14,
                    Stage.STANDSTILL,
                    List.of(
                            new String[] {TERANGA, "43700000", null},
                            new String[] {SAHEL, "45100000", "2 %"},
                            new String[] {DAKAR_MEDICAL, "47600000", null})),
            new Story(
                    "MSAS-2026-AOO-104",
                    "Fourniture d'équipements d'imagerie médicale pour le centre hospitalier de Thiès",
                    "Un échographe, un appareil de radiographie numérique et leur installation, avec la formation"
                            + " des manipulateurs.",
                    Nature.GOODS,
                    "33110000",
                    new BigDecimal("210000000"),
                    18,
                    Stage.SUSPENDED,
                    List.of(new String[] {DAKAR_MEDICAL, "198500000", null}, new String[] {TERANGA, "204000000", "1 %"
                    })),
            new Story(
                    "MSAS-2026-AOO-105",
                    "Acquisition de tablettes pour le système d'information sanitaire communautaire",
                    "Tablettes durcies, housses et chargeurs solaires pour les agents de santé communautaire.",
                    Nature.GOODS,
                    "30213200",
                    new BigDecimal("36000000"),
                    55,
                    Stage.FINAL,
                    List.of(
                            new String[] {SAHEL, "33900000", null},
                            new String[] {TERANGA, "35200000", null},
                            new String[] {DAKAR_MEDICAL, "34950000", null})));

    private DemoStories() {}
}
