// SPDX-License-Identifier: Apache-2.0
package org.baobab.opendata.ocds;

/** A code from a classification scheme ({@code CPV}, {@code UNSPSC}…), for what is bought. */
public record Classification(String scheme, String id, String description, String uri) {}
