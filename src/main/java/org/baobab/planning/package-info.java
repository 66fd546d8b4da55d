// SPDX-License-Identifier: Apache-2.0
/**
 * Planning: each contracting authority's annual procurement plan (PPM, plan de passation des marchés), drawn up line
 * by line or imported from a spreadsheet, validated and published by the PRM, revised with its history kept; the
 * general procurement notice (AGPM) generated from it; and the published lines from which tendering launches
 * procurement processes ({@link org.baobab.planning.Plans}).
 */
@ApplicationModule(
        displayName = "Planning",
        allowedDependencies = {"shared", "identity", "rules", "opendata", "opendata :: ocds"})
@NullMarked
package org.baobab.planning;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
