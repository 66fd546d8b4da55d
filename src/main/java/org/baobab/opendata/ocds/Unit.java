// SPDX-License-Identifier: Apache-2.0
package org.baobab.opendata.ocds;

/** The unit an item is measured in (e.g. {@code scheme} {@code UNCEFACT}, {@code id} {@code KGM}), and its price. */
public record Unit(String scheme, String id, String name, Value value, String uri) {

    public static Unit named(String name) {
        return new Unit(null, null, name, null, null);
    }
}
