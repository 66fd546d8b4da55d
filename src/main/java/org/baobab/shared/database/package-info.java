// SPDX-License-Identifier: Apache-2.0
/** The database default (embedded PostgreSQL when none is configured) and the demo-mode switch. */
@NullMarked
package org.baobab.shared.database;

import org.jspecify.annotations.NullMarked;
