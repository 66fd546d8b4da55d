// SPDX-License-Identifier: Apache-2.0
package org.baobab.tendering;

/**
 * Where a procurement process stands. Drafts, processes in review and approved ones are seen by the authority's staff
 * (and the control body) only; the public sees a process from its publication on.
 */
public enum ProcessStatus {
    /** Being prepared by the authority's staff; returned processes come back here with the control body's comments. */
    DRAFT,
    /** Sent to the control body for prior review; nobody edits it meanwhile. */
    IN_REVIEW,
    /** The control body approved it; the PRM may publish it. */
    APPROVED,
    /** The notice is public and bids may be submitted until the deadline. */
    PUBLISHED,
    /** The submission deadline passed: no more bids, questions or addenda. */
    CLOSED,
    /** Cancelled with a reason (before or after publication). */
    CANCELLED;

    /** Whether the authority's staff may still change the notice. */
    public boolean editable() {
        return this == DRAFT;
    }

    /** The OCDS {@code tender.status} of a published process in this state. */
    public String ocdsTenderStatus() {
        return switch (this) {
            case DRAFT, IN_REVIEW, APPROVED -> "planning";
            case PUBLISHED, CLOSED -> "active";
            case CANCELLED -> "cancelled";
        };
    }
}
