// SPDX-License-Identifier: Apache-2.0
/** The public pages and JSON API of the rule packs: anyone may read the rules that apply to them, with their sources. */
@NullMarked
package org.baobab.rules.web;

import org.jspecify.annotations.NullMarked;
