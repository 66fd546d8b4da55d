// SPDX-License-Identifier: Apache-2.0
package org.baobab.planning;

/** Where a revision of a procurement plan stands; a published revision never changes again. */
public enum PlanStatus {
    /** Lines being drawn up by the authority's buyers and PRM. */
    DRAFT,
    /** Checked and validated by the PRM, ready to publish. */
    VALIDATED,
    /** Public, frozen; a change needs a new revision. */
    PUBLISHED
}
