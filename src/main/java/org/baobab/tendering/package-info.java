// SPDX-License-Identifier: Apache-2.0
/**
 * Tendering: procurement processes (one OCDS {@code ocid} each), from a plan line or, with a recorded reason, outside
 * the plan; their notice (lots, documents, eligibility, criteria, deadlines) checked against the country's rule pack;
 * prior review by the control body; publication, addenda, cancellation and closing at the deadline; clarifications;
 * and the public search of notices. Commands go through {@link org.baobab.tendering.Tendering}, reads through
 * {@link org.baobab.tendering.Notices}.
 */
@ApplicationModule(
        displayName = "Tendering",
        allowedDependencies = {"shared", "identity", "rules", "documents", "planning", "opendata", "opendata :: ocds"})
@NullMarked
package org.baobab.tendering;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
