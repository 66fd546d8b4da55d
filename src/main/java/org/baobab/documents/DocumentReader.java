// SPDX-License-Identifier: Apache-2.0
package org.baobab.documents;

import java.util.Set;
import java.util.UUID;
import org.baobab.shared.Role;

/**
 * Who asks to read a document: their e-mail, the organisations they are a member of, and the roles they hold (in any of
 * them). Modules answering {@link DocumentUses} decide from these alone.
 */
public record DocumentReader(String email, Set<UUID> organisations, Set<Role> roles) {

    public DocumentReader {
        organisations = Set.copyOf(organisations);
        roles = Set.copyOf(roles);
    }

    public boolean hasAnyRole(Role... wanted) {
        for (Role role : wanted) {
            if (roles.contains(role)) {
                return true;
            }
        }
        return false;
    }
}
