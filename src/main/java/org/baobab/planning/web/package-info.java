// SPDX-License-Identifier: Apache-2.0
/** Planning pages: the public plans and AGPM, the buyer's plan editor. */
@NullMarked
package org.baobab.planning.web;

import org.jspecify.annotations.NullMarked;
