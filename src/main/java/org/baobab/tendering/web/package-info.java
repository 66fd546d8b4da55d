// SPDX-License-Identifier: Apache-2.0
/** Tendering pages and API: the public notices, the buyer's processes, the control body's review queue. */
@NullMarked
package org.baobab.tendering.web;

import org.jspecify.annotations.NullMarked;
