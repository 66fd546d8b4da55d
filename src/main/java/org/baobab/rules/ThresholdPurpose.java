// SPDX-License-Identifier: Apache-2.0
package org.baobab.rules;

/**
 * What an amount threshold decides. Thresholds form a table buyer category × nature × purpose (docs/DOMAIN-RULES.md
 * §3.1): the same amount may call for an open tender, trigger prior review by the control body, or exempt a bid
 * security.
 */
public enum ThresholdPurpose {
    /** Below this band, the purchase is outside the procurement code (e.g. administrative purchase orders). */
    OUTSIDE_CODE,
    /** Which procedure applies to a contract of this amount. */
    PROCEDURE,
    /** Prior (a-priori) review by the control body above this amount. */
    PRIOR_REVIEW,
    /** Whether a bid security (garantie de soumission) is required. */
    BID_SECURITY,
    /** Community (regional) publication required. */
    PUBLICATION
}
