// SPDX-License-Identifier: Apache-2.0
/** The exclusions' table. */
@NullMarked
package org.baobab.suppliers.internal;

import org.jspecify.annotations.NullMarked;
