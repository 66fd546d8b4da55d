// SPDX-License-Identifier: Apache-2.0
/** Reading and validating the YAML rule packs: the file format is an implementation detail of the rules module. */
@NullMarked
package org.baobab.rules.internal;

import org.jspecify.annotations.NullMarked;
