// SPDX-License-Identifier: Apache-2.0
/**
 * Per-country procurement rule packs as data: procedures with their OCDS method, thresholds, time limits over the
 * country's working-day calendar, fee scales, required supplier documents and preference margins, each value with its
 * legal basis, valid-from date and confidence. Packs are YAML files loaded and validated at start-up; other modules
 * read them through {@link org.baobab.rules.RulePacks}.
 */
@org.springframework.modulith.ApplicationModule(
        displayName = "Rules",
        allowedDependencies = {"shared"})
@NullMarked
package org.baobab.rules;

import org.jspecify.annotations.NullMarked;
