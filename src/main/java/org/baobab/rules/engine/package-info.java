// SPDX-License-Identifier: Apache-2.0
/**
 * The framework-free arithmetic of the rule packs: working-day calendars with weekends and public holidays, deadline
 * counting in calendar, working or clear working days, amount bands (thresholds) and bracketed fee rates. No Spring
 * type may be used here (an ArchUnit rule checks it), so that the numbers can be tested and reasoned about alone.
 */
@NullMarked
package org.baobab.rules.engine;

import org.jspecify.annotations.NullMarked;
