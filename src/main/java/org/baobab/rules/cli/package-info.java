// SPDX-License-Identifier: Apache-2.0
/**
 * The rule packs' offline validator ({@link org.baobab.rules.cli.PackTool}): checks a pack folder with the same reader
 * the platform uses at start-up, without starting it, so that a pack author sees every problem before a release.
 */
@NullMarked
package org.baobab.rules.cli;

import org.jspecify.annotations.NullMarked;
