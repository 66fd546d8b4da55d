// SPDX-License-Identifier: Apache-2.0
package org.baobab.award;

import org.baobab.shared.BaobabException;

/**
 * Where an award stands, and the moves it may make (docs/award.md). Plain Java: the services ask the status for the
 * next one and store its name; a move the status does not allow is refused with {@code AWARD-0009}
 * ({@link AwardErrorCode#WRONG_STATE}), a new recommendation after the publication with {@code AWARD-0004}.
 *
 * <pre>
 * RECOMMENDED ──submitForReview──▶ IN_REVIEW ──approved──▶ APPROVED
 *      ▲                               └──────returned────────┘ (back to RECOMMENDED)
 * RECOMMENDED or APPROVED ──publishProvisional──▶ PROVISIONAL ──finalise──▶ FINAL
 * any status but FINAL ──cancel──▶ CANCELLED
 * </pre>
 */
public enum AwardStatus {
    RECOMMENDED,
    IN_REVIEW,
    APPROVED,
    PROVISIONAL,
    FINAL,
    CANCELLED;

    /** Refuses a new recommendation once the provisional award is published (or the award cancelled). */
    public AwardStatus recommendAgain() {
        if (this != RECOMMENDED && this != IN_REVIEW && this != APPROVED) {
            throw new BaobabException(AwardErrorCode.ALREADY_PUBLISHED);
        }
        return RECOMMENDED;
    }

    /** The PRM sends the recommended award to the control body. */
    public AwardStatus submitForReview() {
        require(this == RECOMMENDED);
        return IN_REVIEW;
    }

    /** The control body approves the award, or returns it to the PRM. */
    public AwardStatus review(boolean approve) {
        require(this == IN_REVIEW);
        return approve ? APPROVED : RECOMMENDED;
    }

    /** The PRM publishes the provisional award: recommended, or approved by the control body. */
    public AwardStatus publishProvisional() {
        require(this == RECOMMENDED || this == APPROVED);
        return PROVISIONAL;
    }

    /** Whether the control body approved the award (so that a prior review it requires is done). */
    public boolean approvedInReview() {
        return this == APPROVED;
    }

    /** The PRM makes the provisional award final. */
    public AwardStatus finalise() {
        require(this == PROVISIONAL);
        return FINAL;
    }

    /** The procedure is cancelled at the award stage: never once the award is final. */
    public AwardStatus cancel() {
        require(this != FINAL);
        return CANCELLED;
    }

    private static void require(boolean allowed) {
        if (!allowed) {
            throw new BaobabException(AwardErrorCode.WRONG_STATE);
        }
    }
}
