// SPDX-License-Identifier: Apache-2.0
/**
 * Value types and cross-cutting contracts every module may use: error codes, the auditable-event contract, the clock,
 * the embedded-database default. No business rules live here.
 */
@ApplicationModule(displayName = "Shared kernel", type = ApplicationModule.Type.OPEN)
@NullMarked
package org.baobab.shared;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
