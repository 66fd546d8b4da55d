// SPDX-License-Identifier: Apache-2.0
package org.baobab.shared;

/** The four kinds of organisation that act on Baobab. */
public enum OrganisationKind {
    /** Autorité contractante: a ministry, agency, local authority or public company that buys. */
    CONTRACTING_AUTHORITY,
    /** Soumissionnaire: a company that bids. */
    SUPPLIER,
    /** Organe de contrôle a priori (DCMP, MINMAP, DGMP…): prior review, "avis de non-objection". */
    CONTROL_BODY,
    /** Autorité de régulation (ARCOP, ARMP…): complaints, audits, fees, archives; runs the platform. */
    REGULATOR
}
