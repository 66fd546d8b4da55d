// SPDX-License-Identifier: Apache-2.0
/**
 * The portal's frame: layout, home page, navigation, language and right-to-left switching, error pages. No business
 * rules live here.
 */
@ApplicationModule(displayName = "Portal")
@NullMarked
package org.baobab.portal;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
