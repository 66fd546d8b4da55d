// SPDX-License-Identifier: Apache-2.0
package org.baobab.opendata.ocds;

import java.util.List;

/**
 * An organisation involved in the contracting process, with its roles ({@code buyer}, {@code procuringEntity},
 * {@code tenderer}, {@code supplier}, {@code payer}… from the partyRole codelist).
 */
public record Party(
        String id, String name, Identifier identifier, Address address, ContactPoint contactPoint, List<String> roles) {

    public Party {
        roles = Ocds.list(roles);
    }

    /** What other organisations of the release use to refer to this one. */
    public OrganizationReference reference() {
        return new OrganizationReference(id, name);
    }
}
