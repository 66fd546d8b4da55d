// SPDX-License-Identifier: Apache-2.0
/**
 * Award: the evaluation's recommendation ({@link org.baobab.award.Recommendation}), the provisional award notice,
 * each bidder told the result and the reasons, the standstill counted from the pack, prior review by the control body
 * where the pack requires it, the final award once the standstill is over with no pending complaint or suspension,
 * and the OCDS award releases.
 */
@ApplicationModule(
        displayName = "Award",
        allowedDependencies = {
            "shared",
            "identity",
            "rules",
            "tendering",
            "complaints",
            "documents",
            "opendata",
            "opendata :: ocds"
        })
@NullMarked
package org.baobab.award;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
