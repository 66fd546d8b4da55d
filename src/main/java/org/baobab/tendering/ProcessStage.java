// SPDX-License-Identifier: Apache-2.0
package org.baobab.tendering;

/**
 * How far a published process has gone after its notice, as the modules after tendering know it (opening, evaluation,
 * award, complaints). Later constants win when several modules answer: a suspended process shows as suspended,
 * whatever it reached before.
 */
public enum ProcessStage {
    /** The bids were opened (an opening session started). */
    OPENED,
    /** The evaluation committee is at work. */
    UNDER_EVALUATION,
    /** The provisional award is published; the standstill runs. */
    PROVISIONALLY_AWARDED,
    /** The award is final. */
    AWARDED,
    /** The regulator suspended the procedure while it decides a complaint. */
    SUSPENDED
}
