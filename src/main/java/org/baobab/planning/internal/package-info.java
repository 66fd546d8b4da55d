// SPDX-License-Identifier: Apache-2.0
/** Planning internals: the plan store, the spreadsheet import, the demo plans. */
@NullMarked
package org.baobab.planning.internal;

import org.jspecify.annotations.NullMarked;
