// SPDX-License-Identifier: Apache-2.0
/**
 * Complaints (recours): a bidder's complaint to the contracting authority (recours gracieux) within the pack's window,
 * the authority's answer, the escalation to the regulator's complaints body (CRD, CER, ANRMP), which may suspend the
 * procedure while it decides, and its decision ({@link org.baobab.complaints.Complaints}). Complaints are structured
 * as Prozorro models them: the act contested, the objections, the remedy asked, the evidence, the exchanges and the
 * decision. Other modules ask {@link org.baobab.complaints.Complaints#suspended(String)} before awarding or signing.
 */
@ApplicationModule(
        displayName = "Complaints",
        allowedDependencies = {"shared", "identity", "rules", "tendering", "documents"})
@NullMarked
package org.baobab.complaints;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
