// SPDX-License-Identifier: Apache-2.0
/** Tendering internals: the process store, the notice checks against the rule pack, the deadline job. */
@NullMarked
package org.baobab.tendering.internal;

import org.jspecify.annotations.NullMarked;
