// SPDX-License-Identifier: Apache-2.0
/**
 * The OCDS 1.1 data model (release schema 1.1.5, plus the lots and bid extensions), as plain records named as in the standard.
 * A module that publishes releases builds them from these types and hands them to
 * {@link org.baobab.opendata.OpenData#publish}.
 *
 * <p>Every field is optional unless the standard requires it: pass {@code null} (or an empty list) for what is not
 * known; the serialiser omits nulls, empty strings, empty lists and empty objects, because OCDS forbids empty fields.
 * Lists are never {@code null} once built (a {@code null} list becomes an empty one).
 *
 * <p>Stability: these records may gain components as the standard or extensions are adopted (awards, contracts…);
 * when one does, the previous constructor is kept as an overload, so existing callers still compile.
 *
 * <p>A module that uses these types declares {@code "opendata :: ocds"} in its {@code allowedDependencies} (besides
 * {@code "opendata"}).
 */
@NamedInterface("ocds")
package org.baobab.opendata.ocds;

import org.springframework.modulith.NamedInterface;
