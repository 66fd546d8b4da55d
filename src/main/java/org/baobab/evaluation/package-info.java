// SPDX-License-Identifier: Apache-2.0
/**
 * Evaluation: the committee's examination of the bids opened ({@link org.baobab.evaluation.Evaluations}): criteria
 * fixed from the notice, declarations of conflict of interest before any bid is seen, each member's own marks then the
 * committee's settled ones with reasons, the second opening of a two-envelope procedure, arithmetic corrections,
 * preference margins, abnormally low prices, the ranking by the notice's award method, and the report (page and
 * PDF/A) the members approve; its recommendation goes to the award.
 */
@ApplicationModule(
        displayName = "Evaluation",
        allowedDependencies = {"shared", "identity", "rules", "tendering", "bidding", "opening", "award", "documents"})
@NullMarked
package org.baobab.evaluation;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
