// SPDX-License-Identifier: Apache-2.0
/** Exclusion pages: the public list, the regulator's register. */
@NullMarked
package org.baobab.suppliers.web;

import org.jspecify.annotations.NullMarked;
