// SPDX-License-Identifier: Apache-2.0
package org.baobab.opendata.ocds;

/** An organisation's identifier in a registry ({@code scheme} from the org-id.guide list, e.g. {@code SN-NINEA}). */
public record Identifier(String scheme, String id, String legalName, String uri) {

    public Identifier(String scheme, String id, String legalName) {
        this(scheme, id, legalName, null);
    }
}
