// SPDX-License-Identifier: Apache-2.0
/** The platform's own signing key, shared by the modules that sign what the platform attests. */
@NullMarked
package org.baobab.shared.signing;

import org.jspecify.annotations.NullMarked;
